package io.affinitygrid.compute.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * A change to the grid's maps made by the node that received it ({@link #change}), followed by one job per server
 * node that writes the node's file of maps created at run time, so that every node can bring them back after a
 * full restart. The task answers once every node has written its file (a node that leaves meanwhile is skipped: it
 * takes the grid's maps when it joins again).
 *
 * @param <A> the argument
 */
abstract class MapChangeTask<A> extends ComputeTaskAdapter<A, MapDescription> {

    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    private transient MapDescription description;

    /** Makes the change on the receiving node and returns the map's description (before a destroy, after a create). */
    protected abstract MapDescription change(Ignite ignite, NodeAdmin admin, A argument);

    @Override
    public final Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, A argument) {
        description = change(ignite, NodeAdmin.require(ignite), argument);
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            jobs.put(new SyncJob(), node);
        }
        return jobs;
    }

    @Override
    public final ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        IgniteException failure = result.getException();
        if (failure != null) {
            // the change is made: a node that cannot write its file (or left) is no reason to fail it
            ignite.log().getLogger(getClass()).warning("Node '" + result.getNode().consistentId()
                    + "' did not record the change of map '" + description.name() + "': " + failure.getMessage());
        }
        return ComputeJobResultPolicy.WAIT;
    }

    @Override
    public final MapDescription reduce(List<ComputeJobResult> results) {
        return description;
    }

    /** Refuses a bad argument with {@link ErrorCode#BAD_MAP_DEFINITION}. */
    static GridTaskException badDefinition(String reason) {
        return new GridTaskException(ErrorCode.BAD_MAP_DEFINITION, reason + ". Nothing was created.");
    }

    /** Writes the receiving node's file of maps created at run time. */
    static final class SyncJob extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public Object execute() {
            NodeAdmin.syncLocal(ignite);
            return null;
        }
    }
}
