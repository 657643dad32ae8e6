package io.affinitygrid.compute.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Removes a deployment from every server node. Argument: {@link UndeployArgument}; result: the
 * {@link DeploymentInfo} of the version removed ({@link DeploymentInfo#removed()} true). The name's record
 * stays in {@value Deployments#CACHE} without its jar, so a node that joins later loads nothing of it, and a
 * call to one of its tasks can be told which deployment it belonged to. Invoke by {@link #NAME}.
 */
public final class UndeployTask extends ComputeTaskAdapter<UndeployArgument, DeploymentInfo> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.deploy.UndeployTask";

    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    private transient DeploymentRecord removed;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, UndeployArgument argument) {
        String name = argument == null ? null : argument.name();
        NodeDeployments deployments = Deployments.require(ignite);
        String user = Deployments.currentUser(ignite, deployments.policy(), argument == null ? null : argument.declaredUser());
        // without authentication anyone may undeploy; with it, only the users listed
        Deployments.requireAllowed(deployments.policy(), user, "undeploy");
        DeploymentRecord record = name == null ? null : Deployments.cache(ignite).get(name);
        if (record == null || record.removed()) {
            throw new GridTaskException(ErrorCode.UNKNOWN_DEPLOYMENT, "No deployment named '" + name + "' on the grid"
                    + (record == null ? "" : " (it was undeployed by '" + record.deployedBy() + "')")
                    + ". List the deployments to see their names.");
        }
        removed = record.asRemoved(user, System.currentTimeMillis());
        if (!Boolean.TRUE.equals(Deployments.cache(ignite).invoke(name, new CommitProcessor(record.version(), removed)))) {
            throw new GridTaskException(ErrorCode.DEPLOYMENT_CONFLICT, "Another deploy or undeploy of '" + name
                    + "' finished first. List the deployments and try again.");
        }
        ignite.log().getLogger(UndeployTask.class).info("Undeployed '" + name + "' v" + record.version() + " by user '"
                + user + "' (sha256 " + record.checksum() + ")");
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            jobs.put(new DeploymentJobs.Remove(name), node);
        }
        return jobs;
    }

    @Override
    public ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        IgniteException failure = result.getException();
        if (failure != null && !(failure instanceof org.apache.ignite.cluster.ClusterTopologyException
                || failure.hasCause(org.apache.ignite.cluster.ClusterTopologyException.class,
                        org.apache.ignite.internal.cluster.ClusterTopologyCheckedException.class))) {
            throw failure;
        }
        // a node that left drops its registrations with its JVM, and loads nothing of this name when it comes back
        return ComputeJobResultPolicy.WAIT;
    }

    @Override
    public DeploymentInfo reduce(List<ComputeJobResult> results) {
        return removed.info();
    }
}
