package io.affinitygrid.node.boot.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.affinitygrid.compute.InternalMaps;
import io.affinitygrid.node.CapacityGuard;
import io.affinitygrid.node.IgniteConfigurations;
import io.affinitygrid.node.RegionFill;
import org.apache.ignite.DataRegionMetrics;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterState;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the grid node, the {@code grid} component of {@code /actuator/health}.
 *
 * <p>{@code DOWN} when the node is stopped, is not in the cluster's topology, the cluster is not active, or
 * any cache has lost partitions (listed under {@code lostPartitions}: operations on them fail until they are
 * reset). Otherwise {@code UP}. The details name the node and give the topology size (server nodes), the
 * cluster state and, per cache, this node's primary entries and partitions. The grid's internal caches (named
 * {@code __...}) are left out.
 *
 * <p>Memory: {@code memory} gives each region's use on this node ({@code usedBytes}, {@code maxBytes},
 * {@code usedPercent}), the data region's {@code highWaterMarkPercent} and {@code writesRefused}, and the eviction
 * region's {@code evictedPages}. While writes to rejecting maps are refused (some node's data region is above the
 * high-water mark), the status stays {@code UP} and {@code capacity} says so: the node still serves reads and
 * removes, and a restart would not make room (its data would move to the others, which are as full). Health turns
 * {@code DOWN} only when the node cannot serve; alert on {@code capacity}, or on the {@code grid.region.*} meters.
 */
public class GridHealthIndicator extends AbstractHealthIndicator {

    /** Most lost partitions listed per cache; the count is always complete. */
    static final int MAX_LISTED_PARTITIONS = 64;

    private final Ignite ignite;

    /**
     * @param ignite the node to report on
     */
    public GridHealthIndicator(Ignite ignite) {
        super("Grid node health check failed");
        this.ignite = ignite;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String name = ignite.name();
        builder.withDetail("node", name);
        IgniteState state = Ignition.state(name);
        if (state != IgniteState.STARTED) {
            builder.down().withDetail("state", state);
            return;
        }
        ClusterNode local = ignite.cluster().localNode();
        boolean inTopology = ignite.cluster().node(local.id()) != null;
        ClusterState clusterState = ignite.cluster().state();
        builder.withDetail("nodeId", local.id())
                .withDetail("topologySize", ignite.cluster().forServers().nodes().size())
                .withDetail("topologyVersion", ignite.cluster().topologyVersion())
                .withDetail("clusterState", clusterState);

        Map<String, Object> caches = new TreeMap<>();
        Map<String, Object> lost = new TreeMap<>();
        for (String cacheName : sorted(ignite.cacheNames())) {
            IgniteCache<Object, Object> cache = ignite.cache(cacheName);
            List<Integer> lostPartitions = new ArrayList<>(cache.lostPartitions());
            lostPartitions.sort(null);
            Affinity<Object> affinity = ignite.affinity(cacheName);
            Map<String, Object> cacheDetails = new LinkedHashMap<>();
            cacheDetails.put("primaryEntries", cache.localSizeLong(CachePeekMode.PRIMARY));
            cacheDetails.put("primaryPartitions", affinity.primaryPartitions(local).length);
            cacheDetails.put("backupPartitions", affinity.backupPartitions(local).length);
            cacheDetails.put("lostPartitions", lostPartitions.size());
            caches.put(cacheName, cacheDetails);
            if (!lostPartitions.isEmpty()) {
                Map<String, Object> lostDetails = new LinkedHashMap<>();
                lostDetails.put("count", lostPartitions.size());
                lostDetails.put("partitions", lostPartitions.subList(0, Math.min(MAX_LISTED_PARTITIONS, lostPartitions.size())));
                lost.put(cacheName, lostDetails);
            }
        }
        builder.withDetail("maps", caches);
        memory(builder);

        if (!lost.isEmpty()) {
            builder.down().withDetail("lostPartitions", lost);
        }
        else if (!inTopology) {
            builder.down().withDetail("reason", "the node is not in the cluster's topology");
        }
        else if (!clusterState.active()) {
            builder.down().withDetail("reason", "the cluster is " + clusterState);
        }
        else {
            builder.up();
        }
    }

    private void memory(Health.Builder builder) {
        Map<String, Object> memory = new TreeMap<>();
        CapacityGuard guard = CapacityGuard.of(ignite.name());
        for (String region : List.of(IgniteConfigurations.DATA_REGION, IgniteConfigurations.EVICTION_REGION)) {
            DataRegionMetrics metrics = ignite.dataRegionMetrics(region);
            if (metrics == null) {
                continue;
            }
            long used = metrics.getTotalUsedPages() * metrics.getPageSize();
            long max = metrics.getOffHeapSize();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("usedBytes", used);
            details.put("maxBytes", max);
            details.put("usedPercent", max <= 0 ? 0 : Math.round(used * 1000.0 / max) / 10.0);
            if (region.equals(IgniteConfigurations.DATA_REGION) && guard != null) {
                details.put("highWaterMarkPercent", guard.highWaterMarkPercent());
                details.put("writesRefused", guard.rejectedWrites().values().stream().mapToLong(Long::longValue).sum());
            }
            if (region.equals(IgniteConfigurations.EVICTION_REGION)) {
                details.put("evictedPages", IgniteConfigurations.evictedPages(metrics.getEvictionRate()));
            }
            memory.put(region, details);
        }
        builder.withDetail("memory", memory);
        RegionFill fullest = guard == null ? null : guard.fullest();
        if (fullest != null && fullest.percent() >= guard.highWaterMarkPercent()) {
            builder.withDetail("capacity", "writes to rejecting maps are refused: the data region of node '" + fullest.node()
                    + "' holds " + fullest.describe() + ", above the high-water mark of " + guard.highWaterMarkPercent()
                    + " %; raise grid.data-region-size, add nodes or delete entries");
        }
    }

    /** The user's caches, sorted: not the grid's internal ones ({@code __...}, e.g. the tasks' progress). */
    private static List<String> sorted(Collection<String> names) {
        List<String> list = new ArrayList<>(names.stream().filter(name -> !InternalMaps.isInternal(name)).toList());
        list.sort(null);
        return list;
    }
}
