package io.affinitygrid.node.boot.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        builder.withDetail("caches", caches);

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

    /** The user's caches, sorted: not the grid's internal ones ({@code __...}, e.g. the tasks' progress). */
    private static List<String> sorted(Collection<String> names) {
        List<String> list = new ArrayList<>(names.stream().filter(name -> !name.startsWith("__")).toList());
        list.sort(null);
        return list;
    }
}
