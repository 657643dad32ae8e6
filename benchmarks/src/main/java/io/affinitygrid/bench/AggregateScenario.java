package io.affinitygrid.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.cache.Cache;

import io.affinitygrid.client.ComputeScope;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.SumResult;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.client.ClientCache;

/**
 * (a) Co-located aggregation vs pulling. The SDK's {@code compute().on("orders").sum("amount")} and
 * {@code groupBy("region", "amount")} run on the nodes; the baseline pulls every entry to the client with the raw
 * thin client, one {@code ScanQuery.setPartition(p)} per partition (an unpartitioned scan stalls, see design.md),
 * reads the fields of the binary objects and aggregates in the client. Each run does both, one after the other,
 * and checks that they agree. Bytes moved are the nodes' own byte counters (thin-client connector, both
 * directions, plus node-to-node sends) before and after.
 */
final class AggregateScenario {

    static final Target SUM_TARGET = Target.atLeast(10);
    static final Target GROUP_BY_TARGET = Target.atLeast(8);
    static final Target BYTES_TARGET = Target.atLeast(500);
    static final Target CATALOG_TARGET = Target.atMost(1.5);

    /** Entries per page of the pull baseline's scans (Ignite's default is 1024). */
    static final int PULL_PAGE_SIZE = 4096;

    private final BenchOptions options;
    private int pullThreads;
    private ExecutorService pool;

    AggregateScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster cluster, Table table) {
        pullThreads = options.pullThreads() > 0 ? options.pullThreads() : 2 * cluster.nodes();
        pool = Executors.newFixedThreadPool(pullThreads);
        try {
            measure(cluster, table);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void measure(BenchCluster cluster, Table table) {
        ComputeScope scope = cluster.grid().compute().on(BenchCluster.ORDERS);
        ClientCache<Long, BinaryObject> cache = cluster.raw().<Long, Object>cache(BenchCluster.ORDERS).withKeepBinary();
        String entries = String.format("%,d", cluster.entries());
        String how = cluster.describe() + "; pull: " + pullThreads + " threads, one partition at a time each, page "
                + PULL_PAGE_SIZE + ", keep-binary; heaps collected before each call, the side that goes first alternates";

        // A pull leaves tens of MB of garbage on every node, and whichever call comes next would pay for collecting
        // it: every timed call starts from collected heaps (Measured.of), and which side goes first alternates.
        int[] round = {0};
        Stats[] sum = Stats.measureEach(options.warmup(), options.runs(), () -> {
            boolean colocatedFirst = round[0]++ % 2 == 0;
            Measured<double[]> pulledFirst = colocatedFirst ? null : Measured.of(cluster, () -> pullSum(cache));
            Measured<SumResult> colocated = Measured.of(cluster, () -> scope.sum("amount"));
            Measured<double[]> pulled = colocatedFirst ? Measured.of(cluster, () -> pullSum(cache)) : pulledFirst;
            check(colocated.result().count() == (long) pulled.result()[0]
                    && close(colocated.result().sum().doubleValue(), pulled.result()[1]),
                    "sum: co-located " + colocated.result() + " vs pulled count=" + pulled.result()[0] + " sum=" + pulled.result()[1]);
            return values(colocated, pulled);
        });
        report(table, "sum(amount) over " + entries + " entries", sum, SUM_TARGET, how);

        Stats[] groupBy = Stats.measureEach(options.warmup(), options.runs(), () -> {
            boolean colocatedFirst = round[0]++ % 2 == 0;
            Measured<Map<String, double[]>> pulledFirst = colocatedFirst ? null : Measured.of(cluster, () -> pullGroupBy(cache));
            Measured<List<GroupRow>> colocated = Measured.of(cluster, () -> scope.groupBy("region", "amount"));
            Measured<Map<String, double[]>> pulled = colocatedFirst ? Measured.of(cluster, () -> pullGroupBy(cache)) : pulledFirst;
            for (GroupRow row : colocated.result()) {
                double[] totals = pulled.result().get((String) row.group());
                check(totals != null && totals[0] == row.count() && close(row.sum().doubleValue(), totals[1]),
                        "group-by: co-located " + row + " vs pulled " + (totals == null ? "nothing" : List.of(totals[0], totals[1])));
            }
            return values(colocated, pulled);
        });
        report(table, "group-by(region) sum(amount) over " + entries + " entries", groupBy, GROUP_BY_TARGET, how);

        // the rest of the catalog against sum, each run interleaved
        List<Supplier<?>> calls = List.of(() -> scope.sum("amount"), () -> scope.groupBy("region", "amount"),
                () -> scope.top("amount", 10), () -> scope.distinct("region"), () -> scope.wordCount("region", 10));
        Stats[] catalog = Stats.measureEach(options.warmup(), options.runs(), () -> {
            double[] times = new double[calls.size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = Measured.of(cluster, calls.get(i)).millis();
            }
            return times;
        });
        String[] names = {"group-by(region) sum(amount)", "top(amount, 10)", "distinct(region)", "words(region, 10)"};
        for (int i = 0; i < names.length; i++) {
            table.add(Row.subjectOverBaseline("a", names[i] + " over " + entries + " entries: time, ms", names[i].substring(0,
                    names[i].indexOf('(')), catalog[i + 1], "sum(amount)", catalog[0], CATALOG_TARGET,
                    "co-located, same run; " + cluster.describe()));
        }
    }

    /** Time, KB in all, client KB and node-to-node KB of the co-located run, then the same of the pull. */
    private static double[] values(Measured<?> colocated, Measured<?> pulled) {
        return new double[] {colocated.millis(), colocated.kilobytes(), colocated.clientKilobytes(), colocated.nodeKilobytes(),
                pulled.millis(), pulled.kilobytes(), pulled.clientKilobytes(), pulled.nodeKilobytes()};
    }

    private void report(Table table, String what, Stats[] s, Target target, String how) {
        String subject = "co-located";
        String baseline = "pull";
        table.add(Row.baselineOverSubject("a", what + ": time, ms", subject, s[0], baseline, s[4], target, how));
        table.add(Row.baselineOverSubject("a", what + ": bytes moved, KB", subject, s[1], baseline, s[5], BYTES_TARGET,
                String.format("counted by the nodes; client↔node + node→node KB: co-located %s + %s, pull %s + %s",
                        Table.number(s[2].median()), Table.number(s[3].median()), Table.number(s[6].median()),
                        Table.number(s[7].median()))));
    }

    /**
     * Count and sum of {@code amount}, pulled partition by partition by {@link #pullThreads} threads at once, each
     * taking the next partition not yet pulled.
     */
    private double[] pullSum(ClientCache<Long, BinaryObject> cache) {
        List<double[]> perThread = pull(cache, () -> new double[2], (totals, order) -> {
            totals[0]++;
            totals[1] += order.<Double>field("amount");
        });
        double[] total = new double[2];
        for (double[] t : perThread) {
            total[0] += t[0];
            total[1] += t[1];
        }
        return total;
    }

    /** Per region: count and sum of {@code amount}, pulled like {@link #pullSum}. */
    private Map<String, double[]> pullGroupBy(ClientCache<Long, BinaryObject> cache) {
        List<HashMap<String, double[]>> perThread = pull(cache, HashMap<String, double[]>::new, (groups, order) -> {
            double[] totals = groups.computeIfAbsent(order.<String>field("region"), k -> new double[2]);
            totals[0]++;
            totals[1] += order.<Double>field("amount");
        });
        Map<String, double[]> merged = new HashMap<>();
        for (Map<String, double[]> groups : perThread) {
            groups.forEach((region, t) -> {
                double[] m = merged.computeIfAbsent(region, k -> new double[2]);
                m[0] += t[0];
                m[1] += t[1];
            });
        }
        return merged;
    }

    /**
     * The pull baseline: {@link #pullThreads} threads, each repeatedly taking the next partition and pulling it with
     * {@code ScanQuery.setPartition(p)} and page size {@value #PULL_PAGE_SIZE}, values kept binary
     * ({@code withKeepBinary}), into its own accumulator. Returns the accumulators.
     */
    private <T> List<T> pull(ClientCache<Long, BinaryObject> cache, Supplier<T> accumulator, BiConsumer<T, BinaryObject> add) {
        int threads = pullThreads;
        List<T> results = new ArrayList<>(java.util.Collections.nCopies(threads, null));
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            futures.add(pool.submit(() -> {
                T acc = accumulator.get();
                for (int p = next.getAndIncrement(); p < options.partitions(); p = next.getAndIncrement()) {
                    ScanQuery<Long, BinaryObject> scan = new ScanQuery<Long, BinaryObject>().setPartition(p);
                    scan.setPageSize(PULL_PAGE_SIZE);
                    try (QueryCursor<Cache.Entry<Long, BinaryObject>> cursor = cache.query(scan)) {
                        for (Cache.Entry<Long, BinaryObject> entry : cursor) {
                            add.accept(acc, entry.getValue());
                        }
                    }
                }
                synchronized (results) {
                    results.set(slot, acc);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            }
            catch (ExecutionException e) {
                throw new IllegalStateException("pull failed: " + e.getCause(), e.getCause());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    private static boolean close(double exact, double approximate) {
        return Math.abs(exact - approximate) <= 1e-6 * Math.max(1, Math.abs(exact));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Co-located and pulled results differ: " + message);
        }
    }

    /** The result of one timed call, its time and the bytes the nodes counted meanwhile. */
    record Measured<R>(R result, double millis, BenchCluster.Traffic traffic) {

        static <R> Measured<R> of(BenchCluster cluster, Supplier<R> call) {
            cluster.collectGarbage();
            BenchCluster.Traffic before = cluster.traffic();
            long start = System.nanoTime();
            R result = call.get();
            double millis = Stats.millisSince(start);
            return new Measured<>(result, millis, cluster.traffic().minus(before));
        }

        double kilobytes() {
            return traffic.total() / 1024.0;
        }

        double clientKilobytes() {
            return traffic.clientBytes() / 1024.0;
        }

        double nodeKilobytes() {
            return traffic.nodeBytes() / 1024.0;
        }
    }
}
