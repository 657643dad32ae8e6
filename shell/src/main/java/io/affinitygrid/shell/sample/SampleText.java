package io.affinitygrid.shell.sample;

import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Lines of text for word counts: plain {@code String} values, made of a small built-in vocabulary in which
 * the first words are much more frequent than the last ones (as in real text). The same seed and id always
 * give the same line. Thread-safe (stateless).
 */
final class SampleText {

    /** The words of the sample lines, most frequent first. */
    public static final List<String> VOCABULARY = List.of(
            "the", "grid", "data", "node", "of", "and", "to", "partition", "a", "in",
            "memory", "compute", "cache", "key", "value", "is", "on", "backup", "primary", "cluster",
            "fast", "scan", "map", "reduce", "task", "job", "client", "server", "near", "far",
            "query", "field", "order", "region", "north", "south", "east", "west", "amount", "sum",
            "count", "top", "word", "line", "text", "affinity", "local", "remote", "network", "latency",
            "throughput", "disk", "heap", "offheap", "binary", "object", "schema", "thin", "thick", "ring");

    private static final int MIN_WORDS = 4;
    private static final int MAX_WORDS = 12;

    private SampleText() {
    }

    /**
     * The line with the given id of the sample text of the given seed: 4 to 12 words of {@link #VOCABULARY},
     * separated by single spaces.
     */
    public static String line(long seed, long id) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id * 31 + 7);
        int words = random.nextInt(MIN_WORDS, MAX_WORDS + 1);
        StringJoiner line = new StringJoiner(" ");
        for (int i = 0; i < words; i++) {
            double r = random.nextDouble();
            line.add(VOCABULARY.get((int) (r * r * VOCABULARY.size())));
        }
        return line.toString();
    }
}
