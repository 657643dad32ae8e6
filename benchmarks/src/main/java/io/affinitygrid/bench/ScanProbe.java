package io.affinitygrid.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.affinitygrid.compute.ComputeLoad;
import io.affinitygrid.compute.DistinctCountTask;
import io.affinitygrid.compute.GroupByTask;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumTask;
import io.affinitygrid.compute.TopTask;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.ComputeSettings;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;

/**
 * The scan engine alone, as docs/performance.md measures it: one in-JVM node holding the benchmark orders, a fixed
 * number of scan threads, and the catalog tasks run through {@code ignite.compute()} on that node (no client, no
 * network). Prints the median and range of each task's wall time.
 *
 * <pre>java @config/jvm.options -Xmx2g -cp benchmarks/target/benchmarks.jar io.affinitygrid.bench.ScanProbe \
 *     [entries, 1000000] [scan threads, 1] [runs, 8] [warm-up runs, 4]</pre>
 */
public final class ScanProbe {

    private ScanProbe() {
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        ComputeSettings defaults = ComputeSettings.defaults();
        try (LocalCluster cluster = LocalCluster.builder().nodes(1)
                .cache(CacheSettings.partitioned(BenchCluster.ORDERS).withPartitions(1024))
                .dataRegionSizeBytes(2L << 30)
                .nodeSettings(node -> node.compute(new ComputeSettings(defaults.publicThreads(), defaults.maxConcurrent(), threads)))
                .start()) {
            Ignite ignite = cluster.node(0).ignite();
            try (IgniteDataStreamer<Long, Order> streamer = ignite.dataStreamer(BenchCluster.ORDERS)) {
                for (long id = 0; id < entries; id++) {
                    streamer.addData(id, Order.generate(id));
                }
            }
            Map<String, Supplier<Object>> tasks = new LinkedHashMap<>();
            tasks.put("sum(amount)", () -> ignite.compute().execute(SumTask.NAME, new SumArgument(BenchCluster.ORDERS, "amount")));
            tasks.put("group-by(region) sum(amount)", () -> ignite.compute().execute(GroupByTask.NAME,
                    QueryArgument.on(BenchCluster.ORDERS).groupBy("region").field("amount").build()));
            tasks.put("top(amount, 10)", () -> ignite.compute().execute(TopTask.NAME,
                    QueryArgument.on(BenchCluster.ORDERS).field("amount").limit(10).build()));
            tasks.put("distinct(region)", () -> ignite.compute().execute(DistinctCountTask.NAME,
                    QueryArgument.on(BenchCluster.ORDERS).field("region").build()));
            System.out.printf("%,d entries, 1 in-JVM node, %d scan thread(s), %d runs after %d warm-up runs%n%n", entries, threads,
                    runs, warmup);
            System.out.println("| task | median ms | min–max ms | M entries/s |");
            System.out.println("|---|---:|---:|---:|");
            for (Map.Entry<String, Supplier<Object>> task : tasks.entrySet()) {
                double[] millis = new double[runs];
                for (int run = -warmup; run < runs; run++) {
                    long start = System.nanoTime();
                    task.getValue().get();
                    if (run >= 0) {
                        millis[run] = (System.nanoTime() - start) / 1e6;
                    }
                }
                Arrays.sort(millis);
                double median = millis[runs / 2];
                System.out.printf("| %s | %.1f | %.1f–%.1f | %.2f |%n", task.getKey(), median, millis[0], millis[runs - 1],
                        entries / median / 1e3);
            }
            ComputeLoad load = ComputeLoad.of(ignite);
            System.out.printf("%npartitions kept from the page-order pass: %,d; scanned again by ScanQuery: %,d%n",
                    load.pageOrderPartitions(), load.rescannedPartitions());
        }
    }
}
