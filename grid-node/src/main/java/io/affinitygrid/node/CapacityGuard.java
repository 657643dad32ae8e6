package io.affinitygrid.node;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import org.apache.ignite.DataRegionMetrics;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node's data region from filling up: the writes to caches with {@link CapacityPolicy#REJECT} are
 * refused, with error {@link ErrorCode#CAPACITY_EXCEEDED}, while the data region of any server node is above the
 * high-water mark. One per node, found by the node's name.
 *
 * <p>Why a guard at all: when an in-memory region runs out of pages, Ignite 2.18 throws
 * {@code IgniteOutOfMemoryException} in the middle of a B+tree update, and the trees it was changing are left
 * corrupted (measured: {@code CorruptedTreeException} follows). The only safe full region is one that never
 * gets there, so writes stop before it does.
 *
 * <p>How: {@link CapacityInterceptor}, the interceptor of every rejecting cache, calls {@link #checkWrite} on the
 * key's primary node before each put. The check reads this node's region (at most once a millisecond) and the
 * last figures the other server nodes published: every node publishes its own every {@value #PUBLISH_MILLIS} ms,
 * so that a primary also refuses writes whose backup copy would land on a full node. Figures older than
 * {@value #STALE_MILLIS} ms (a node that left) are ignored. Removes are never refused: they make room.
 *
 * <p>Not covered: writes that bypass cache interceptors (rebalancing after a node joins, a thick client's data
 * streamer without {@code allowOverwrite}), and the grid's own small caches ({@code __...}). Thread-safe.
 */
public final class CapacityGuard implements AutoCloseable {

    /** Topic of the messages in which server nodes publish how full their data region is. */
    static final String TOPIC = "grid.capacity.region-fill";
    static final long PUBLISH_MILLIS = 100;
    static final long STALE_MILLIS = 3_000;
    private static final long LOCAL_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final Logger log = LoggerFactory.getLogger(CapacityGuard.class);
    private static final ConcurrentMap<String, CapacityGuard> GUARDS = new ConcurrentHashMap<>();

    private final String nodeName;
    private final String region;
    private final long maxBytes;
    private final int highWaterMarkPercent;
    private final ConcurrentMap<UUID, Heard> remote = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final IgniteBiPredicate<UUID, Object> listener;
    private volatile Ignite ignite;
    private volatile Heard local;
    private volatile boolean full;
    private ScheduledExecutorService timer;

    private CapacityGuard(String nodeName, String region, long maxBytes, int highWaterMarkPercent) {
        this.nodeName = nodeName;
        this.region = region;
        this.maxBytes = maxBytes;
        this.highWaterMarkPercent = highWaterMarkPercent;
        ConcurrentMap<UUID, Heard> heard = remote;
        this.listener = (nodeId, message) -> {
            if (message instanceof RegionFill fill) {
                heard.put(nodeId, new Heard(fill, System.nanoTime()));
            }
            return true;
        };
    }

    /** Creates the guard of a node about to start, replacing any left from an earlier start of the same name. */
    static CapacityGuard register(GridNodeSettings settings) {
        CapacityGuard guard = new CapacityGuard(settings.nodeName(), IgniteConfigurations.DATA_REGION,
                settings.dataRegionSizeBytes(), settings.highWaterMarkPercent());
        CapacityGuard previous = GUARDS.put(settings.nodeName(), guard);
        if (previous != null) {
            previous.close();
        }
        return guard;
    }

    /** The guard of the node of that name in this JVM, or {@code null}. */
    public static CapacityGuard of(String nodeName) {
        return nodeName == null ? null : GUARDS.get(nodeName);
    }

    /** Starts reading this node's region and exchanging figures with the other server nodes. */
    synchronized void start(Ignite node) {
        this.ignite = node;
        node.message().localListen(TOPIC, listener);
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "grid-capacity-" + nodeName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::publish, 0, PUBLISH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The high-water mark, in percent of the data region. */
    public int highWaterMarkPercent() {
        return highWaterMarkPercent;
    }

    /** The name of the region this guard watches. */
    public String region() {
        return region;
    }

    /**
     * Refuses a write to a rejecting cache when the fullest server node's data region is at or above the
     * high-water mark.
     *
     * @param cacheName the cache written to, named in the error
     * @throws GridTaskException with {@link ErrorCode#CAPACITY_EXCEEDED} saying which map, how full and what to do
     */
    public void checkWrite(String cacheName) {
        RegionFill fullest = fullest();
        if (fullest != null && fullest.percent() >= highWaterMarkPercent) {
            rejected.computeIfAbsent(cacheName, name -> new LongAdder()).increment();
            throw new GridTaskException(ErrorCode.CAPACITY_EXCEEDED, "Map '" + cacheName + "' is full: the data region of node '"
                    + fullest.node() + "' holds " + fullest.describe() + ", and writes are refused above " + highWaterMarkPercent
                    + " %. Reads and removes still work. To make room, raise grid.data-region-size, add nodes, delete entries,"
                    + " or, for a pure cache, set its grid.maps[n].capacity-policy to evict.");
        }
    }

    /** This node's region, read now at most once a millisecond; {@code null} before the node started. */
    public RegionFill localFill() {
        Heard last = local;
        long now = System.nanoTime();
        if (last != null && now - last.at < LOCAL_REFRESH_NANOS) {
            return last.fill;
        }
        Ignite node = ignite;
        if (node == null) {
            return null;
        }
        try {
            DataRegionMetrics metrics = node.dataRegionMetrics(region);
            if (metrics == null) {
                return null;
            }
            RegionFill fill = new RegionFill(nodeName, region, metrics.getTotalUsedPages() * metrics.getPageSize(), maxBytes);
            local = new Heard(fill, now);
            return fill;
        }
        catch (RuntimeException stopping) {
            return last == null ? null : last.fill;
        }
    }

    /** The fullest data region among this node and the server nodes heard from lately; {@code null} if none known. */
    public RegionFill fullest() {
        RegionFill fullest = localFill();
        long now = System.nanoTime();
        long stale = TimeUnit.MILLISECONDS.toNanos(STALE_MILLIS);
        for (Heard heard : remote.values()) {
            if (now - heard.at < stale && (fullest == null || heard.fill.percent() > fullest.percent())) {
                fullest = heard.fill;
            }
        }
        return fullest;
    }

    /** Writes refused so far, per cache. */
    public Map<String, Long> rejectedWrites() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        rejected.forEach((cache, count) -> counts.put(cache, count.sum()));
        return counts;
    }

    /** Writes refused so far to one cache. */
    public long rejectedWrites(String cacheName) {
        LongAdder count = rejected.get(cacheName);
        return count == null ? 0 : count.sum();
    }

    private void publish() {
        Ignite node = ignite;
        RegionFill fill = localFill();
        if (node == null || fill == null) {
            return;
        }
        logTransition(fill);
        try {
            ClusterGroup others = node.cluster().forServers().forRemotes();
            if (!others.nodes().isEmpty()) {
                node.message(others).send(TOPIC, fill);
            }
        }
        catch (RuntimeException e) {
            // a node left meanwhile, or this one is stopping: the next round tries again
            log.debug("Cannot publish the region's fill from node '{}': {}", nodeName, e.toString());
        }
    }

    /** One line when this node's region crosses the high-water mark, one when it is back below. */
    private void logTransition(RegionFill fill) {
        boolean nowFull = fill.percent() >= highWaterMarkPercent;
        if (nowFull != full) {
            full = nowFull;
            if (nowFull) {
                log.warn("Data region of node '{}' is above its high-water mark of {} %: {}. Writes to rejecting maps are refused"
                        + " until entries are deleted, nodes are added or grid.data-region-size is raised.", nodeName, highWaterMarkPercent,
                        fill.describe());
            }
            else {
                log.info("Data region of node '{}' is below its high-water mark of {} % again: {}.", nodeName, highWaterMarkPercent,
                        fill.describe());
            }
        }
    }

    /** Stops publishing and forgets this guard. Idempotent. */
    @Override
    public synchronized void close() {
        GUARDS.remove(nodeName, this);
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        Ignite node = ignite;
        if (node != null) {
            try {
                node.message().stopLocalListen(TOPIC, listener);
            }
            catch (RuntimeException stopped) {
                // the node is gone, and its listeners with it
            }
        }
        ignite = null;
    }

    /** A region's figures and when they were read or received. */
    private record Heard(RegionFill fill, long at) {
    }

    @Override
    public String toString() {
        return "CapacityGuard[" + nodeName + ", " + region + ", high-water mark " + highWaterMarkPercent + " %]";
    }
}
