package io.affinitygrid.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one benchmark run, from the command line ({@code --name value}). Immutable.
 *
 * @param entries orders loaded into the grid (scenarios a, e, f)
 * @param runs measured runs per quantity; the table shows their median and min–max
 * @param warmup runs before those, discarded
 * @param ops key operations per run (scenarios b, c, d)
 * @param valueSize value size in bytes for the Redis comparison (d)
 * @param partitions partitions of the grid's caches
 * @param scenarios the scenarios to run, letters a–h
 * @param out directory of latest.md and latest.csv
 * @param jmhForks JMH forks for the array ceiling (e); 0 runs it in this JVM (tests only)
 * @param jmhIterationMillis length of one JMH iteration
 * @param processes whether the nodes run as separate JVM processes (the packaged grid-node jar; the headline
 *     mode) rather than in the harness JVM
 * @param nodeHeap the {@code -Xmx} option of each node process
 * @param pullThreads threads of the pull baseline (0: two per node)
 */
public record BenchOptions(long entries, int runs, int warmup, int ops, int valueSize, int partitions, Set<String> scenarios,
        Path out, int jmhForks, int jmhIterationMillis, boolean processes, String nodeHeap, int pullThreads) {

    public static final String USAGE = """
            Usage: java @config/jvm.options -jar benchmarks/target/benchmarks.jar [options]
              --entries N      orders in the grid (default 1000000)
              --runs N         measured runs per row (default 5)
              --warmup N       discarded runs before them (default 2)
              --ops N          key operations per run in b, c, d (default 20000)
              --value-size N   value bytes in the Redis comparison (default 100)
              --partitions N   partitions per cache (default 1024, the grid's default)
              --scenarios LIST which of a,b,c,d,e,f,g,h to run (default all)
              --out DIR        where latest.md and latest.csv go (default benchmarks/results)
              --jmh-forks N    JMH forks for the array ceiling (default 1)
              --jmh-time-ms N  JMH iteration time (default 1000)
              --mode M         process: nodes are separate JVMs (packaged grid-node jar; default);
                               jvm: nodes in the harness JVM (LocalCluster)
              --node-heap X    -Xmx of each node process (default 1g)
              --pull-threads N threads of the pull baseline (default 0: two per node)""";

    /** The defaults: what the README's command runs. */
    public static BenchOptions defaults() {
        return parse();
    }

    /**
     * Parses {@code --name value} pairs; options not given take their defaults.
     *
     * @throws IllegalArgumentException on an unknown option, a missing value or a bad number
     */
    public static BenchOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!USAGE.contains("  " + args[i] + " ")) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            given.put(args[i], args[i + 1]);
        }
        return new BenchOptions(number(given, "--entries", 1_000_000, 1), (int) number(given, "--runs", 5, 1),
                (int) number(given, "--warmup", 2, 0), (int) number(given, "--ops", 20_000, 1),
                (int) number(given, "--value-size", 100, 1), (int) number(given, "--partitions", 1024, 1),
                scenarios(given.getOrDefault("--scenarios", "a,b,c,d,e,f,g,h")),
                Path.of(given.getOrDefault("--out", "benchmarks/results")), (int) number(given, "--jmh-forks", 1, 0),
                (int) number(given, "--jmh-time-ms", 1000, 1), mode(given.getOrDefault("--mode", "process")),
                "-Xmx" + given.getOrDefault("--node-heap", "1g"), (int) number(given, "--pull-threads", 0, 0));
    }

    private static boolean mode(String mode) {
        return switch (mode) {
            case "process" -> true;
            case "jvm" -> false;
            default -> throw new IllegalArgumentException("--mode: '" + mode + "' is not process or jvm");
        };
    }

    /** Whether scenario {@code letter} is to run. */
    public boolean runs(String letter) {
        return scenarios.contains(letter);
    }

    private static Set<String> scenarios(String list) {
        Set<String> letters = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            String letter = s.trim().toLowerCase();
            if (!List.of("a", "b", "c", "d", "e", "f", "g", "h").contains(letter)) {
                throw new IllegalArgumentException("--scenarios: '" + s + "' is not one of a,b,c,d,e,f,g,h");
            }
            letters.add(letter);
        }
        return Set.copyOf(letters);
    }

    private static long number(Map<String, String> given, String name, long defaultValue, long min) {
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
        return n;
    }
}
