package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.compute.ComputeTaskContinuousMapper;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.TaskContinuousMapperResource;

/**
 * Runs a {@link KeyJob}, named by class, on the primary node of a key's partition. Argument:
 * {@link KeyCallArgument}; result: whatever the job returns, or, when the argument asks for it
 * ({@link KeyCallArgument#withPlace()}), a {@link KeyJobResult} with the partition and the node that ran it. Invoke
 * by {@link #NAME}.
 *
 * <p>The job is sent straight to the key's primary; nothing waits for it in between. A job that arrives on a
 * node that is no longer the key's primary (the partition moved) runs nothing and is sent on to the new
 * primary. A key job is not assumed safe to repeat, so when its node leaves before answering the task fails
 * with {@link ErrorCode#OUTCOME_UNKNOWN}: it may or may not have run.
 */
public final class KeyCallTask extends ComputeTaskAdapter<KeyCallArgument, Object> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.KeyCallTask";

    private static final long serialVersionUID = 1L;

    /** After this many moves the job runs where it lands: its cache operations still reach the primary. */
    private static final int MAX_REROUTES = 10;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @TaskContinuousMapperResource
    private transient ComputeTaskContinuousMapper mapper;

    private transient Object answer;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, KeyCallArgument argument) {
        if (argument == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "KeyCallTask needs a KeyCallArgument, got null");
        }
        TaskNodes.requireCache(ignite, argument.cacheName());
        KeyJobs.check(ignite, argument.jobClassName());
        ComputeLoad.of(ignite).admit("key job " + argument.jobClassName() + " on map '" + argument.cacheName() + "'");
        return Map.of(new OnPrimary(argument, 0), primary(argument));
    }

    @Override
    public synchronized ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        OnPrimary job = result.getJob();
        IgniteException failure = result.getException();
        if (failure != null) {
            if (PartitionMapReduceTask.isTopologyChange(failure)) {
                throw new GridTaskException(ErrorCode.OUTCOME_UNKNOWN, "The node running key job "
                        + job.argument.jobClassName() + " on map '" + job.argument.cacheName() + "' left before it answered:"
                        + " the job may or may not have run, and was not run again. Check the entry before running it again.",
                        failure);
            }
            throw failure;
        }
        Object data = result.getData();
        if (data instanceof Moved) {
            mapper.send(new OnPrimary(job.argument, job.attempt + 1), primary(job.argument));
            return ComputeJobResultPolicy.WAIT;
        }
        answer = data;
        return ComputeJobResultPolicy.REDUCE;
    }

    @Override
    public synchronized Object reduce(List<ComputeJobResult> results) {
        return answer;
    }

    private ClusterNode primary(KeyCallArgument argument) {
        ClusterNode node = ignite.affinity(argument.cacheName()).mapKeyToNode(argument.key());
        if (node == null) {
            throw new GridTaskException(ErrorCode.PARTITIONS_LOST, "No node holds the partition of key " + argument.key()
                    + " of map '" + argument.cacheName() + "': restart the nodes that left, or reset the lost partitions.");
        }
        return node;
    }

    /** The answer of a job that reached a node that is no longer the key's primary: it ran nothing. */
    private enum Moved implements Serializable {
        INSTANCE
    }

    /** Runs on the key's primary. */
    private static final class OnPrimary extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final KeyCallArgument argument;
        private final int attempt;

        @IgniteInstanceResource
        private transient Ignite ignite;

        OnPrimary(KeyCallArgument argument, int attempt) {
            this.argument = argument;
            this.attempt = attempt;
        }

        @Override
        public Object execute() {
            boolean primary = ignite.affinity(argument.cacheName()).isPrimary(ignite.cluster().localNode(), argument.key());
            if (!primary && attempt < MAX_REROUTES) {
                return Moved.INSTANCE;
            }
            IgniteCache<Object, Object> cache = ignite.cache(argument.cacheName()).withKeepBinary();
            KeyJob<?> job = KeyJobs.instantiate(ignite, argument.jobClassName());
            Object result = job.run(new KeyContext(ignite, cache, argument.key(), argument.argument()));
            if (!argument.withPlace()) {
                return result;
            }
            return new KeyJobResult<>(result, ignite.affinity(argument.cacheName()).partition(argument.key()),
                    String.valueOf(ignite.cluster().localNode().consistentId()));
        }
    }
}
