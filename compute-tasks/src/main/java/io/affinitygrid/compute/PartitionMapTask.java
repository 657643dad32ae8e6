package io.affinitygrid.compute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;

/**
 * The partition map of a cache: for each partition, its primary and backup nodes. Argument: the cache name;
 * result: {@code List<PartitionOwners>} in partition order. Invoke by {@link #NAME}.
 */
public final class PartitionMapTask extends SingleJobTask<String, List<PartitionOwners>> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.PartitionMapTask";

    private static final long serialVersionUID = 1L;

    @Override
    protected List<PartitionOwners> answer(Ignite ignite, String cacheName) {
        TaskNodes.requireCache(ignite, SumArgument.requireText(cacheName, "cache name"));
        Affinity<Object> affinity = ignite.affinity(cacheName);
        List<PartitionOwners> owners = new ArrayList<>(affinity.partitions());
        for (int partition = 0; partition < affinity.partitions(); partition++) {
            owners.add(owners(partition, affinity.mapPartitionToPrimaryAndBackups(partition)));
        }
        return owners;
    }

    static PartitionOwners owners(int partition, Collection<ClusterNode> nodes) {
        List<String> names = nodes.stream().map(n -> String.valueOf(n.consistentId())).toList();
        return names.isEmpty() ? new PartitionOwners(partition, null, List.of())
                : new PartitionOwners(partition, names.get(0), names.subList(1, names.size()));
    }
}
