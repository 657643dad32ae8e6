package io.affinitygrid.node.boot.metrics;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMetrics;
import org.apache.ignite.cache.CachePeekMode;

/**
 * Meters of the caches' contents and operations on this node, from Ignite's local cache statistics (which the
 * grid's caches have enabled), tagged with the {@code cache} name:
 * <ul>
 * <li>{@code grid.cache.entries} (gauge, {@code copy=primary|backup}): entries stored on this node;</li>
 * <li>{@code grid.cache.operations} (counter, {@code operation=get|put|remove}): operations recorded by this
 * node since it started;</li>
 * <li>{@code grid.cache.operation.average} (time gauge, {@code operation=get|put|remove}): average latency of
 * the operations this node started, since it started.</li>
 * </ul>
 * The caches are those of the node when the meters are bound (or the names given). The node is held weakly:
 * once it stops, the gauges read {@code NaN} and the counters keep their last value. Thread-safe.
 */
public class CacheMetricsBinder implements MeterBinder {

    static final Duration SNAPSHOT_PERIOD = Duration.ofSeconds(1);

    private final WeakReference<Ignite> ignite;
    private final Collection<String> cacheNames;
    private final Snapshots<String, CacheMetrics> metrics;

    /**
     * Meters for every cache the node has when they are bound.
     *
     * @param ignite the node, held weakly
     */
    public CacheMetricsBinder(Ignite ignite) {
        this(ignite, null, SNAPSHOT_PERIOD);
    }

    /**
     * Meters for the named caches only.
     *
     * @param ignite the node, held weakly
     * @param cacheNames the caches to meter
     */
    public CacheMetricsBinder(Ignite ignite, Collection<String> cacheNames) {
        this(ignite, List.copyOf(cacheNames), SNAPSHOT_PERIOD);
    }

    CacheMetricsBinder(Ignite ignite, Collection<String> cacheNames, Duration snapshotPeriod) {
        this.ignite = new WeakReference<>(ignite);
        this.cacheNames = cacheNames;
        this.metrics = new Snapshots<>(snapshotPeriod, CacheMetricsBinder::localMetrics);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Ignite node = ignite.get();
        if (node == null) {
            return;
        }
        for (String cache : Reads.cacheNames(node, cacheNames)) {
            Tags tags = Tags.of("cache", cache);
            entries(registry, node, tags, cache, CachePeekMode.PRIMARY, "primary");
            entries(registry, node, tags, cache, CachePeekMode.BACKUP, "backup");
            operation(registry, node, tags, cache, "get", CacheMetrics::getCacheGets, CacheMetrics::getAverageGetTime);
            operation(registry, node, tags, cache, "put", CacheMetrics::getCachePuts, CacheMetrics::getAveragePutTime);
            operation(registry, node, tags, cache, "remove", CacheMetrics::getCacheRemovals, CacheMetrics::getAverageRemoveTime);
        }
    }

    private static void entries(MeterRegistry registry, Ignite node, Tags tags, String cache, CachePeekMode mode, String copy) {
        Gauge.builder("grid.cache.entries", node, n -> Reads.orNaN(n, i -> i.cache(cache).localSizeLong(mode)))
                .tags(tags).tag("copy", copy)
                .description("Entries of the cache stored on this node, as primary or backup copies")
                .baseUnit("entries")
                .register(registry);
    }

    private void operation(MeterRegistry registry, Ignite node, Tags tags, String cache, String operation,
            ToDoubleFunction<CacheMetrics> count, ToDoubleFunction<CacheMetrics> averageMicros) {
        FunctionCounter.builder("grid.cache.operations", node, n -> metrics.counter(n, cache, count))
                .tags(tags).tag("operation", operation)
                .description("Cache operations recorded by this node since it started")
                .baseUnit("operations")
                .register(registry);
        TimeGauge.builder("grid.cache.operation.average", node, TimeUnit.MICROSECONDS,
                        n -> metrics.gauge(n, cache, averageMicros))
                .tags(tags).tag("operation", operation)
                .description("Average latency of the cache operations this node started, since it started")
                .register(registry);
    }

    private static CacheMetrics localMetrics(Ignite ignite, String cache) {
        IgniteCache<Object, Object> igniteCache = ignite.cache(cache);
        return igniteCache == null ? null : igniteCache.localMetrics();
    }
}
