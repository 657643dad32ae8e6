package io.affinitygrid.bench;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.NearCacheConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * (c) Near-cache hit vs remote get. A second SDK connection keeps a near cache of the orders map; a set of hot
 * keys (at most 1,000) is read until a whole pass is served by the near cache. Then each run times many gets of
 * the hot keys through the near cache, and {@code ops} gets of the same keys through the connection without near
 * cache; the row compares the mean time per get. The SDK's own hit/miss counters give the share of timed gets that
 * really were hits (only those counters are registered, so that no per-call timer slows the hits).
 */
final class NearCacheScenario {

    static final Target TARGET = Target.atLeast(100);
    private static final int HOT_KEYS = 1000;
    private static final int MAX_PRIMING_PASSES = 20;
    /** Hits are so short that they are timed in larger batches than remote gets. */
    private static final int HIT_BATCH_FACTOR = 50;

    /** Read after timing so that the JIT cannot drop the gets. */
    private static volatile long sink;

    private final BenchOptions options;

    NearCacheScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster cluster, Table table) {
        int hot = (int) Math.min(HOT_KEYS, cluster.entries());
        GridMap<Long, Order> remote = cluster.orders();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // only the near cache's own counters: the per-call timers would add their cost to every hit
        meters.config().meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith("grid.client.near.cache")));
        try (Grid nearGrid = Grid.connect(cluster.gridConfig().meterRegistry(meters)
                .nearCache(BenchCluster.ORDERS, NearCacheConfig.builder().maximumSize(2L * hot).build()).build())) {
            GridMap<Long, Order> near = nearGrid.map(BenchCluster.ORDERS, Long.class, Order.class);
            int passes = 0;
            double misses;
            do {
                misses = count(meters, "miss");
                meanMicros(near, hot, hot);
                passes++;
            }
            while (count(meters, "miss") > misses && passes < MAX_PRIMING_PASSES);
            double hitsBefore = count(meters, "hit");
            double missesBefore = count(meters, "miss");
            Stats[] s = Stats.measureEach(options.warmup(), options.runs(), () -> new double[] {
                    meanMicros(near, hot, (long) options.ops() * HIT_BATCH_FACTOR), meanMicros(remote, hot, options.ops())});
            double hits = count(meters, "hit") - hitsBefore;
            double hitShare = hits / (hits + count(meters, "miss") - missesBefore);
            table.add(Row.baselineOverSubject("c", "get latency (mean), µs", "near-cache hit", s[0], "remote get", s[1],
                    TARGET, String.format("%d hot keys; %.1f%% of timed near-cache gets were hits (SDK counters)",
                            hot, 100 * hitShare)));
        }
    }

    private static double count(SimpleMeterRegistry meters, String result) {
        FunctionCounter counter = meters.find("grid.client.near.cache.gets").tag("result", result).functionCounter();
        return counter == null ? 0 : counter.count();
    }

    /** Mean µs per get over {@code gets} gets cycling through keys 0..hot-1, which all exist. */
    private static double meanMicros(GridMap<Long, Order> map, int hot, long gets) {
        long total = 0;
        long start = System.nanoTime();
        for (long i = 0; i < gets; i++) {
            Order order = map.get(i % hot);
            if (order == null) {
                throw new IllegalStateException("get(" + (i % hot) + ") on map '" + map.name()
                        + "' returned null, but the key was loaded and never removed");
            }
            total += order.quantity();
        }
        double micros = (System.nanoTime() - start) / 1e3 / gets;
        sink = total;
        return micros;
    }
}
