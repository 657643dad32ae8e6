package io.affinitygrid.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * (f) The same aggregate on 1, 2 and 3 nodes: the SDK's {@code sum("amount")} over the same orders on clusters
 * of each size (all in this JVM, so they share its cores). Reported as each size's time vs 1 node.
 */
final class ScalingScenario {

    private final BenchOptions options;
    private final Map<Integer, Stats> byNodes = new TreeMap<>();

    ScalingScenario(BenchOptions options) {
        this.options = options;
    }

    /** Measures the sum on this cluster. */
    void measure(BenchCluster cluster) {
        byNodes.put(cluster.nodes(), Stats.measure(options.warmup(), options.runs(), () -> {
            long start = System.nanoTime();
            cluster.grid().compute().on(BenchCluster.ORDERS).sum("amount");
            return Stats.millisSince(start);
        }));
    }

    /** One row per cluster size above 1, compared with 1 node. */
    void report(Table table, long entries, int cores, boolean pinned) {
        Stats one = byNodes.get(1);
        if (one == null) {
            return;
        }
        byNodes.forEach((nodes, stats) -> {
            if (nodes > 1) {
                table.add(Row.baselineOverSubject("f", "sum(amount) over " + String.format("%,d", entries) + " entries, ms",
                        nodes + " nodes", stats, "1 node", one, null,
                        pinned ? "separate processes, one core per node (taskset); this machine has " + cores
                                + " cores, so 1 vs " + nodes + " nodes is the whole scale-out it can show"
                                : "all nodes share one JVM, " + cores + " cores"));
            }
        });
    }
}
