package io.affinitygrid.compute;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Runs a {@link KeyJob}, named by class, on the primary node of a key's partition ({@code affinityCall}),
 * with the partition reserved. Argument: {@link KeyCallArgument}; result: whatever the job returns.
 * Invoke by {@link #NAME}.
 */
public final class KeyCallTask extends ComputeTaskAdapter<KeyCallArgument, Object> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.KeyCallTask";

    private static final long serialVersionUID = 1L;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, KeyCallArgument argument) {
        if (argument == null) {
            throw new IllegalArgumentException("KeyCallTask needs a KeyCallArgument, got null");
        }
        KeyJobs.instantiate(argument.jobClassName());
        return Collections.singletonMap(new Dispatch(argument), TaskNodes.receiving(subgrid));
    }

    @Override
    public Object reduce(List<ComputeJobResult> results) {
        return results.get(0).getData();
    }

    /** Sends the key job to the key's primary. */
    private static final class Dispatch extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final KeyCallArgument argument;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Dispatch(KeyCallArgument argument) {
            this.argument = argument;
        }

        @Override
        public Object execute() {
            TaskNodes.requireCache(ignite, argument.cacheName());
            return ignite.compute().affinityCall(argument.cacheName(), argument.key(), new OnPrimary(argument));
        }
    }

    /** Runs on the key's primary. */
    private static final class OnPrimary implements IgniteCallable<Object> {

        private static final long serialVersionUID = 1L;

        private final KeyCallArgument argument;

        @IgniteInstanceResource
        private transient Ignite ignite;

        OnPrimary(KeyCallArgument argument) {
            this.argument = argument;
        }

        @Override
        public Object call() {
            IgniteCache<Object, Object> cache = ignite.cache(argument.cacheName()).withKeepBinary();
            KeyJob<?> job = KeyJobs.instantiate(argument.jobClassName());
            return job.run(new KeyContext(ignite, cache, argument.key(), argument.argument()));
        }
    }
}
