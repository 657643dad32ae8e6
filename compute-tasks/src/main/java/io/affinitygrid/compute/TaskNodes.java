package io.affinitygrid.compute;

import java.util.List;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;

/** Small helpers shared by the tasks that coordinate from the node that received them. */
final class TaskNodes {

    private TaskNodes() {
    }

    /** The node that received the task (the thin client's node), or the first one when it is not in the subgrid. */
    static ClusterNode receiving(List<ClusterNode> subgrid) {
        return subgrid.stream().filter(ClusterNode::isLocal).findFirst().orElse(subgrid.get(0));
    }

    /** Fails with a message listing the caches that exist when {@code cacheName} is not one of them. */
    static void requireCache(Ignite ignite, String cacheName) {
        if (!ignite.cacheNames().contains(cacheName)) {
            throw new IllegalArgumentException("Unknown cache '" + cacheName + "'. Caches on this grid: "
                    + new TreeSet<>(ignite.cacheNames()));
        }
    }
}
