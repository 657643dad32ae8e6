package io.affinitygrid.shell;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * What to tell the user who typed a command the shell does not have: the closest command's name when one is
 * close ({@code topolgy} → {@code topology}, {@code comput sum} → {@code compute sum}), and for a group of
 * commands such as {@code compute}, its sub-commands, sorted. Stateless.
 */
final class CommandSuggestions {

    /** A word this many characters long or longer may be the start of a command's name. */
    private static final int MIN_PREFIX = 3;

    private CommandSuggestions() {
    }

    /**
     * The message for a line whose leading words (those before the first option) name no command.
     *
     * @param leading the leading words, at least one
     */
    static String unknownCommand(CommandRegistry registry, List<String> leading) {
        String first = leading.get(0);
        String second = leading.size() > 1 ? leading.get(1) : null;
        List<String> group = subCommands(registry, first);
        if (!group.isEmpty()) {
            // a group such as "compute": the sub-command is missing or wrong
            String typed = second == null ? first : first + " " + second;
            String closest = second == null ? null : closest(second, group).map(sub -> first + " " + sub).orElse(null);
            return (second == null ? "'" + first + "' needs a sub-command." : "Unknown command '" + typed + "'.")
                    + (closest == null ? "" : " Did you mean '" + closest + "'?")
                    + " '" + first + "' is followed by one of: " + String.join(", ", group) + ".";
        }
        Optional<String> word = closest(first, firstWords(registry));
        String closest = word.map(w -> {
            List<String> subs = subCommands(registry, w);
            if (subs.isEmpty()) {
                return w;
            }
            return second == null ? w : closest(second, subs).map(sub -> w + " " + sub).orElse(w);
        }).orElse(null);
        String typed = closest != null && closest.contains(" ") ? first + " " + second : first;
        return "Unknown command '" + typed + "'." + (closest == null ? "" : " Did you mean '" + closest + "'?")
                + " Type 'help' to list the commands.";
    }

    /** The sub-commands of a group ({@code compute} → {@code avg, bottom, ...}), sorted; empty for a non-group. */
    static List<String> subCommands(CommandRegistry registry, String group) {
        return registry.getCommandsByPrefix(group + " ").stream()
                .map(command -> command.getName().substring(group.length() + 1))
                .sorted()
                .toList();
    }

    /** The first words of the visible commands' names: {@code topology}, {@code compute}, ... */
    private static List<String> firstWords(CommandRegistry registry) {
        TreeSet<String> words = new TreeSet<>();
        for (Command command : registry.getCommands()) {
            if (!command.isHidden()) {
                words.add(command.getName().split(" ")[0]);
            }
        }
        return List.copyOf(words);
    }

    /**
     * The candidate closest to {@code typed}: one a typo or two away (fewer for short words), or one that
     * {@code typed} starts, if any.
     */
    static Optional<String> closest(String typed, List<String> candidates) {
        String word = typed.toLowerCase(java.util.Locale.ROOT);
        int allowed = word.length() <= 4 ? 1 : 2;
        return candidates.stream()
                .map(candidate -> new Scored(candidate, word.length() >= MIN_PREFIX && candidate.startsWith(word)
                        ? 1 : distance(word, candidate)))
                .filter(scored -> scored.distance() <= allowed)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
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
