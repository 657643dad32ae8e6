package io.affinitygrid.compute.admin;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Stops a server node gracefully: the named node is told to stop, answers, and a moment later leaves the topology
 * (running jobs finish; its partitions' backups take over) and its application exits. Argument: the node's name;
 * result: the name. Invoke by {@code CatalogTasks.STOP_NODE}.
 */
public final class StopNodeTask extends ComputeTaskAdapter<String, String> {

    private static final long serialVersionUID = 1L;

    /** How long the node waits after answering before it stops, so that the answer reaches the client. */
    static final long STOP_DELAY_MILLIS = 500;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, String name) {
        NodeAdmin.requireAdmin(ignite, "stop nodes");
        TreeSet<String> names = new TreeSet<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            String nodeName = String.valueOf(node.consistentId());
            if (nodeName.equals(name)) {
                return Map.of(new Stop(), node);
            }
            names.add(nodeName);
        }
        throw new GridTaskException(ErrorCode.UNKNOWN_NODE, "No server node named '" + name + "' in the grid. Its nodes: "
                + String.join(", ", names) + ".");
    }

    /** Never sent to another node: a stop is for the named node only. */
    @Override
    public ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        return ComputeJobResultPolicy.REDUCE;
    }

    @Override
    public String reduce(List<ComputeJobResult> results) {
        ComputeJobResult result = results.get(0);
        if (result.getException() != null) {
            throw result.getException();
        }
        return (String) result.getData();
    }

    /** Tells the node it runs on to stop after answering. */
    static final class Stop extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public Object execute() {
            NodeAdmin.require(ignite).stopLater(STOP_DELAY_MILLIS);
            return String.valueOf(ignite.cluster().localNode().consistentId());
        }
    }
}
