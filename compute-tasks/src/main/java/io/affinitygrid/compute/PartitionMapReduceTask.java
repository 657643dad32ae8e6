package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import io.affinitygrid.compute.deploy.NodeDeployments;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.compute.ComputeExecutionRejectedException;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.compute.ComputeTaskContinuousMapper;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.TaskContinuousMapperResource;

/**
 * Base class of the partition map-reduce computations: every partition of a cache is computed on its primary
 * node, against that node's local copy only, and the partial results are reduced on the node that received
 * the task.
 *
 * <p>Nothing in it waits for a job: the task sends each node the partitions it is primary for, split into as
 * many jobs as the node has scan threads ({@code grid.compute.scan-threads}, published as
 * {@link ComputeLimits#SCAN_THREADS_ATTRIBUTE}) so that they run in parallel in its public pool, and takes each
 * job's partials as its result arrives ({@link #result}). A node computes each of
 * its partitions and keeps a partition's result only if it was still the partition's primary after computing
 * it, so that a partition that moved away mid-scan is never counted from a partial copy. When every job of a
 * round has answered and some partitions have no result (their node left, or they moved), they are sent again,
 * grouped by their current primary, from within {@link #result} through Ignite's continuous mapper; a
 * partition keeps being re-sent while its failures are topology changes, for up to
 * {@value #RETRY_WINDOW_MILLIS} ms from the first. Each partition's result is taken exactly once, so each
 * partition is counted exactly once; a partition may be computed twice when ownership changes, so jobs that
 * change data must be idempotent, as {@link UpdateTask} is.
 *
 * <p>A job merges the partials of its partitions into one before it answers when the task can
 * ({@link #mergePartials}), so that one small result per job travels instead of one per partition. A merged
 * result is taken whole or not at all: if any of its partitions already has a result, which the rounds never
 * let happen, none of them takes it, and they are sent again.
 *
 * <p>Because no job blocks a thread waiting for other jobs, a burst of computations cannot fill the public pool
 * with waiters (Ignite's IGNITE-4699 deadlock). A node refuses a computation with {@link ErrorCode#BUSY} when it
 * already coordinates as many as {@code grid.compute.max-concurrent} ({@link ComputeLoad}).
 *
 * <p>A subclass names its cache, computes one partition and reduces the partials. It is invoked by its class
 * name, from the thin client as well as from a node; Ignite creates a new instance for each execution, and an
 * instance runs one execution at a time.
 *
 * @param <A> the task argument
 * @param <P> the partial result of one partition
 * @param <R> the task result
 */
public abstract class PartitionMapReduceTask<A, P, R> extends ComputeTaskAdapter<A, R> {

    private static final long serialVersionUID = 1L;

    /** How long a partition whose node left is re-sent, from its first failure. */
    static final long RETRY_WINDOW_MILLIS = 30_000;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @TaskContinuousMapperResource
    private transient ComputeTaskContinuousMapper mapper;

    private transient Execution<A, P> execution;

    /** Returns the cache whose partitions are scanned; called on the task's node. */
    protected abstract String cacheName(A argument);

    /** Checks the argument before any job is sent; throws a {@link GridTaskException} ({@link ErrorCode#BAD_ARGUMENT}) with a clear message. */
    protected void validate(A argument) {
        if (argument == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, getClass().getSimpleName() + " needs an argument, got null");
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

    /**
     * Computes the partial results of several partitions held here as primary, by partition; a partition left
     * out gets no result from this call. Stops early, leaving partitions out, once {@code cancelled} says so (the job
     * was cancelled, e.g. because its node is stopping): they are then sent again. By default one
     * {@link #computePartition} after the other; a subclass may compute them together (as {@link ScanTask} does, to
     * read their rows in data-page order), and then records in {@code filterUse} whether the entries it filtered had
     * the filter's field.
     */
    protected Map<Integer, P> computePartitions(Ignite ignite, A argument, int[] partitions, BooleanSupplier cancelled,
            FilterFieldUse filterUse) {
        Map<Integer, P> results = new HashMap<>();
        for (int partition : partitions) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            results.put(partition, computePartition(ignite, argument, partition));
        }
        return results;
    }

    /**
     * Merges the partials of several partitions, computed on one node, into one that reduces like them, or
     * returns {@code null} (the default) when the task cannot: each partition's partial then travels on its own.
     */
    protected P mergePartials(A argument, List<P> partials) {
        return null;
    }

    /**
     * Combines the partial results: one per partition, or one per job for a task that merges them
     * ({@link #mergePartials}). Every partition is covered exactly once.
     */
    protected abstract R reduce(A argument, List<P> partials);

    @Override
    public final synchronized Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, A argument) {
        if (execution != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " runs one execution at a time: execute it by"
                    + " name or class, so that each execution gets its own instance");
        }
        validate(argument);
        A prepared = prepare(argument);
        String cacheName = cacheName(prepared);
        TaskNodes.requireCache(ignite, cacheName);
        ComputeLoad.of(ignite).admit("a " + getClass().getSimpleName() + " over map '" + cacheName + "'");
        Affinity<Object> affinity = ignite.affinity(cacheName);
        execution = new Execution<>(ignite, cacheName, prepared, affinity.partitions());
        execution.requireNoLostPartitions(null);
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        execution.byPrimary(allPartitions(affinity.partitions())).forEach((node, partitions) -> {
            for (List<Integer> share : split(partitions, ComputeLimits.scanThreads(node))) {
                jobs.put(execution.newBatch(this, share, 0), node);
            }
        });
        return jobs;
    }

    /**
     * Takes a batch's partials as it arrives; when the round is complete and partitions are missing, sends
     * them again. Never waits.
     */
    @Override
    public final synchronized ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        Execution<A, P> run = execution;
        BatchJob<A, P> batch = result.getJob();
        IgniteException failure = result.getException();
        if (failure == null) {
            BatchResult<P> partials = result.getData();
            partials.forEach(run::accept);
            run.filterUse.add(partials.filterUse);
        }
        else if (batch.attempt() > 0 && !isTopologyChange(failure)) {
            throw failure;
        }
        else {
            run.lastFailure = failure;
            run.leaving.add(result.getNode().id());
        }
        run.progress.publish(run.doneCount);
        if (--run.pending == 0) {
            resendMissing(run);
        }
        return ComputeJobResultPolicy.WAIT;
    }

    /**
     * Sends every partition still without a result to its current primary, one job per node. The first resend
     * (round two) goes at once; later ones start with a short pause in the job itself, which lets the cluster
     * finish switching to its new partition map.
     */
    private void resendMissing(Execution<A, P> run) {
        List<Integer> missing = run.missing();
        if (missing.isEmpty()) {
            return;
        }
        run.requireNoLostPartitions(missing);
        long now = System.nanoTime();
        if (run.retryDeadline == 0) {
            run.retryDeadline = now + RETRY_WINDOW_MILLIS * 1_000_000;
        }
        else if (now > run.retryDeadline) {
            throw run.lastFailure != null ? run.lastFailure : new IgniteException("Partitions " + missing + " of map '"
                    + run.cacheName + "' got no result within " + RETRY_WINDOW_MILLIS + " ms");
        }
        run.attempt++;
        ComputeLoad.of(ignite).partitionsResent(missing.size());
        IgniteLogger log = ignite.log().getLogger(PartitionMapReduceTask.class);
        if (log.isInfoEnabled()) {
            log.info("Partitions " + missing + " of map '" + run.cacheName + "' got no result from their node ("
                    + (run.lastFailure == null ? "they moved" : run.lastFailure.getMessage()) + "); sending them again, attempt "
                    + (run.attempt + 1));
        }
        // A node whose job just failed with a topology change may still be the primary in this node's view (it is
        // leaving): its partitions go to this node instead, which computes those it has become primary for by the
        // time the job runs, after the job's pause, and leaves the rest to the next round.
        Map<ClusterNode, List<Integer>> targets = new HashMap<>();
        run.byPrimary(missing).forEach((node, partitions) -> targets.computeIfAbsent(
                run.leaving.contains(node.id()) ? ignite.cluster().localNode() : node, n -> new ArrayList<>()).addAll(partitions));
        targets.forEach((node, partitions) -> {
            for (List<Integer> share : split(partitions, ComputeLimits.scanThreads(node))) {
                mapper.send(run.newBatch(this, share, run.attempt), node);
            }
        });
    }

    @Override
    public final synchronized R reduce(List<ComputeJobResult> results) {
        Execution<A, P> run = execution;
        if (run.doneCount != run.done.length) {
            throw new IllegalStateException("Internal error: " + run.doneCount + " of " + run.done.length
                    + " partitions of map '" + run.cacheName + "' have a result");
        }
        run.progress.publish(run.doneCount);
        int missing = run.filterUse.fieldNoEntryHad();
        if (missing >= 0 && run.argument instanceof ScanSpec spec && spec.filter() != null) {
            throw new MissingFieldException(run.cacheName, spec.filter().fields().get(missing), " that the filter ("
                    + spec.filter() + ") reads, so no comparison on it could match").withFieldsOf(ignite);
        }
        try {
            return reduce(run.argument, run.partials);
        }
        catch (MissingFieldException e) {
            throw e.withFieldsOf(ignite);
        }
    }

    /**
     * Splits a node's partitions into at most {@code jobs} shares of nearly equal size, so that the node scans
     * them on that many public-pool threads at once; each share is an independent job that waits for nothing.
     */
    static List<List<Integer>> split(List<Integer> partitions, int jobs) {
        int shares = Math.max(1, Math.min(jobs, partitions.size()));
        List<List<Integer>> split = new ArrayList<>(shares);
        int from = 0;
        for (int i = 0; i < shares; i++) {
            int to = from + (partitions.size() - from) / (shares - i);
            split.add(partitions.subList(from, to));
            from = to;
        }
        return split;
    }

    private static List<Integer> allPartitions(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int partition = 0; partition < count; partition++) {
            all.add(partition);
        }
        return all;
    }

    static boolean isTopologyChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClusterTopologyException || t instanceof ComputeExecutionRejectedException
                    || t instanceof org.apache.ignite.internal.cluster.ClusterTopologyCheckedException) {
                return true;
            }
        }
        return false;
    }

    /** The state of one execution, on the task's node; guarded by the task's monitor. */
    private static final class Execution<A, P> {

        private final Ignite ignite;
        private final String cacheName;
        private final A argument;
        private final List<P> partials;
        private final boolean[] done;
        private final Progress progress;
        private final FilterFieldUse filterUse = new FilterFieldUse();
        private int doneCount;
        private int pending;
        private int attempt;
        private long retryDeadline;
        private IgniteException lastFailure;
        /** Nodes whose jobs failed because they left or were stopping. */
        private final Set<UUID> leaving = new HashSet<>();
        /** The task and its argument, marshalled once, when the task is a deployed class. */
        private byte[] deployedTask;

        Execution(Ignite ignite, String cacheName, A argument, int partitions) {
            this.ignite = ignite;
            this.cacheName = cacheName;
            this.argument = argument;
            this.partials = new ArrayList<>();
            this.done = new boolean[partitions];
            this.progress = new Progress(ignite, argument, partitions);
        }

        <R> BatchJob<A, P> newBatch(PartitionMapReduceTask<A, P, R> task, Collection<Integer> partitions, int attempt) {
            pending++;
            int[] batch = partitions.stream().mapToInt(Integer::intValue).toArray();
            String deployment = NodeDeployments.deploymentOf(task.getClass());
            if (deployment == null) {
                return new BatchJob<>(task, argument, null, cacheName, batch, attempt, null);
            }
            if (deployedTask == null) {
                deployedTask = DeployedTask.marshal(ignite, task, argument);
            }
            return new BatchJob<>(null, null, deployedTask, cacheName, batch, attempt, deployment);
        }

        Map<ClusterNode, List<Integer>> byPrimary(Collection<Integer> partitions) {
            Map<ClusterNode, List<Integer>> byNode = new HashMap<>();
            ignite.affinity(cacheName).mapPartitionsToNodes(partitions).forEach((partition, node) ->
                    byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(partition));
            return byNode;
        }

        /** Takes a partial covering {@code partitions}, unless one of them already has a result. */
        void accept(int[] partitions, P partial) {
            for (int partition : partitions) {
                if (done[partition]) {
                    return;
                }
            }
            for (int partition : partitions) {
                done[partition] = true;
            }
            doneCount += partitions.length;
            partials.add(partial);
        }

        List<Integer> missing() {
            List<Integer> missing = new ArrayList<>();
            for (int partition = 0; partition < done.length; partition++) {
                if (!done[partition]) {
                    missing.add(partition);
                }
            }
            return missing;
        }

        /**
         * Fails at once when partitions of the cache (among {@code partitions}, or any when null) have lost every
         * copy: a result without them would be wrong, and waiting for them would only time out.
         */
        void requireNoLostPartitions(Collection<Integer> partitions) {
            List<Integer> lost = new ArrayList<>(ignite.cache(cacheName).lostPartitions());
            if (partitions != null) {
                lost.retainAll(partitions);
            }
            if (!lost.isEmpty()) {
                Collections.sort(lost);
                // the first lost partition travels in the code's token, where clients read it
                throw new GridTaskException(ErrorCode.PARTITIONS_LOST, Map.of("partition", lost.get(0)), "Partitions " + lost
                        + " of map '" + cacheName + "' lost every copy: their nodes left the grid. Restart those nodes, or"
                        + " reset the lost partitions to accept the loss.");
            }
        }
    }

    /**
     * Runs on one node: computes each of its partitions the node is primary for, keeping a result only when the
     * node is still the partition's primary afterwards (a partition that moved away mid-scan may have been
     * evicted). Returns the partials it kept, merged into one when the task can.
     */
    private static final class BatchJob<A, P> extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        /** The task and its argument when the task is a class of the node's classpath, else null. */
        private final PartitionMapReduceTask<A, P, ?> task;
        private final A argument;
        /**
         * The task and its argument, marshalled, when the task is a deployed class: read here with the loader of
         * the version the computation started with, which this node resolving the task's name may no longer give.
         */
        private final byte[] deployedTask;
        private final String cacheName;
        private final int[] partitions;
        private final int attempt;
        /** The deployment and version of the task's class on the task's node; null for the node's own classes. */
        private final String deployment;

        @IgniteInstanceResource
        private transient Ignite ignite;

        BatchJob(PartitionMapReduceTask<A, P, ?> task, A argument, byte[] deployedTask, String cacheName, int[] partitions,
                int attempt, String deployment) {
            this.task = task;
            this.argument = argument;
            this.deployedTask = deployedTask;
            this.cacheName = cacheName;
            this.partitions = partitions;
            this.attempt = attempt;
            this.deployment = deployment;
        }

        int attempt() {
            return attempt;
        }

        @Override
        public BatchResult<P> execute() {
            if (deployedTask == null) {
                return execute(task, argument);
            }
            DeployedTask<A, P> read = DeployedTask.unmarshal(ignite, deployedTask, deployment);
            return execute(read.task(), read.argument());
        }

        private BatchResult<P> execute(PartitionMapReduceTask<A, P, ?> task, A argument) {
            if (attempt > 1) {
                // the cluster is still settling after a node left: give it a moment, without waiting on any job
                pause(Math.min(100L * (attempt - 1), 1_000));
            }
            Affinity<Object> affinity = ignite.affinity(cacheName);
            ClusterNode local = ignite.cluster().localNode();
            int[] primary = java.util.Arrays.stream(partitions).filter(p -> affinity.isPrimary(local, p)).toArray();
            BatchResult<P> results = new BatchResult<>();
            if (isCancelled() || primary.length == 0) {
                return results;
            }
            TreeMap<Integer, P> kept = new TreeMap<>(task.computePartitions(ignite, argument, primary, this::isCancelled,
                    results.filterUse));
            for (int partition : kept.keySet()) {
                // kept only if this node was primary of every partition before and after computing them: never counted
                // from a copy that moved away (and may have been evicted) mid-scan. All or nothing, as one partial may
                // hold the entries of several partitions (ScanTask.accumulatesAcrossPartitions); the coordinator sends
                // the partitions again
                if (!affinity.isPrimary(local, partition)) {
                    return new BatchResult<>();
                }
            }
            P merged = kept.size() > 1 ? task.mergePartials(argument, new ArrayList<>(kept.values())) : null;
            if (merged != null) {
                results.add(kept.keySet().stream().mapToInt(Integer::intValue).toArray(), merged);
            }
            else {
                kept.forEach((partition, partial) -> results.add(new int[] {partition}, partial));
            }
            return results;
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IgniteException("Cancelled before sending partitions again", e);
            }
        }
    }

    /** What a batch job answers: partials, each with the partitions it covers. */
    static final class BatchResult<P> implements Serializable {

        private static final long serialVersionUID = 1L;

        private final ArrayList<int[]> covered = new ArrayList<>();
        private final ArrayList<P> partials = new ArrayList<>();
        private final FilterFieldUse filterUse = new FilterFieldUse();

        void add(int[] partitions, P partial) {
            covered.add(partitions);
            partials.add(partial);
        }

        void forEach(BiConsumer<int[], P> action) {
            for (int i = 0; i < partials.size(); i++) {
                action.accept(covered.get(i), partials.get(i));
            }
        }
    }

    /**
     * Whether the entries a filter was applied to had the field it reads: a filter on a field no entry has
     * matches nothing, and is almost always a misspelt name, so the computation fails instead of answering
     * "none". Filled by one job's thread, then merged on the task's node.
     */
    public static final class FilterFieldUse implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Per field of the filter (by its index in Filter.fields()): entries it was read on, and whether any had it. */
        private long[] read = new long[1];
        private boolean[] seen = new boolean[1];

        /** Records that field {@code index} of the filter was read on one entry, and whether the entry had it. */
        public void entry(int index, boolean hadField) {
            grow(index);
            read[index]++;
            seen[index] |= hadField;
        }

        private void grow(int index) {
            if (index >= read.length) {
                read = java.util.Arrays.copyOf(read, index + 1);
                seen = java.util.Arrays.copyOf(seen, index + 1);
            }
        }

        void add(FilterFieldUse other) {
            for (int i = 0; i < other.read.length; i++) {
                if (other.read[i] > 0) {
                    grow(i);
                    read[i] += other.read[i];
                    seen[i] |= other.seen[i];
                }
            }
        }

        /** The index of a field that was read on some entry and that no entry had; -1 when there is none. */
        int fieldNoEntryHad() {
            for (int i = 0; i < read.length; i++) {
                if (read[i] > 0 && !seen[i]) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Publishes partitions done of the total under the argument's execution id, a few times a second. */
    private static final class Progress {

        private static final long INTERVAL_NANOS = 200_000_000L;

        private final String executionId;
        private final int total;
        private final IgniteCache<String, TaskProgress> cache;
        private int published = -1;
        private long publishedAt;

        Progress(Ignite ignite, Object argument, int total) {
            this.executionId = argument instanceof Tracked tracked ? tracked.executionId() : null;
            this.total = total;
            this.cache = executionId == null ? null : TaskProgressCache.cache(ignite);
        }

        /** Publishes without waiting for the write, at most every 200 ms; the final count waits for its write. */
        void publish(int done) {
            long now = System.nanoTime();
            if (cache != null && done != published && (done == total || now - publishedAt >= INTERVAL_NANOS)) {
                if (done == total) {
                    // written before the result leaves the node, so a client reading it after the result sees it
                    cache.put(executionId, new TaskProgress(done, total));
                }
                else {
                    cache.putAsync(executionId, new TaskProgress(done, total));
                }
                published = done;
                publishedAt = now;
            }
        }
    }
}
