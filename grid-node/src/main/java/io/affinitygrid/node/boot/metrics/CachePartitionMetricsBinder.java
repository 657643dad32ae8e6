package io.affinitygrid.node.boot.metrics;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMetrics;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;

/**
 * Meters of how the caches' partitions sit on this node, tagged with the {@code cache} name:
 * <ul>
 * <li>{@code grid.cache.partitions} (gauge, {@code role=primary|backup}): partitions this node owns;</li>
 * <li>{@code grid.cache.lost.partitions} (gauge): partitions of the cache lost in the cluster (no copy left),
 * which fail every operation until they are reset;</li>
 * <li>{@code grid.cache.rebalancing.partitions} (gauge): partitions this node is still receiving;</li>
 * <li>{@code grid.cache.rebalance.remaining.keys} (gauge): keys this node has yet to receive;</li>
 * <li>{@code grid.cache.rebalanced.keys} (counter): keys this node has received by rebalancing.</li>
 * </ul>
 * The caches are those of the node when the meters are bound (or the names given). The node is held weakly:
 * once it stops, the gauges read {@code NaN}. Thread-safe.
 */
public class CachePartitionMetricsBinder implements MeterBinder {

    private final WeakReference<Ignite> ignite;
    private final Collection<String> cacheNames;
    private final Snapshots<String, CacheMetrics> metrics;

    /**
     * Meters for every cache the node has when they are bound.
     *
     * @param ignite the node, held weakly
     */
    public CachePartitionMetricsBinder(Ignite ignite) {
        this(ignite, null, CacheMetricsBinder.SNAPSHOT_PERIOD);
    }

    /**
     * Meters for the named caches only.
     *
     * @param ignite the node, held weakly
     * @param cacheNames the caches to meter
     */
    public CachePartitionMetricsBinder(Ignite ignite, Collection<String> cacheNames) {
        this(ignite, List.copyOf(cacheNames), CacheMetricsBinder.SNAPSHOT_PERIOD);
    }

    CachePartitionMetricsBinder(Ignite ignite, Collection<String> cacheNames, Duration snapshotPeriod) {
        this.ignite = new WeakReference<>(ignite);
        this.cacheNames = cacheNames;
        this.metrics = new Snapshots<>(snapshotPeriod, (node, cache) -> {
            IgniteCache<Object, Object> igniteCache = node.cache(cache);
            return igniteCache == null ? null : igniteCache.localMetrics();
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Ignite node = ignite.get();
        if (node == null) {
            return;
        }
        for (String cache : Reads.cacheNames(node, cacheNames)) {
            Tags tags = Tags.of("cache", cache);
            owned(registry, node, tags, cache, "primary", Affinity::primaryPartitions);
            owned(registry, node, tags, cache, "backup", Affinity::backupPartitions);
            Gauge.builder("grid.cache.lost.partitions", node, n -> Reads.orNaN(n, i -> i.cache(cache).lostPartitions().size()))
                    .tags(tags)
                    .description("Partitions of the cache lost in the cluster: operations on them fail until they are reset")
                    .baseUnit(Reads.PARTITIONS)
                    .register(registry);
            Gauge.builder("grid.cache.rebalancing.partitions", node,
                            n -> metrics.gauge(n, cache, CacheMetrics::getRebalancingPartitionsCount))
                    .tags(tags)
                    .description("Partitions of the cache this node is still receiving from other nodes")
                    .baseUnit(Reads.PARTITIONS)
                    .register(registry);
            Gauge.builder("grid.cache.rebalance.remaining.keys", node,
                            n -> metrics.gauge(n, cache, CacheMetrics::getKeysToRebalanceLeft))
                    .tags(tags)
                    .description("Keys of the cache this node has yet to receive by rebalancing")
                    .baseUnit("keys")
                    .register(registry);
            FunctionCounter.builder("grid.cache.rebalanced.keys", node,
                            n -> metrics.counter(n, cache, CacheMetrics::getRebalancedKeys))
                    .tags(tags)
                    .description("Keys of the cache this node has received by rebalancing")
                    .baseUnit("keys")
                    .register(registry);
        }
    }

    private static void owned(MeterRegistry registry, Ignite node, Tags tags, String cache, String role,
            PartitionsOf partitions) {
        ToDoubleFunction<Ignite> count = i -> {
            ClusterNode local = i.cluster().localNode();
            return partitions.of(i.affinity(cache), local).length;
        };
        Gauge.builder("grid.cache.partitions", node, n -> Reads.orNaN(n, count))
                .tags(tags).tag("role", role)
                .description("Partitions of the cache this node owns, as primary or backup")
                .baseUnit(Reads.PARTITIONS)
                .register(registry);
    }

    /** The partitions of a cache a node owns in one role. */
    @FunctionalInterface
    private interface PartitionsOf {
        int[] of(Affinity<Object> affinity, ClusterNode node);
    }
}
