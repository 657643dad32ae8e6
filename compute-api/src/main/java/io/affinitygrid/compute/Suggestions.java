package io.affinitygrid.compute;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a name the grid does not know: a map, a field, a command or an option. The nodes, the
 * SDK and the shell word their errors with it, so that a typo gets the same suggestion wherever it is made.
 * Stateless.
 */
public final class Suggestions {

    /** A word this many characters long or longer may be the start of a name. */
    private static final int MIN_PREFIX = 3;

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed}: one a typo or two away (one for words of four characters or fewer),
     * one that differs only in case, or one that {@code typed} starts; empty when none is that close.
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String word = typed.toLowerCase(Locale.ROOT);
        int allowed = word.length() <= 4 ? 1 : 2;
        return candidates.stream()
                .map(candidate -> new Scored(candidate, score(word, candidate.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.distance() <= allowed)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** {@code " Did you mean 'x'?"} for the closest candidate, or an empty string: to append to a sentence. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(name -> " Did you mean '" + name + "'?").orElse("");
    }

    private static int score(String word, String candidate) {
        return word.length() >= MIN_PREFIX && candidate.startsWith(word) ? 1 : distance(word, candidate);
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String candidate, int distance) {
    }
}
