package io.affinitygrid.compute;

import java.util.Arrays;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.binary.BinaryObjectEx;
import org.apache.ignite.internal.processors.cache.CacheGroupContext;
import org.apache.ignite.internal.processors.cache.GridCacheContext;
import org.apache.ignite.internal.processors.cache.IgniteCacheOffheapManager;
import org.apache.ignite.internal.processors.cache.IgniteInternalCache;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtLocalPartition;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtPartitionState;
import org.apache.ignite.internal.processors.cache.persistence.CacheDataRowAdapter;
import org.apache.ignite.internal.processors.cache.persistence.tree.BPlusTree;
import org.apache.ignite.internal.processors.cache.tree.CacheDataTree;
import org.apache.ignite.internal.processors.cache.tree.RowLinkIO;
import org.apache.ignite.internal.util.lang.GridCursor;

/**
 * The fast way to read every entry of one local partition: walk the partition's B+tree recording only the links
 * of its rows, sort the links so that rows are read in data-page order, read each row from its link, then check
 * that nothing changed meanwhile. In an in-memory cache the rows of all partitions share data pages, so a tree
 * walk touches a new page for almost every row (memory-bound at about 350 ns a row); reading them in page order
 * runs several times faster (design.md, "Where a node's scan time goes").
 *
 * <p>It is exact or it reports that it is not: reading a row from a link recorded earlier is only right if the
 * row did not move. After reading, the scan walks the tree again and compares the links (a row that was
 * written, inserted or removed in the meantime changes them), and compares the partition's update counters
 * from before and after. When anything differs, or anything fails, {@link #scan} returns {@code false} and the
 * caller discards what it accumulated and scans the partition the safe way (a {@code ScanQuery}). The same
 * happens when Ignite's internals are not what this class was written for (another Ignite version, a shared
 * cache group, native persistence): the fast path is an optimisation, never a requirement.
 *
 * <p>Uses Ignite 2.18 internals ({@code GridDhtLocalPartition}, {@code CacheDataTree}, {@code
 * CacheDataRowAdapter}). Disabled with the system property {@value #DISABLE_PROPERTY}{@code =true}.
 */
final class PageOrderScan {

    /** System property that turns the fast path off on a node (every partition is then scanned by ScanQuery). */
    static final String DISABLE_PROPERTY = "affinitygrid.scan.page-order.disabled";

    /** Set once the internals failed in a way that will not go away (e.g. a missing class); then never tried again. */
    private static volatile boolean broken;

    /** Receives each live entry of the partition, in binary form; {@code key} is null unless keys were asked for. */
    interface Visitor {
        void visit(Object key, Object value);
    }

    private PageOrderScan() {
    }

    /** Whether the fast path may be tried on this node. */
    static boolean enabled() {
        return !broken && !Boolean.getBoolean(DISABLE_PROPERTY);
    }

    /**
     * Reads every live entry of local partition {@code partition} of {@code cacheName} in data-page order and
     * hands it to {@code visitor}, skipping near-cache markers (by the value's type {@code markerTypeId}).
     *
     * @return {@code true} when every entry was visited exactly once from an unchanged partition; {@code false}
     *     when the result must be discarded (the partition changed, is not owned here, or the internals are not
     *     usable), in which case the caller scans the partition the safe way
     * @throws RuntimeException thrown by the visitor, only when the partition did not change meanwhile (so it
     *     is the data's fault, not the scan's)
     */
    static boolean scan(Ignite ignite, String cacheName, int partition, boolean withKeys, int markerTypeId, Visitor visitor) {
        if (!enabled()) {
            return false;
        }
        GridDhtLocalPartition part;
        GridCacheContext<?, ?> cctx;
        try {
            IgniteInternalCache<?, ?> cache = ((IgniteEx) ignite).cachex(cacheName);
            if (cache == null) {
                return false;
            }
            cctx = cache.context();
            CacheGroupContext group = cctx.group();
            if (group.sharedGroup() || group.persistenceEnabled()) {
                return false;
            }
            part = cctx.topology().localPartition(partition);
        }
        catch (LinkageError | ClassCastException e) {
            disable(ignite, e);
            return false;
        }
        catch (RuntimeException e) {
            return false;
        }
        if (part == null || !part.reserve()) {
            return false;
        }
        try {
            return scanReserved(cctx, part, withKeys, markerTypeId, visitor);
        }
        catch (LinkageError e) {
            disable(ignite, e);
            return false;
        }
        finally {
            part.release();
        }
    }

    private static boolean scanReserved(GridCacheContext<?, ?> cctx, GridDhtLocalPartition part, boolean withKeys,
            int markerTypeId, Visitor visitor) {
        if (part.state() != GridDhtPartitionState.OWNING) {
            return false;
        }
        IgniteCacheOffheapManager.CacheDataStore store = part.dataStore();
        long updatesBefore = store.updateCounter();
        long reservedBefore = part.reservedCounter();
        CacheDataTree tree = store.tree();
        CacheGroupContext group = cctx.group();
        long[] links;
        try {
            links = links(tree);
        }
        catch (IgniteCheckedException | RuntimeException e) {
            return false;
        }
        long[] order = new long[links.length];
        for (int i = 0; i < links.length; i++) {
            // itemId sits in the link's top byte: rotate it to the bottom so that sorting groups rows by page
            order[i] = Long.rotateLeft(links[i], 8);
        }
        Arrays.sort(order);
        CacheDataRowAdapter.RowData rowData = withKeys ? CacheDataRowAdapter.RowData.FULL : CacheDataRowAdapter.RowData.NO_KEY;
        long now = System.currentTimeMillis();
        RuntimeException visitorFailure = null;
        try {
            for (long sortKey : order) {
                CacheDataRowAdapter row = new CacheDataRowAdapter(Long.rotateRight(sortKey, 8));
                row.initFromLink(group, rowData, true);
                long expireTime = row.expireTime();
                if (expireTime > 0 && expireTime <= now) {
                    continue;
                }
                Object value = cctx.unwrapBinaryIfNeeded(row.value(), true, false, null);
                if (value instanceof BinaryObjectEx binary && binary.typeId() == markerTypeId) {
                    continue;
                }
                Object key = withKeys ? cctx.unwrapBinaryIfNeeded(row.key(), true, false, null) : null;
                try {
                    visitor.visit(key, value);
                }
                catch (RuntimeException e) {
                    visitorFailure = e;
                    break;
                }
            }
        }
        catch (IgniteCheckedException | RuntimeException | AssertionError e) {
            return false; // a row moved under us (or the internals misbehaved): the safe path decides
        }
        try {
            if (!Arrays.equals(links, links(tree))) {
                return false;
            }
        }
        catch (IgniteCheckedException | RuntimeException e) {
            return false;
        }
        if (store.updateCounter() != updatesBefore || part.reservedCounter() != reservedBefore
                || part.state() != GridDhtPartitionState.OWNING) {
            return false;
        }
        if (visitorFailure != null) {
            throw visitorFailure;
        }
        return true;
    }

    /** The links of the partition's rows, in tree (key) order; rows are not read. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static long[] links(CacheDataTree tree) throws IgniteCheckedException {
        LinkCollector collector = new LinkCollector();
        GridCursor<?> cursor = tree.find(null, null, (BPlusTree.TreeRowClosure) collector, null);
        while (cursor.next()) {
            // the collector records every link and rejects the row, so the cursor never yields one
        }
        return collector.links();
    }

    private static void disable(Ignite ignite, Throwable e) {
        broken = true;
        IgniteLogger log = ignite.log().getLogger(PageOrderScan.class);
        log.warning("Scanning partitions in data-page order is not possible with this Ignite (" + e
                + "); partitions are scanned by ScanQuery");
    }

    /** Records the link of each row the tree cursor passes and tells it to skip the row. */
    @SuppressWarnings("rawtypes")
    private static final class LinkCollector implements BPlusTree.TreeRowClosure {

        private long[] links = new long[1024];
        private int size;

        @Override
        public boolean apply(BPlusTree tree, org.apache.ignite.internal.processors.cache.persistence.tree.io.BPlusIO io,
                long pageAddr, int idx) {
            if (size == links.length) {
                links = Arrays.copyOf(links, size * 2);
            }
            links[size++] = ((RowLinkIO) io).getLink(pageAddr, idx);
            return false;
        }

        long[] links() {
            return Arrays.copyOf(links, size);
        }
    }
}
