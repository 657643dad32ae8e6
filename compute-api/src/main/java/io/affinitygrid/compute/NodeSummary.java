package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One server node as {@code ClusterInfoTask} sees it. Immutable.
 */
public final class NodeSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String id;
    private final List<String> addresses;
    private final boolean local;
    private final Map<String, Integer> primaryPartitions;
    private final Map<String, Integer> backupPartitions;

    public NodeSummary(String name, String id, List<String> addresses, boolean local,
            Map<String, Integer> primaryPartitions, Map<String, Integer> backupPartitions) {
        this.name = name;
        this.id = id;
        this.addresses = List.copyOf(addresses);
        this.local = local;
        this.primaryPartitions = Map.copyOf(primaryPartitions);
        this.backupPartitions = Map.copyOf(backupPartitions);
    }

    /** The node's consistent id (its configured name). */
    public String name() {
        return name;
    }

    /** The node's id in the current topology. */
    public String id() {
        return id;
    }

    /** The node's network addresses. */
    public List<String> addresses() {
        return addresses;
    }

    /** Whether this node ran the task, i.e. is the one the client is connected to. */
    public boolean local() {
        return local;
    }

    /** Number of primary partitions this node holds, by cache name. */
    public Map<String, Integer> primaryPartitions() {
        return primaryPartitions;
    }

    /** Number of backup partitions this node holds, by cache name. */
    public Map<String, Integer> backupPartitions() {
        return backupPartitions;
    }

    @Override
    public String toString() {
        return "NodeSummary[" + name + " " + addresses + ", primary=" + primaryPartitions + ", backup=" + backupPartitions + "]";
    }
}
