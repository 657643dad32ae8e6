package io.affinitygrid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the benchmark scenarios against local clusters of 1, 2 and 3 grid nodes started in this JVM
 * ({@code LocalCluster}, loopback TCP between nodes and clients), prints one table and writes it to
 * {@code <out>/latest.md} and {@code <out>/latest.csv}.
 *
 * <ul>
 * <li>(a) {@link AggregateScenario}: co-located sum and group-by vs pulling every entry by partition.
 * <li>(b) {@link ClientOverheadScenario}: SDK get/put vs the raw Ignite thin client.
 * <li>(c) {@link NearCacheScenario}: near-cache hit vs remote get.
 * <li>(d) {@link ThroughputScenario}: get/put throughput at 1, 8, 64 callers vs redis-benchmark.
 * <li>(e) {@link ScanCeilingScenario}: a node's scan rate vs arrays in one process (JMH).
 * <li>(f) {@link ScalingScenario}: the sum on 1, 2 and 3 nodes.
 * <li>(g) {@link BurstScenario}: a burst of simultaneous computations vs the same ones one at a time.
 * <li>(h) {@link ShellStartScenario}: a one-shot shell command, from its class-data archive vs the plain jar.
 * </ul>
 *
 * Every row is the median and min–max of {@code --runs} runs after {@code --warmup} discarded ones.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options);
        Path md = options.out().resolve("latest.md");
        System.out.println(Files.readString(md));
        System.err.println("[bench] wrote " + md + " and " + options.out().resolve("latest.csv"));
        System.exit(0); // Ignite may leave non-daemon threads behind
    }

    /** Runs the selected scenarios, writes latest.md and latest.csv, and returns the table. */
    public static Table run(BenchOptions options) throws IOException {
        progress(options.processes() ? "nodes are separate JVM processes; their logs: "
                + Path.of(System.getProperty("java.io.tmpdir"), "affinity-grid-bench-nodes")
                : "Ignite's own log: " + Path.of(System.getProperty("java.io.tmpdir"), "affinity-grid-bench-ignite.log"));
        Table table = new Table();
        ScalingScenario scaling = new ScalingScenario(options);
        // process mode: one core per node for the scan rate and the scale-out (same CPU budget per node)
        boolean pin = options.processes() && tasksetAvailable();
        if (options.runs("e") || options.runs("f")) {
            try (BenchCluster one = start(1, options, false, pin)) {
                scenario("f", "sum on 1 node", options, table, () -> scaling.measure(one));
                scenario("e", "scan rate on 1 node vs arrays (JMH)", options, table, () -> new ScanCeilingScenario(options).run(one, table));
            }
        }
        if (options.runs("f")) {
            try (BenchCluster two = start(2, options, false, pin)) {
                scenario("f", "sum on 2 nodes", options, table, () -> scaling.measure(two));
            }
            if (options.processes()) {
                scaling.report(table, options.entries(), Runtime.getRuntime().availableProcessors(), pin);
            }
        }
        if (Stream.of("a", "b", "c", "d", "g", "h").anyMatch(options::runs) || options.runs("f") && !options.processes()) {
            try (BenchCluster three = start(3, options, options.runs("d"), false)) {
                if (!options.processes()) {
                    scenario("f", "sum on 3 nodes", options, table, () -> {
                        scaling.measure(three);
                        scaling.report(table, options.entries(), Runtime.getRuntime().availableProcessors(), false);
                    });
                }
                scenario("a", "co-located sum and group-by vs pull", options, table, () -> new AggregateScenario(options).run(three, table));
                scenario("b", "SDK vs raw thin client", options, table, () -> new ClientOverheadScenario(options).run(three, table));
                scenario("c", "near-cache hit vs remote get", options, table, () -> new NearCacheScenario(options).run(three, table));
                scenario("d", "throughput at 1, 8, 64 callers vs Redis", options, table, () -> new ThroughputScenario(options).run(three, table));
                scenario("g", "burst of computations vs one at a time", options, table, () -> new BurstScenario(options).run(three, table));
                scenario("h", "one-shot shell command", options, table, () -> new ShellStartScenario(options).run(three, table));
            }
        }
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("latest.md"), report(options, table));
        Files.writeString(options.out().resolve("latest.csv"), table.toCsv());
        return table;
    }

    /** Whether {@code taskset} (util-linux) can pin a process here. */
    static boolean tasksetAvailable() {
        try {
            Process p = new ProcessBuilder("taskset", "-c", "0", "true").redirectErrorStream(true).start();
            return p.waitFor() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Markdown report: what was run, where, the table and how to read it. */
    static String report(BenchOptions o, Table table) {
        return "Affinity Grid benchmarks, " + LocalDate.now() + ": " + String.format("%,d", o.entries()) + " entries, "
                + o.partitions() + " partitions, " + o.runs() + (o.runs() == 1 ? " run" : " runs") + " (+" + o.warmup()
                + " warm-up) per row, "
                + String.format("%,d", o.ops()) + " key operations per run; "
                + (o.processes() ? "nodes are separate JVM processes (packaged grid-node jar, " + o.nodeHeap()
                        + ", loopback), the client in the harness JVM" : "nodes in the harness JVM (LocalCluster, loopback)")
                + ".\nCommand: " + command(o) + "\n"
                + "Machine: " + machine() + ".\n\n"
                + table.toMarkdown()
                + "\nRatios are of the medians. Load is the 1-minute load average when the row was recorded; ⚠ marks rows"
                + " measured while it exceeded the number of cores (other processes competed for the CPU). Targets:"
                + " (a) co-located sum ≥ 10× and group-by ≥ 8× faster than the best pull, bytes moved ≥ 500× fewer, the"
                + " rest of the catalog within 1.5× of sum; (b) SDK ≤ 5% slower than the raw client; (c) near-cache hit"
                + " ≥ 100× faster than a remote get; (d) grid get throughput ≥ 0.5× Redis at 8 callers and ≥ 1× at 64;"
                + " (e) ≥ 5 M entries/s per scan thread; (h) a one-shot shell command in ≤ 3 s. Method of each scenario: benchmarks/README.md.\n";
    }

    /**
     * Runs one scenario if it was asked for. A scenario that fails leaves a "FAILED" row (its stack trace goes to
     * stderr) and the others still run.
     */
    private static void scenario(String letter, String title, BenchOptions options, Table table, Runnable scenario) {
        if (!options.runs(letter)) {
            return;
        }
        progress(letter + ": " + title);
        try {
            scenario.run();
        }
        catch (RuntimeException e) {
            progress(letter + " failed:");
            e.printStackTrace();
            table.add(Row.failed(letter, e));
        }
    }

    private static BenchCluster start(int nodes, BenchOptions options, boolean withKv, boolean pin) {
        progress("starting " + nodes + " node" + (nodes == 1 ? "" : "s") + (options.processes() ? " as processes"
                + (pin ? ", one core each" : "") : " in this JVM") + ", loading " + String.format("%,d", options.entries()) + " orders");
        return BenchCluster.start(nodes, options, withKv, pin);
    }

    /** The command line that reproduces this run. */
    static String command(BenchOptions o) {
        return "`bin/grid-bench --mode " + (o.processes() ? "process" : "jvm") + " --entries " + o.entries() + " --runs "
                + o.runs() + " --warmup " + o.warmup() + " --ops " + o.ops() + " --partitions " + o.partitions()
                + " --scenarios " + String.join(",", new java.util.TreeSet<>(o.scenarios())) + "`";
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    private static String machine() {
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        String cpu = "";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ").orElse("");
        }
        catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return cpu + Runtime.getRuntime().availableProcessors() + " cores, " + (ram >> 30) + " GB RAM, "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, load average "
                + String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " at the end";
    }
}
