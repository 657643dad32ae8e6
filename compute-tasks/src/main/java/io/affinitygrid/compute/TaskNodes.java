package io.affinitygrid.compute;

import java.util.List;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;

/** Small helpers shared by the tasks that coordinate from the node that received them. */
public final class TaskNodes {

    private TaskNodes() {
    }

    /** The node that received the task (the thin client's node), or the first one when it is not in the subgrid. */
    public static ClusterNode receiving(List<ClusterNode> subgrid) {
        return subgrid.stream().filter(ClusterNode::isLocal).findFirst().orElse(subgrid.get(0));
    }

    /** Fails ({@link ErrorCode#UNKNOWN_MAP}) with a message listing the maps that exist when {@code cacheName} is not one of them. */
    public static void requireCache(Ignite ignite, String cacheName) {
        if (!ignite.cacheNames().contains(cacheName)) {
            TreeSet<String> maps = new TreeSet<>(ignite.cacheNames());
            maps.removeIf(InternalMaps::isInternal);
            String reason = "No map named '" + cacheName + "' on the grid." + Suggestions.didYouMean(cacheName, maps)
                    + " Maps on the grid: " + maps + ".";
            // the name travels in the token when it can (no spaces or brackets), for clients that did not send it apart
            throw cacheName.matches("[^\\s\\]]+")
                    ? new GridTaskException(ErrorCode.UNKNOWN_MAP, java.util.Map.of("map", cacheName), reason)
                    : new GridTaskException(ErrorCode.UNKNOWN_MAP, reason);
        }
    }
}
