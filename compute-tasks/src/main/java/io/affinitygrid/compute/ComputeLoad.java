package io.affinitygrid.compute;

import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ignite.Ignite;

/**
 * What one node is coordinating now, and what it counted since it started: one instance per node, kept in
 * the node's local map. The admission bound keeps a burst from queuing without limit: a node that already
 * coordinates {@code grid.compute.max-concurrent} computations (tasks it received and has not finished) refuses
 * a new one at once with {@link ErrorCode#BUSY} instead of queuing it behind the others. The bound counts the
 * node's running tasks as Ignite knows them, so a task that fails or is cancelled leaves it at once.
 * Thread-safe.
 */
public final class ComputeLoad {

    private static final String KEY = ComputeLoad.class.getName();

    private final Ignite ignite;
    private final int limit;
    private final LongAdder coordinated = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder resentPartitions = new LongAdder();
    private final LongAdder pageOrderPartitions = new LongAdder();
    private final LongAdder rescannedPartitions = new LongAdder();
    private final LongAdder discardedSharedPartials = new LongAdder();

    private ComputeLoad(Ignite ignite, int limit) {
        this.ignite = ignite;
        this.limit = limit;
    }

    /** The node's instance, created on first use with the node's configured limit. */
    public static ComputeLoad of(Ignite ignite) {
        ConcurrentMap<String, Object> local = ignite.cluster().nodeLocalMap();
        Object load = local.get(KEY);
        if (load == null) {
            load = local.computeIfAbsent(KEY, key -> new ComputeLoad(ignite, ComputeLimits.maxConcurrent(ignite)));
        }
        return (ComputeLoad) load;
    }

    /**
     * Admits a computation the node has just received (it counts among the running ones), or refuses it with
     * {@link ErrorCode#BUSY} when the node already coordinated as many as it accepts before it.
     */
    void admit(String what) {
        if (active() > limit) {
            refused.increment();
            throw new GridTaskException(ErrorCode.BUSY, "Grid node '" + ignite.name() + "' is already running " + limit
                    + " computations, its limit, so it refused " + what + ". Try again shortly, spread the load over more"
                    + " connections and nodes, or raise grid.compute.max-concurrent on the nodes.");
        }
        coordinated.increment();
    }

    void partitionsResent(int count) {
        resentPartitions.add(count);
    }

    void partitionScanned(boolean pageOrder) {
        (pageOrder ? pageOrderPartitions : rescannedPartitions).increment();
    }

    /** Partitions this node scanned in data-page order and whose result it kept, since it started. */
    public long pageOrderPartitions() {
        return pageOrderPartitions.sum();
    }

    /**
     * Partitions whose page-order scan this node discarded (the partition was written meanwhile, or the
     * internals were unavailable) and scanned again with a {@code ScanQuery}, since it started.
     */
    public long rescannedPartitions() {
        return rescannedPartitions.sum();
    }

    void sharedPartialDiscarded() {
        discardedSharedPartials.increment();
    }

    /**
     * Scan jobs that accumulated all their partitions into one partial and had to discard it, because a partition
     * was written during the scan, and scan again with one partial per partition, since the node started.
     */
    public long discardedSharedPartials() {
        return discardedSharedPartials.sum();
    }

    /** Computations (tasks) this node received and is coordinating now. */
    public int active() {
        return ignite.compute().activeTaskFutures().size();
    }

    /** How many computations the node coordinates at once. */
    public int limit() {
        return limit;
    }

    /** Computations this node has admitted since it started. */
    public long coordinated() {
        return coordinated.sum();
    }

    /** Computations this node refused as busy since it started. */
    public long refused() {
        return refused.sum();
    }

    /**
     * Partitions this node sent a second time, on their own, because their first job returned no result (its
     * node left, or the partition moved during the scan), since the node started.
     */
    public long resentPartitions() {
        return resentPartitions.sum();
    }
}
