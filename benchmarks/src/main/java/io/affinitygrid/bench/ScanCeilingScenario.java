package io.affinitygrid.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.cache.Cache;

import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * (e) A node's scan rate vs the ceiling of one process. On a 1-node cluster: the SDK's {@code sum("amount")}
 * (the whole co-located path: task, one job per partition, binary field reads) and a plain local
 * {@code ScanQuery} inside the node reading the field of each {@code BinaryObject} (the scan alone); vs summing
 * the same number of amounts in a {@code double[]} and in an {@code Order[]}, measured by JMH
 * ({@link ArrayScanBenchmark}, in a forked JVM). Rates are entries per second.
 */
final class ScanCeilingScenario {

    /** Target scan rate of one scan thread, entries per second. */
    static final double PER_THREAD_TARGET = 5_000_000;

    private final BenchOptions options;

    ScanCeilingScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster oneNode, Table table) {
        long n = oneNode.entries();
        IgniteCache<Long, BinaryObject> local = oneNode.inJvm()
                ? oneNode.nodeList().get(0).ignite().<Long, Object>cache(BenchCluster.ORDERS).withKeepBinary() : null;
        Stats[] grid = Stats.measureEach(options.warmup(), options.runs(), () -> {
            long start = System.nanoTime();
            oneNode.grid().compute().on(BenchCluster.ORDERS).sum("amount");
            double task = Stats.millisSince(start);
            if (local == null) {
                return new double[] {rate(n, task)};
            }
            start = System.nanoTime();
            localScanSum(local);
            double scan = Stats.millisSince(start);
            return new double[] {rate(n, task), rate(n, scan)};
        });
        Map<String, Stats> ceiling = jmh(n);
        Stats doubles = ceiling.get("sumDoubleArray");
        Stats objects = ceiling.get("sumOrderArray");
        String measure = "scan rate over " + String.format("%,d", n) + " entries, 1 node, entries/s";
        table.add(Row.baselineOverSubject("e", measure, "SDK sum", grid[0], "Order[]", objects, null,
                "whole co-located path (task, jobs, client call); " + oneNode.describe() + "; array summed under JMH"));
        if (local != null) {
            table.add(Row.baselineOverSubject("e", measure, "local scan", grid[1], "Order[]", objects, null,
                    "ScanQuery + BinaryObject.field inside the node, no task"));
        }
        table.add(Row.baselineOverSubject("e", measure, "SDK sum", grid[0], "double[]", doubles, null, ""));
        if (!oneNode.inJvm()) {
            Stats perThread = grid[0];
            table.add(new Row("e", "scan rate per scan thread, entries/s", "SDK sum, 1 core, 1 scan thread", perThread,
                    "target", Stats.of(PER_THREAD_TARGET), "SDK sum ÷ 5 M", perThread.median() / PER_THREAD_TARGET,
                    Target.atLeast(1), (oneNode.describe().contains("core ") ? "the node process is pinned to one core,"
                            + " so its scan threads default to 1" : "taskset unavailable: the node is not pinned, so this is"
                            + " the rate of all its scan threads") + "; the rate includes the task's own overhead"));
        }
    }

    private static double localScanSum(IgniteCache<Long, BinaryObject> cache) {
        double sum = 0;
        try (QueryCursor<Cache.Entry<Long, BinaryObject>> cursor = cache.query(new ScanQuery<Long, BinaryObject>().setLocal(true))) {
            for (Cache.Entry<Long, BinaryObject> entry : cursor) {
                sum += entry.getValue().<Double>field("amount");
            }
        }
        return sum;
    }

    /** Entries per second, from the time of one scan. */
    private static double rate(long entries, double millis) {
        return entries / (millis / 1000);
    }

    /** JMH's per-iteration results for each array benchmark, as entries per second. */
    private Map<String, Stats> jmh(long n) {
        TimeValue iteration = TimeValue.milliseconds(options.jmhIterationMillis());
        var jmhOptions = new OptionsBuilder()
                .include(ArrayScanBenchmark.class.getName() + "\\.")
                .param("size", Long.toString(n))
                .forks(options.jmhForks())
                .warmupIterations(options.warmup())
                .warmupTime(iteration)
                .measurementIterations(options.runs())
                .measurementTime(iteration)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(jmhOptions).run();
        }
        catch (RunnerException e) {
            throw new IllegalStateException("JMH failed", e);
        }
        Map<String, Stats> stats = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            double[] rates = result.getBenchmarkResults().stream()
                    .flatMap(b -> b.getIterationResults().stream())
                    .mapToDouble(i -> rate(n, i.getPrimaryResult().getScore()))
                    .toArray();
            stats.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), Stats.of(rates));
        }
        return stats;
    }
}
