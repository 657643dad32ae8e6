package io.affinitygrid.bench;

import java.util.HashMap;
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

    static final Target TARGET = Target.atLeast(20);

    private final BenchOptions options;

    AggregateScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster cluster, Table table) {
        ComputeScope scope = cluster.grid().compute().on(BenchCluster.ORDERS);
        ClientCache<Long, BinaryObject> cache = cluster.raw().<Long, Object>cache(BenchCluster.ORDERS).withKeepBinary();
        String entries = String.format("%,d", cluster.entries());

        Stats[] sum = Stats.measureEach(options.warmup(), options.runs(), () -> {
            Measured<SumResult> colocated = Measured.of(cluster, () -> scope.sum("amount"));
            Measured<double[]> pulled = Measured.of(cluster, () -> pullSum(cache));
            check(colocated.result().count() == (long) pulled.result()[0]
                    && close(colocated.result().sum().doubleValue(), pulled.result()[1]),
                    "sum: co-located " + colocated.result() + " vs pulled count=" + pulled.result()[0] + " sum=" + pulled.result()[1]);
            return values(colocated, pulled);
        });
        report(table, "sum(amount) over " + entries + " entries", sum);

        Stats[] groupBy = Stats.measureEach(options.warmup(), options.runs(), () -> {
            Measured<List<GroupRow>> colocated = Measured.of(cluster, () -> scope.groupBy("region", "amount"));
            Measured<Map<String, double[]>> pulled = Measured.of(cluster, () -> pullGroupBy(cache));
            for (GroupRow row : colocated.result()) {
                double[] totals = pulled.result().get((String) row.group());
                check(totals != null && totals[0] == row.count() && close(row.sum().doubleValue(), totals[1]),
                        "group-by: co-located " + row + " vs pulled " + (totals == null ? "nothing" : List.of(totals[0], totals[1])));
            }
            return values(colocated, pulled);
        });
        report(table, "group-by(region) sum(amount) over " + entries + " entries", groupBy);
    }

    /** Time, KB in all, client KB and node-to-node KB of the co-located run, then the same of the pull. */
    private static double[] values(Measured<?> colocated, Measured<?> pulled) {
        return new double[] {colocated.millis(), colocated.kilobytes(), colocated.clientKilobytes(), colocated.nodeKilobytes(),
                pulled.millis(), pulled.kilobytes(), pulled.clientKilobytes(), pulled.nodeKilobytes()};
    }

    private void report(Table table, String what, Stats[] s) {
        String subject = "co-located";
        String baseline = "pull";
        table.add(Row.baselineOverSubject("a", what + ": time, ms", subject, s[0], baseline, s[4], TARGET, ""));
        table.add(Row.baselineOverSubject("a", what + ": bytes moved, KB", subject, s[1], baseline, s[5], null,
                String.format("counted by the nodes; client↔node + node→node KB: co-located %s + %s, pull %s + %s",
                        Table.number(s[2].median()), Table.number(s[3].median()), Table.number(s[6].median()),
                        Table.number(s[7].median()))));
    }

    /** Count and sum of {@code amount}, pulled partition by partition. */
    private double[] pullSum(ClientCache<Long, BinaryObject> cache) {
        long count = 0;
        double sum = 0;
        for (int p = 0; p < options.partitions(); p++) {
            try (QueryCursor<Cache.Entry<Long, BinaryObject>> cursor = cache.query(new ScanQuery<Long, BinaryObject>().setPartition(p))) {
                for (Cache.Entry<Long, BinaryObject> entry : cursor) {
                    Double amount = entry.getValue().field("amount");
                    sum += amount;
                    count++;
                }
            }
        }
        return new double[] {count, sum};
    }

    /** Per region: count and sum of {@code amount}, pulled partition by partition. */
    private Map<String, double[]> pullGroupBy(ClientCache<Long, BinaryObject> cache) {
        Map<String, double[]> groups = new HashMap<>();
        for (int p = 0; p < options.partitions(); p++) {
            try (QueryCursor<Cache.Entry<Long, BinaryObject>> cursor = cache.query(new ScanQuery<Long, BinaryObject>().setPartition(p))) {
                for (Cache.Entry<Long, BinaryObject> entry : cursor) {
                    BinaryObject order = entry.getValue();
                    double[] totals = groups.computeIfAbsent(order.<String>field("region"), k -> new double[2]);
                    totals[0]++;
                    totals[1] += order.<Double>field("amount");
                }
            }
        }
        return groups;
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
