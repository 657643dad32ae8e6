package io.affinitygrid.node.boot.metrics;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMetrics;
import org.apache.ignite.cache.CachePeekMode;

/**
 * Meters of the maps' contents and operations on this node, from Ignite's local statistics of the caches that
 * hold them (which the grid enables), tagged with the {@code map} name:
 * <ul>
 * <li>{@code grid.map.entries} (gauge, {@code copy=primary|backup}): entries stored on this node;</li>
 * <li>{@code grid.map.operations} (counter, {@code operation=get|put|remove}): operations recorded by this
 * node since it started;</li>
 * <li>{@code grid.map.operation.average} (time gauge, {@code operation=get|put|remove}): average latency of
 * the operations this node started, since it started.</li>
 * </ul>
 * Each also under its deprecated {@code grid.cache.*} name while aliases are kept ({@link MapMeters}).
 * The maps are those of the node when the meters are bound (or the names given). The node is held weakly:
 * once it stops, the gauges read {@code NaN} and the counters keep their last value. Thread-safe.
 */
public class MapMetricsBinder implements MeterBinder {

    static final Duration SNAPSHOT_PERIOD = Duration.ofSeconds(1);

    private final WeakReference<Ignite> ignite;
    private final Collection<String> cacheNames;
    private final boolean aliases;
    private final Snapshots<String, CacheMetrics> metrics;

    /**
     * Meters for every map the node has when they are bound, with their deprecated aliases.
     *
     * @param ignite the node, held weakly
     */
    public MapMetricsBinder(Ignite ignite) {
        this(ignite, null, true, SNAPSHOT_PERIOD);
    }

    /**
     * Meters for the named maps only.
     *
     * @param ignite the node, held weakly
     * @param mapNames the maps to meter, or {@code null} for every map the node has when they are bound
     * @param aliases whether to register the deprecated {@code grid.cache.*} names too
     */
    public MapMetricsBinder(Ignite ignite, Collection<String> mapNames, boolean aliases) {
        this(ignite, mapNames == null ? null : List.copyOf(mapNames), aliases, SNAPSHOT_PERIOD);
    }

    MapMetricsBinder(Ignite ignite, Collection<String> cacheNames, boolean aliases, Duration snapshotPeriod) {
        this.ignite = new WeakReference<>(ignite);
        this.cacheNames = cacheNames;
        this.aliases = aliases;
        this.metrics = new Snapshots<>(snapshotPeriod, MapMetricsBinder::localMetrics);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Ignite node = ignite.get();
        if (node == null) {
            return;
        }
        for (String cache : Reads.cacheNames(node, cacheNames)) {
            MapMeters meters = new MapMeters(registry, node, cache, aliases);
            entries(meters, cache, CachePeekMode.PRIMARY, "primary");
            entries(meters, cache, CachePeekMode.BACKUP, "backup");
            operation(meters, cache, "get", CacheMetrics::getCacheGets, CacheMetrics::getAverageGetTime);
            operation(meters, cache, "put", CacheMetrics::getCachePuts, CacheMetrics::getAveragePutTime);
            operation(meters, cache, "remove", CacheMetrics::getCacheRemovals, CacheMetrics::getAverageRemoveTime);
        }
    }

    private static void entries(MapMeters meters, String cache, CachePeekMode mode, String copy) {
        meters.gauge("entries", Tags.of("copy", copy), n -> Reads.orNaN(n, i -> i.cache(cache).localSizeLong(mode)),
                "Entries of the map stored on this node, as primary or backup copies", "entries");
    }

    private void operation(MapMeters meters, String cache, String operation, ToDoubleFunction<CacheMetrics> count,
            ToDoubleFunction<CacheMetrics> averageMicros) {
        Tags tags = Tags.of("operation", operation);
        meters.counter("operations", tags, n -> metrics.counter(n, cache, count),
                "Map operations recorded by this node since it started", "operations");
        meters.timeGauge("operation.average", tags, TimeUnit.MICROSECONDS, n -> metrics.gauge(n, cache, averageMicros),
                "Average latency of the map operations this node started, since it started");
    }

    private static CacheMetrics localMetrics(Ignite ignite, String cache) {
        IgniteCache<Object, Object> igniteCache = ignite.cache(cache);
        return igniteCache == null ? null : igniteCache.localMetrics();
    }
}
