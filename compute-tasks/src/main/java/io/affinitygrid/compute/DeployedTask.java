package io.affinitygrid.compute;

import io.affinitygrid.compute.deploy.NodeDeployments;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteException;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.util.IgniteUtils;

/**
 * A deployed task and its argument, carried by a partition job as bytes and read on the job's node with the class
 * loader of the version the computation started with.
 *
 * <p>Why bytes: Ignite reads a job with the loader its node resolves the task's name to, which after a redeploy is
 * the new version's. A job read that way would run the new version's code inside a computation that started on
 * the old one.
 */
record DeployedTask<A, P>(PartitionMapReduceTask<A, P, ?> task, A argument) {

    static byte[] marshal(Ignite ignite, PartitionMapReduceTask<?, ?, ?> task, Object argument) {
        try {
            return IgniteUtils.marshal(((IgniteEx) ignite).context(), new Object[] {task, argument});
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot send the deployed task " + task.getClass().getName() + " to its jobs", e);
        }
    }

    /**
     * Reads the task with the loader of {@code deployment} on this node.
     *
     * @throws GridTaskException {@code DEPLOYMENT_CHANGED} when this node does not have that version loaded
     */
    @SuppressWarnings("unchecked")
    static <A, P> DeployedTask<A, P> unmarshal(Ignite ignite, byte[] bytes, String deployment) {
        ClassLoader loader = NodeDeployments.loaderOf(ignite, deployment);
        if (loader == null) {
            throw new GridTaskException(ErrorCode.DEPLOYMENT_CHANGED, "Deployment " + deployment + " was replaced while this"
                    + " computation ran, and node '" + ignite.name() + "', which now holds some of its partitions, does not"
                    + " have that version loaded (it joined after the redeploy, or the version was dropped "
                    + NodeDeployments.PREVIOUS_VERSION_RETENTION.toMinutes() + " minutes after it). Nothing was mixed:"
                    + " run the computation again.");
        }
        try {
            Object[] read = IgniteUtils.unmarshal(((IgniteEx) ignite).context(), bytes, loader);
            return new DeployedTask<>((PartitionMapReduceTask<A, P, ?>) read[0], (A) read[1]);
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot read the deployed task of " + deployment + " on node '" + ignite.name() + "'", e);
        }
    }
}
