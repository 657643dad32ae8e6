package io.affinitygrid.node.boot.metrics;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import io.affinitygrid.node.CapacityGuard;
import io.affinitygrid.node.CapacityInterceptor;
import io.affinitygrid.node.IgniteConfigurations;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.DataRegionMetrics;
import org.apache.ignite.Ignite;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;

/**
 * Meters of the memory that holds the caches on this node, tagged with the {@code region}
 * ({@value IgniteConfigurations#DATA_REGION} for caches that reject writes when full,
 * {@value IgniteConfigurations#EVICTION_REGION} for caches that evict):
 * <ul>
 * <li>{@code grid.region.used} (gauge, bytes): bytes of the region's pages that hold data; pages emptied by
 * removes do not count;</li>
 * <li>{@code grid.region.max} (gauge, bytes): the region's maximum size;</li>
 * <li>{@code grid.region.high.water.mark} (gauge, bytes, data region only): above this, writes to rejecting
 * caches are refused;</li>
 * <li>{@code grid.region.evicted.pages} (counter, pages, eviction region only): data pages Ignite evicted, each
 * with the entries it held, since the node started;</li>
 * <li>{@code grid.capacity.rejected.writes} (counter, one per key, tagged {@code map}): writes this node refused
 * as primary because a data region was above the high-water mark.</li>
 * </ul>
 * The regions and caches are those of the node when the meters are bound. The node is held weakly: once it stops,
 * the gauges read {@code NaN} and the counters keep their last value. Thread-safe.
 */
public class CapacityMetricsBinder implements MeterBinder {

    private static final String BYTES = "bytes";

    private final WeakReference<Ignite> ignite;
    /** The last count of evicted pages read, kept once the node stops (a counter never goes back). */
    private volatile long lastEvicted;

    /**
     * @param ignite the node, held weakly
     */
    public CapacityMetricsBinder(Ignite ignite) {
        this.ignite = new WeakReference<>(ignite);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Ignite node = ignite.get();
        if (node == null) {
            return;
        }
        DataStorageConfiguration storage = node.configuration().getDataStorageConfiguration();
        List<DataRegionConfiguration> regions = new ArrayList<>();
        regions.add(storage.getDefaultDataRegionConfiguration());
        if (storage.getDataRegionConfigurations() != null) {
            regions.addAll(List.of(storage.getDataRegionConfigurations()));
        }
        for (DataRegionConfiguration region : regions) {
            String name = region.getName();
            if (!name.equals(IgniteConfigurations.DATA_REGION) && !name.equals(IgniteConfigurations.EVICTION_REGION)) {
                continue; // the security profile's small persistent region holds no cache
            }
            long max = region.getMaxSize();
            Gauge.builder("grid.region.used", node, n -> Reads.orNaN(n, i -> usedBytes(i, name)))
                    .tag("region", name)
                    .description("Bytes of the data region's pages that hold cache data on this node")
                    .baseUnit(BYTES)
                    .register(registry);
            Gauge.builder("grid.region.max", node, n -> max)
                    .tag("region", name)
                    .description("Maximum size of the data region on this node")
                    .baseUnit(BYTES)
                    .register(registry);
            if (name.equals(IgniteConfigurations.EVICTION_REGION)) {
                FunctionCounter.builder("grid.region.evicted.pages", node, n -> evictedPages(n, name))
                        .tag("region", name)
                        .description("Data pages evicted from the region on this node, with the entries they held, since it started")
                        .baseUnit("pages")
                        .register(registry);
            }
        }
        CapacityGuard guard = CapacityGuard.of(node.name());
        if (guard == null) {
            return;
        }
        long max = storage.getDefaultDataRegionConfiguration().getMaxSize();
        Gauge.builder("grid.region.high.water.mark", guard, g -> max * g.highWaterMarkPercent() / 100.0)
                .tag("region", IgniteConfigurations.DATA_REGION)
                .description("Use of the data region above which writes to rejecting caches are refused")
                .baseUnit(BYTES)
                .register(registry);
        for (String cache : Reads.cacheNames(node, null)) {
            if (isRejecting(node, cache)) {
                FunctionCounter.builder("grid.capacity.rejected.writes", guard, g -> g.rejectedWrites(cache))
                        .tag("map", cache)
                        .description("Writes this node refused as primary because a data region was above its high-water mark")
                        .baseUnit("writes")
                        .register(registry);
            }
        }
    }

    private static boolean isRejecting(Ignite node, String cache) {
        try {
            CacheConfiguration<?, ?> config = node.cache(cache).getConfiguration(CacheConfiguration.class);
            return config.getInterceptor() instanceof CapacityInterceptor;
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    static double usedBytes(Ignite node, String region) {
        DataRegionMetrics metrics = node.dataRegionMetrics(region);
        return metrics == null ? Double.NaN : (double) metrics.getTotalUsedPages() * metrics.getPageSize();
    }

    private double evictedPages(Ignite node, String region) {
        try {
            DataRegionMetrics metrics = node.dataRegionMetrics(region);
            if (metrics != null) {
                lastEvicted = Math.max(lastEvicted, IgniteConfigurations.evictedPages(metrics.getEvictionRate()));
            }
        }
        catch (RuntimeException stopped) {
            // keep the last count
        }
        return lastEvicted;
    }
}
