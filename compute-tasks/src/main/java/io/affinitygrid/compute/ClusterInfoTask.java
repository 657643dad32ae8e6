package io.affinitygrid.compute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;

/**
 * Describes the server nodes of the cluster: names, addresses, and how many primary and backup partitions
 * of each cache each one holds. Runs on one node (affinity is known cluster-wide). The argument is ignored;
 * the result is a {@code List<NodeSummary>} sorted by node name. Invoke by {@link #NAME}.
 */
public final class ClusterInfoTask extends SingleJobTask<Object, List<NodeSummary>> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.ClusterInfoTask";

    private static final long serialVersionUID = 1L;

    @Override
    protected List<NodeSummary> answer(Ignite ignite, Object argument) {
        List<String> caches = new ArrayList<>(ignite.cacheNames());
        Collections.sort(caches);
        List<NodeSummary> nodes = new ArrayList<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            Map<String, Integer> primary = new TreeMap<>();
            Map<String, Integer> backup = new TreeMap<>();
            for (String cache : caches) {
                Affinity<Object> affinity = ignite.affinity(cache);
                primary.put(cache, affinity.primaryPartitions(node).length);
                backup.put(cache, affinity.backupPartitions(node).length);
            }
            nodes.add(new NodeSummary(String.valueOf(node.consistentId()), node.id().toString(),
                    new ArrayList<>(node.addresses()), node.isLocal(), primary, backup));
        }
        nodes.sort(Comparator.comparing(NodeSummary::name));
        return nodes;
    }
}
