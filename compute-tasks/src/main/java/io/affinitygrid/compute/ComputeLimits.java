package io.affinitygrid.compute;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;

/**
 * How a node runs computations, shared by the node's configuration (which sets them) and the tasks (which
 * read them). The node publishes its limits as node attributes, so that a task reads the values the node
 * was started with.
 *
 * <p>Every job of a computation runs in Ignite's public pool and does work (scans partitions, runs a key job);
 * no job waits for another. The task gathers the jobs' results as they arrive ({@code ComputeTask.result}) and
 * sends follow-up jobs from there, so a burst of computations cannot fill the pool with jobs waiting for jobs
 * that can then never run (Ignite's IGNITE-4699 deadlock).
 */
public final class ComputeLimits {

    /** Node attribute: how many computations a node coordinates at once before it refuses new ones. */
    public static final String MAX_CONCURRENT_ATTRIBUTE = "affinitygrid.compute.max-concurrent";

    /** Used when a node does not publish {@link #MAX_CONCURRENT_ATTRIBUTE}. */
    public static final int DEFAULT_MAX_CONCURRENT = 512;

    /**
     * Node attribute: into how many jobs a partition scan splits the node's partitions, i.e. how many public-pool
     * threads scan them in parallel ({@code grid.compute.scan-threads}).
     */
    public static final String SCAN_THREADS_ATTRIBUTE = "affinitygrid.compute.scan-threads";

    private ComputeLimits() {
    }

    /** Default size of the public pool: Ignite's own rule, at least 8 and at least one per core. */
    public static int defaultPublicThreads() {
        return Math.max(8, Runtime.getRuntime().availableProcessors());
    }

    /** Default scan threads: one per core of this machine. */
    public static int defaultScanThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The scan threads {@code node} was started with; for a node that does not publish them, the cores it reports.
     */
    static int scanThreads(ClusterNode node) {
        Object value = node.attribute(SCAN_THREADS_ATTRIBUTE);
        if (value instanceof Integer threads && threads > 0) {
            return threads;
        }
        return Math.max(1, node.metrics().getTotalCpus());
    }

    /** The limit the node was started with. */
    static int maxConcurrent(Ignite ignite) {
        Object value = ignite.cluster().localNode().attribute(MAX_CONCURRENT_ATTRIBUTE);
        return value instanceof Integer limit && limit > 0 ? limit : DEFAULT_MAX_CONCURRENT;
    }
}
