package io.affinitygrid.node.boot.metrics;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMetrics;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;

/**
 * Meters of how the maps' partitions sit on this node, tagged with the {@code map} name:
 * <ul>
 * <li>{@code grid.map.partitions} (gauge, {@code role=primary|backup}): partitions this node owns;</li>
 * <li>{@code grid.map.lost.partitions} (gauge): partitions of the map lost in the cluster (no copy left),
 * which fail every operation until they are reset;</li>
 * <li>{@code grid.map.rebalancing.partitions} (gauge): partitions this node is still receiving;</li>
 * <li>{@code grid.map.rebalance.remaining.keys} (gauge): keys this node has yet to receive;</li>
 * <li>{@code grid.map.rebalanced.keys} (counter): keys this node has received by rebalancing.</li>
 * </ul>
 * Each also under its deprecated {@code grid.cache.*} name while aliases are kept ({@link MapMeters}).
 * The maps are those of the node when the meters are bound (or the names given). The node is held weakly:
 * once it stops, the gauges read {@code NaN}. Thread-safe.
 */
public class MapPartitionMetricsBinder implements MeterBinder {

    private final WeakReference<Ignite> ignite;
    private final Collection<String> cacheNames;
    private final boolean aliases;
    private final Snapshots<String, CacheMetrics> metrics;

    /**
     * Meters for every map the node has when they are bound, with their deprecated aliases.
     *
     * @param ignite the node, held weakly
     */
    public MapPartitionMetricsBinder(Ignite ignite) {
        this(ignite, null, true, MapMetricsBinder.SNAPSHOT_PERIOD);
    }

    /**
     * Meters for the named maps only.
     *
     * @param ignite the node, held weakly
     * @param mapNames the maps to meter, or {@code null} for every map the node has when they are bound
     * @param aliases whether to register the deprecated {@code grid.cache.*} names too
     */
    public MapPartitionMetricsBinder(Ignite ignite, Collection<String> mapNames, boolean aliases) {
        this(ignite, mapNames == null ? null : List.copyOf(mapNames), aliases, MapMetricsBinder.SNAPSHOT_PERIOD);
    }

    MapPartitionMetricsBinder(Ignite ignite, Collection<String> cacheNames, boolean aliases, Duration snapshotPeriod) {
        this.ignite = new WeakReference<>(ignite);
        this.cacheNames = cacheNames;
        this.aliases = aliases;
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
            MapMeters meters = new MapMeters(registry, node, cache, aliases);
            owned(meters, cache, "primary", Affinity::primaryPartitions);
            owned(meters, cache, "backup", Affinity::backupPartitions);
            meters.gauge("lost.partitions", Tags.empty(), n -> Reads.orNaN(n, i -> i.cache(cache).lostPartitions().size()),
                    "Partitions of the map lost in the cluster: operations on them fail until they are reset", Reads.PARTITIONS);
            meters.gauge("rebalancing.partitions", Tags.empty(), n -> metrics.gauge(n, cache, CacheMetrics::getRebalancingPartitionsCount),
                    "Partitions of the map this node is still receiving from other nodes", Reads.PARTITIONS);
            meters.gauge("rebalance.remaining.keys", Tags.empty(), n -> metrics.gauge(n, cache, CacheMetrics::getKeysToRebalanceLeft),
                    "Keys of the map this node has yet to receive by rebalancing", "keys");
            meters.counter("rebalanced.keys", Tags.empty(), n -> metrics.counter(n, cache, CacheMetrics::getRebalancedKeys),
                    "Keys of the map this node has received by rebalancing", "keys");
        }
    }

    private static void owned(MapMeters meters, String cache, String role, PartitionsOf partitions) {
        ToDoubleFunction<Ignite> count = i -> {
            ClusterNode local = i.cluster().localNode();
            return partitions.of(i.affinity(cache), local).length;
        };
        meters.gauge("partitions", Tags.of("role", role), n -> Reads.orNaN(n, count),
                "Partitions of the map this node owns, as primary or backup", Reads.PARTITIONS);
    }

    /** The partitions of a cache a node owns in one role. */
    @FunctionalInterface
    private interface PartitionsOf {
        int[] of(Affinity<Object> affinity, ClusterNode node);
    }
}
