package io.affinitygrid.compute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteCompute;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.lang.IgniteFuture;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Base class of the partition map-reduce computations: one job per partition of a cache, each shipped
 * with {@code affinityCall(cacheName, partition, job)} to the partition's primary node, where the
 * partition is reserved for the duration of the job so that it cannot move away mid-scan. The partial
 * results are reduced on the node that received the task.
 *
 * <p>If a job's node leaves while the job runs, Ignite fails the job over to the partition's new
 * primary; each partition's future completes exactly once, so each partition contributes exactly one
 * partial result. Ignite's failover retries at once, at most 5 times, and while the cluster is still
 * exchanging the new partition map the new primary can refuse the reservation each time; then the partition's
 * job is sent again here, with a short back-off, for up to {@value #RETRY_WINDOW_MILLIS} ms. (A job only
 * fails over or is re-sent when its result never arrived, so no partition is counted twice; jobs that change
 * data must be idempotent, as {@link UpdateTask} is.)
 *
 * <p>A subclass names its cache, creates the job for one partition and reduces the partials. It is
 * invoked by its class name, from the thin client as well as from a node.
 *
 * @param <A> the task argument
 * @param <P> the partial result of one partition
 * @param <R> the task result
 */
public abstract class PartitionMapReduceTask<A, P, R> extends ComputeTaskAdapter<A, R> {

    private static final long serialVersionUID = 1L;

    private static final long PROGRESS_INTERVAL_MILLIS = 200;

    /** How long a partition whose node left is re-sent, from its first failure. */
    static final long RETRY_WINDOW_MILLIS = 30_000;

    /** Returns the cache whose partitions are scanned; called on the task's node. */
    protected abstract String cacheName(A argument);

    /** Checks the argument before any job is sent; throws {@link IllegalArgumentException} with a clear message. */
    protected void validate(A argument) {
        if (argument == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs an argument, got null");
        }
    }

    /**
     * Completes the argument once per execution, before any job is created (e.g. with an id shared by all
     * of the execution's jobs). Returns the argument unchanged by default.
     */
    protected A prepare(A argument) {
        return argument;
    }

    /** Creates the job that computes the partial result of one partition on its primary node. */
    protected abstract IgniteCallable<P> partitionJob(A argument, int partition);

    /** Combines the partial results of every partition, in partition order. */
    protected abstract R reduce(A argument, List<P> partials);

    @Override
    public final Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, A argument) {
        validate(argument);
        return Collections.singletonMap(new FanOutJob<>(this, prepare(argument)), TaskNodes.receiving(subgrid));
    }

    @Override
    @SuppressWarnings("unchecked")
    public final R reduce(List<ComputeJobResult> results) {
        return (R) results.get(0).getData();
    }

    /** Runs on the task's node: sends one affinity job per partition and reduces their partials. */
    private static final class FanOutJob<A, P, R> extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final PartitionMapReduceTask<A, P, R> task;
        private final A argument;

        @IgniteInstanceResource
        private transient Ignite ignite;

        FanOutJob(PartitionMapReduceTask<A, P, R> task, A argument) {
            this.task = task;
            this.argument = argument;
        }

        @Override
        public Object execute() {
            String cacheName = task.cacheName(argument);
            TaskNodes.requireCache(ignite, cacheName);
            int partitions = ignite.affinity(cacheName).partitions();
            IgniteCompute compute = ignite.compute();
            List<String> cacheNames = List.of(cacheName);
            List<IgniteFuture<P>> futures = new ArrayList<>(partitions);
            for (int partition = 0; partition < partitions; partition++) {
                futures.add(compute.affinityCallAsync(cacheNames, partition, task.partitionJob(argument, partition)));
            }
            awaitPublishingProgress(futures);
            return task.reduce(argument, collect(compute, cacheNames, futures));
        }

        /**
         * The partial results of every partition, in partition order. Partitions whose job failed because its
         * node left (and Ignite's own failover gave up) are sent again, together, to their current primaries after
         * a short pause that lets the cluster finish switching to the new partition map.
         */
        private List<P> collect(IgniteCompute compute, List<String> cacheNames, List<IgniteFuture<P>> futures) {
            List<P> partials = new ArrayList<>(Collections.nCopies(futures.size(), null));
            Map<Integer, IgniteFuture<P>> pending = new LinkedHashMap<>();
            for (int partition = 0; partition < futures.size(); partition++) {
                pending.put(partition, futures.get(partition));
            }
            long deadline = 0;
            for (int attempt = 1; ; attempt++) {
                List<Integer> failed = new ArrayList<>();
                IgniteException lastFailure = null;
                for (Map.Entry<Integer, IgniteFuture<P>> job : pending.entrySet()) {
                    try {
                        partials.set(job.getKey(), job.getValue().get());
                    }
                    catch (IgniteException e) {
                        if (!isTopologyChange(e)) {
                            pending.values().forEach(f -> f.cancel());
                            throw e;
                        }
                        failed.add(job.getKey());
                        lastFailure = e;
                    }
                }
                if (failed.isEmpty()) {
                    return partials;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + RETRY_WINDOW_MILLIS * 1_000_000;
                }
                else if (System.nanoTime() > deadline) {
                    throw lastFailure;
                }
                IgniteLogger log = ignite.log().getLogger(PartitionMapReduceTask.class);
                if (log.isInfoEnabled()) {
                    log.info("Partitions " + failed + " of cache '" + cacheNames.get(0) + "' lost their node before their jobs returned ("
                            + lastFailure.getMessage() + "); sending them again, attempt " + (attempt + 1));
                }
                pause(Math.min(100L * attempt, 1_000));
                pending.clear();
                for (int partition : failed) {
                    pending.put(partition, compute.affinityCallAsync(cacheNames, partition, task.partitionJob(argument, partition)));
                }
            }
        }

        private static boolean isTopologyChange(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ClusterTopologyException
                        || t instanceof org.apache.ignite.internal.cluster.ClusterTopologyCheckedException) {
                    return true;
                }
            }
            return false;
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IgniteException("Interrupted while waiting to send a partition job again", e);
            }
        }

        /** Waits for every job, publishing progress a few times a second when the argument asks for it. */
        private void awaitPublishingProgress(List<IgniteFuture<P>> futures) {
            String executionId = argument instanceof Tracked tracked ? tracked.executionId() : null;
            if (executionId == null) {
                return;
            }
            CountDownLatch remaining = new CountDownLatch(futures.size());
            futures.forEach(f -> f.listen(done -> remaining.countDown()));
            IgniteCache<String, TaskProgress> progress = TaskProgress.cache(ignite);
            try {
                long published = -1;
                while (true) {
                    boolean finished = remaining.await(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                    long done = futures.size() - remaining.getCount();
                    if (done != published) {
                        progress.put(executionId, new TaskProgress((int) done, futures.size()));
                        published = done;
                    }
                    if (finished) {
                        return;
                    }
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IgniteException("Interrupted while waiting for the partition jobs", e);
            }
        }
    }
}
