package io.affinitygrid.compute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteCompute;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.affinity.Affinity;
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
 * Base class of the partition map-reduce computations: every partition of a cache is computed on its primary
 * node, against that node's local copy only, and the partial results are reduced on the node that received
 * the task.
 *
 * <p>The work goes out in two rounds. First, one job per node carries all the partitions that node is primary
 * for; it computes each of them and keeps a partition's result only if the node was still the partition's
 * primary after computing it, so that a partition that moved away mid-scan is never counted from a partial
 * copy. Then every partition without a result (its node left, or it moved) is sent on its own with
 * {@code affinityCall(cacheName, partition, job)}, which reserves the partition on its primary for the
 * duration of the job; Ignite fails such a job over to a new primary when its node leaves, and partitions
 * whose failover gave up are sent again here, with a short back-off, for up to {@value #RETRY_WINDOW_MILLIS}
 * ms. Each partition's result is taken exactly once, so each partition is counted exactly once; a
 * partition may be computed twice when ownership changes, so jobs that change data must be idempotent, as
 * {@link UpdateTask} is.
 *
 * <p>A subclass names its cache, computes one partition and reduces the partials. It is invoked by its
 * class name, from the thin client as well as from a node.
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

    /**
     * Computes the partial result of one partition from the local copy on {@code ignite}, a node that holds the
     * partition as primary.
     */
    protected abstract P computePartition(Ignite ignite, A argument, int partition);

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

    /** Runs on the task's node: sends the jobs, gathers one result per partition and reduces them. */
    private static final class FanOutJob<A, P, R> extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final PartitionMapReduceTask<A, P, R> task;
        private final A argument;

        @IgniteInstanceResource
        private transient Ignite ignite;

        private transient List<P> partials;
        private transient boolean[] done;
        private transient AtomicInteger doneCount;

        FanOutJob(PartitionMapReduceTask<A, P, R> task, A argument) {
            this.task = task;
            this.argument = argument;
        }

        @Override
        public Object execute() {
            String cacheName = task.cacheName(argument);
            TaskNodes.requireCache(ignite, cacheName);
            Affinity<Object> affinity = ignite.affinity(cacheName);
            int partitions = affinity.partitions();
            partials = new ArrayList<>(Collections.nCopies(partitions, null));
            done = new boolean[partitions];
            doneCount = new AtomicInteger();
            Progress progress = new Progress(ignite, argument, partitions);

            requireNoLostPartitions(cacheName, null);
            runNodeBatches(cacheName, affinity, progress);
            runMissingPartitions(cacheName, progress);
            progress.publish(partitions);
            return task.reduce(argument, partials);
        }

        /** Round one: one job per primary node, carrying all of that node's partitions. */
        private void runNodeBatches(String cacheName, Affinity<Object> affinity, Progress progress) {
            List<Integer> all = new ArrayList<>(partials.size());
            for (int partition = 0; partition < partials.size(); partition++) {
                all.add(partition);
            }
            Map<ClusterNode, Collection<Integer>> byNode = new HashMap<>();
            affinity.mapPartitionsToNodes(all).forEach((partition, node) ->
                    byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(partition));
            List<IgniteFuture<HashMap<Integer, P>>> futures = new ArrayList<>(byNode.size());
            for (Map.Entry<ClusterNode, Collection<Integer>> entry : byNode.entrySet()) {
                int[] owned = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
                futures.add(ignite.compute(ignite.cluster().forNode(entry.getKey()))
                        .callAsync(new NodeBatchJob<>(task, argument, cacheName, owned)));
            }
            // Each batch's results are taken as it completes; a batch that failed (its node left or was stopping,
            // which interrupts its jobs, or a job failed) leaves its partitions to round two, which reserves each
            // one and reports a failure that persists.
            progress.await(futures, doneCount::get, future -> future.get().forEach(this::accept));
        }

        private synchronized void accept(int partition, P partial) {
            if (!done[partition]) {
                done[partition] = true;
                partials.set(partition, partial);
                doneCount.incrementAndGet();
            }
        }

        private synchronized List<Integer> missing() {
            List<Integer> missing = new ArrayList<>();
            for (int partition = 0; partition < done.length; partition++) {
                if (!done[partition]) {
                    missing.add(partition);
                }
            }
            return missing;
        }

        /**
         * Round two: every partition still without a result, on its own, with the partition reserved on its
         * primary. Partitions whose job failed because its node left (and Ignite's own failover gave up) are sent
         * again, together, after a short pause that lets the cluster finish switching to the new partition map.
         */
        private void runMissingPartitions(String cacheName, Progress progress) {
            List<Integer> failed = missing();
            if (failed.isEmpty()) {
                return;
            }
            IgniteCompute compute = ignite.compute();
            List<String> cacheNames = List.of(cacheName);
            long deadline = 0;
            for (int attempt = 1; ; attempt++) {
                requireNoLostPartitions(cacheName, failed);
                Map<Integer, IgniteFuture<P>> pending = new HashMap<>();
                for (int partition : failed) {
                    pending.put(partition, compute.affinityCallAsync(cacheNames, partition, new PartitionJob<>(task, argument, partition)));
                }
                progress.await(new ArrayList<>(pending.values()), doneCount::get, null);
                failed = new ArrayList<>();
                IgniteException lastFailure = null;
                for (Map.Entry<Integer, IgniteFuture<P>> job : pending.entrySet()) {
                    try {
                        accept(job.getKey(), job.getValue().get());
                    }
                    catch (IgniteException e) {
                        if (!isTopologyChange(e)) {
                            pending.values().forEach(IgniteFuture::cancel);
                            throw e;
                        }
                        failed.add(job.getKey());
                        lastFailure = e;
                    }
                }
                if (failed.isEmpty()) {
                    return;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + RETRY_WINDOW_MILLIS * 1_000_000;
                }
                else if (System.nanoTime() > deadline) {
                    throw lastFailure;
                }
                IgniteLogger log = ignite.log().getLogger(PartitionMapReduceTask.class);
                if (log.isInfoEnabled()) {
                    log.info("Partitions " + failed + " of cache '" + cacheName + "' lost their node before their jobs returned ("
                            + lastFailure.getMessage() + "); sending them again, attempt " + (attempt + 1));
                }
                pause(Math.min(100L * attempt, 1_000));
            }
        }

        /**
         * Fails at once when partitions of the cache (among {@code partitions}, or any when null) have lost every
         * copy: a result without them would be wrong, and waiting for them would only time out. The message
         * follows Ignite's own wording for lost partitions, which clients recognise.
         */
        private void requireNoLostPartitions(String cacheName, Collection<Integer> partitions) {
            List<Integer> lost = new ArrayList<>(ignite.cache(cacheName).lostPartitions());
            if (partitions != null) {
                lost.retainAll(partitions);
            }
            if (!lost.isEmpty()) {
                Collections.sort(lost);
                throw new IllegalStateException("Failed to compute over cache '" + cacheName + "' (partition data has been lost) [cacheName="
                        + cacheName + ", partition=" + lost.get(0) + ", lostPartitions=" + lost + "]. Every copy of these partitions"
                        + " left with its node: restart those nodes, or reset the lost partitions to accept the loss.");
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
    }

    /**
     * Runs on one node: computes each partition the node is primary for, keeping a result only when the node is
     * still the partition's primary afterwards (a partition that moved away mid-scan may have been evicted).
     */
    private static final class NodeBatchJob<A, P> implements IgniteCallable<HashMap<Integer, P>> {

        private static final long serialVersionUID = 1L;

        private final PartitionMapReduceTask<A, P, ?> task;
        private final A argument;
        private final String cacheName;
        private final int[] partitions;

        @IgniteInstanceResource
        private transient Ignite ignite;

        NodeBatchJob(PartitionMapReduceTask<A, P, ?> task, A argument, String cacheName, int[] partitions) {
            this.task = task;
            this.argument = argument;
            this.cacheName = cacheName;
            this.partitions = partitions;
        }

        @Override
        public HashMap<Integer, P> call() {
            Affinity<Object> affinity = ignite.affinity(cacheName);
            ClusterNode local = ignite.cluster().localNode();
            HashMap<Integer, P> results = new HashMap<>();
            for (int partition : partitions) {
                if (affinity.isPrimary(local, partition)) {
                    P partial = task.computePartition(ignite, argument, partition);
                    if (affinity.isPrimary(local, partition)) {
                        results.put(partition, partial);
                    }
                }
            }
            return results;
        }
    }

    /** Computes one partition on its primary, where {@code affinityCall} has reserved it. */
    private static final class PartitionJob<A, P> implements IgniteCallable<P> {

        private static final long serialVersionUID = 1L;

        private final PartitionMapReduceTask<A, P, ?> task;
        private final A argument;
        private final int partition;

        @IgniteInstanceResource
        private transient Ignite ignite;

        PartitionJob(PartitionMapReduceTask<A, P, ?> task, A argument, int partition) {
            this.task = task;
            this.argument = argument;
            this.partition = partition;
        }

        @Override
        public P call() {
            return task.computePartition(ignite, argument, partition);
        }
    }

    /** Publishes partitions done of the total under the argument's execution id, a few times a second. */
    private static final class Progress {

        private final String executionId;
        private final int total;
        private final IgniteCache<String, TaskProgress> cache;
        private int published = -1;

        Progress(Ignite ignite, Object argument, int total) {
            this.executionId = argument instanceof Tracked tracked ? tracked.executionId() : null;
            this.total = total;
            this.cache = executionId == null ? null : TaskProgress.cache(ignite);
        }

        void publish(int done) {
            if (cache != null && done != published) {
                cache.put(executionId, new TaskProgress(done, total));
                published = done;
            }
        }

        /**
         * Waits for every future; {@code onDone}, if given, takes each result as soon as it arrives (exceptions
         * are left for the caller to read from the future). Publishes {@code done} while waiting.
         */
        <T> void await(List<IgniteFuture<T>> futures, java.util.function.IntSupplier done,
                java.util.function.Consumer<IgniteFuture<T>> onDone) {
            CountDownLatch remaining = new CountDownLatch(futures.size());
            for (IgniteFuture<T> future : futures) {
                future.listen(f -> {
                    try {
                        if (onDone != null) {
                            onDone.accept(f);
                        }
                    }
                    catch (RuntimeException e) {
                        // read again, and handled, by the caller
                    }
                    finally {
                        remaining.countDown();
                    }
                });
            }
            try {
                while (!remaining.await(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
                    publish(done.getAsInt());
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IgniteException("Interrupted while waiting for the partition jobs", e);
            }
        }
    }
}
