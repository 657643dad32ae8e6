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
import org.apache.ignite.internal.processors.cache.persistence.tree.BPlusTree;
import org.apache.ignite.internal.processors.cache.tree.CacheDataTree;
import org.apache.ignite.internal.processors.cache.tree.RowLinkIO;
import org.apache.ignite.internal.pagemem.PageIdUtils;
import org.apache.ignite.internal.pagemem.PageIdAllocator;
import org.apache.ignite.internal.util.lang.GridCursor;

/**
 * The fast way to read every entry of one local partition: walk the partition's B+tree recording only the links
 * of its rows, sort the links so that rows are read in data-page order, read each data page once for all the rows
 * asked of it ({@link DataPageReader}), then check that nothing changed meanwhile. In an in-memory cache the rows of all partitions share data pages, so a tree
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
 * <p>Uses Ignite 2.18 internals ({@code GridDhtLocalPartition}, {@code CacheDataTree}, page memory). Disabled with
 * the system property {@value #DISABLE_PROPERTY}{@code =true}.
 */
final class PageOrderScan {

    /** System property that turns the fast path off on a node (every partition is then scanned by ScanQuery). */
    static final String DISABLE_PROPERTY = "affinitygrid.scan.page-order.disabled";

    /** Set once the internals failed in a way that will not go away (e.g. a missing class); then never tried again. */
    private static volatile boolean broken;

    /** Receives each live entry of a partition, in binary form; {@code key} is null unless keys were asked for. */
    interface Visitor {
        void visit(int slot, Object key, Object value);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Rows read in one pass at most; a job with more rows reads its partitions in several groups. */
    private static final int GROUP_ROWS = 1 << 21;

    private PageOrderScan() {
    }

    /** Whether the fast path may be tried on this node. */
    static boolean enabled() {
        return !broken && !Boolean.getBoolean(DISABLE_PROPERTY);
    }

    /**
     * Reads every live entry of the local partitions {@code partitions} of {@code cacheName} in data-page order
     * (the rows of all of them together, so that rows sharing a page are read one after the other) and hands each
     * to {@code visitor} with the index of its partition in {@code partitions}, skipping near-cache markers (by the
     * value's type {@code markerTypeId}). With a {@code projection} (the only fields the visitor reads), binary values
     * are handed over as {@link FieldRow}s read in place, valid only during the visit ({@link DataPageReader}).
     *
     * @return per partition index, whether its entries were visited exactly once from an unchanged partition; a
     *     partition marked {@code false} must be discarded and scanned the safe way. {@code null} when the fast
     *     path cannot be used here at all. Once {@code cancelled} says so, stops within a few thousand rows and
     *     marks the partitions not finished {@code false}.
     * @throws RuntimeException thrown by the visitor for a partition that did not change meanwhile (so it is the
     *     data's fault, not the scan's)
     */
    static boolean[] scan(Ignite ignite, String cacheName, int[] partitions, boolean withKeys, int markerTypeId,
            String[] projection, Visitor visitor, java.util.function.BooleanSupplier cancelled) {
        if (!enabled()) {
            return null;
        }
        GridCacheContext<?, ?> cctx;
        try {
            IgniteInternalCache<?, ?> cache = ((IgniteEx) ignite).cachex(cacheName);
            if (cache == null) {
                return null;
            }
            cctx = cache.context();
            CacheGroupContext group = cctx.group();
            if (group.sharedGroup() || group.persistenceEnabled()) {
                return null;
            }
        }
        catch (LinkageError | ClassCastException e) {
            disable(ignite, e);
            return null;
        }
        catch (RuntimeException e) {
            return null;
        }
        boolean[] exact = new boolean[partitions.length];
        try {
            int from = 0;
            while (from < partitions.length && !cancelled.getAsBoolean()) {
                from = scanGroup(cctx, partitions, from, exact, withKeys, markerTypeId, projection, visitor, cancelled);
            }
        }
        catch (LinkageError e) {
            disable(ignite, e);
            return null;
        }
        return exact;
    }

    /** Scans partitions from index {@code from} on, as many as fit in {@link #GROUP_ROWS}; returns the next index. */
    private static int scanGroup(GridCacheContext<?, ?> cctx, int[] partitions, int from, boolean[] exact, boolean withKeys,
            int markerTypeId, String[] projection, Visitor visitor, java.util.function.BooleanSupplier cancelled) {
        CacheGroupContext group = cctx.group();
        int count = partitions.length;
        GridDhtLocalPartition[] parts = new GridDhtLocalPartition[count];
        long[][] links = new long[count][];
        long[] updates = new long[count];
        long[] reserved = new long[count];
        int[] slotOf = new int[maxPartition(partitions) + 1];
        java.util.Arrays.fill(slotOf, -1);
        int to = from;
        int rows = 0;
        try {
            // 1. reserve each partition, note its counters and record the links of its rows (rows are not read)
            while (to < count && (to == from || rows < GROUP_ROWS)) {
                int slot = to++;
                GridDhtLocalPartition part = localPartition(cctx, partitions[slot]);
                if (part == null || !part.reserve()) {
                    continue;
                }
                parts[slot] = part;
                if (part.state() != GridDhtPartitionState.OWNING) {
                    continue;
                }
                IgniteCacheOffheapManager.CacheDataStore store = part.dataStore();
                updates[slot] = store.updateCounter();
                reserved[slot] = part.reservedCounter();
                try {
                    links[slot] = links(store.tree());
                }
                catch (IgniteCheckedException | RuntimeException e) {
                    continue;
                }
                if (!samePartition(links[slot], partitions[slot])) {
                    links[slot] = null; // rows not tagged with their partition: not the layout this was written for
                    continue;
                }
                slotOf[partitions[slot]] = slot;
                rows += links[slot].length;
            }
            // 2. read every row of the group in page order
            Scratch scratch = SCRATCH.get();
            long[] order = scratch.keys(rows);
            int n = 0;
            for (int slot = from; slot < to; slot++) {
                if (links[slot] != null) {
                    for (long link : links[slot]) {
                        order[n++] = sortKey(link);
                    }
                }
            }
            sortByPage(order, rows, scratch.buffer(rows), scratch.counts);
            for (int i = 0; i < rows; i++) {
                order[i] = linkOf(order[i]);
            }
            RuntimeException[] failures = new RuntimeException[count];
            boolean[] broken = new boolean[count];
            DataPageReader reader = new DataPageReader(cctx, withKeys, markerTypeId, projection);
            long now = System.currentTimeMillis();
            int pages = 0;
            for (int first = 0, next; first < rows; first = next) {
                long page = order[first] & 0xFFFF_FFFFL;
                next = first + 1;
                while (next < rows && (order[next] & 0xFFFF_FFFFL) == page) {
                    next++;
                }
                if ((++pages & 0xFF) == 0 && cancelled.getAsBoolean()) {
                    return to; // nothing of this group is kept
                }
                int read = reader.read(order, first, next, now);
                for (int i = first; i < next; i++) {
                    if (reader.failed[i - first]) {
                        broken[slotOf[PageIdUtils.partId(order[i])]] = true; // a row moved under us: the safe path decides
                    }
                }
                for (int r = 0; r < read; r++) {
                    int slot = slotOf[PageIdUtils.partId(order[reader.rowIndex[r]])];
                    if (broken[slot] || failures[slot] != null) {
                        continue;
                    }
                    try {
                        visitor.visit(slot, reader.keys[r], reader.value(r));
                    }
                    catch (RuntimeException e) {
                        failures[slot] = e;
                    }
                }
            }
            // 3. keep a partition only if its links and counters did not change meanwhile
            for (int slot = from; slot < to; slot++) {
                GridDhtLocalPartition part = parts[slot];
                if (part == null || links[slot] == null || broken[slot]) {
                    continue;
                }
                boolean unchanged;
                try {
                    unchanged = sameLinks(part.dataStore().tree(), links[slot])
                            && part.dataStore().updateCounter() == updates[slot] && part.reservedCounter() == reserved[slot]
                            && part.state() == GridDhtPartitionState.OWNING;
                }
                catch (IgniteCheckedException | RuntimeException e) {
                    unchanged = false;
                }
                if (unchanged && failures[slot] != null) {
                    throw failures[slot];
                }
                exact[slot] = unchanged;
            }
            return to;
        }
        finally {
            for (int slot = from; slot < to; slot++) {
                if (parts[slot] != null) {
                    parts[slot].release();
                }
            }
        }
    }

    private static GridDhtLocalPartition localPartition(GridCacheContext<?, ?> cctx, int partition) {
        try {
            return cctx.topology().localPartition(partition);
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static int maxPartition(int[] partitions) {
        int max = 0;
        for (int p : partitions) {
            max = Math.max(max, p);
        }
        return max;
    }

    /** Whether every link names {@code partition} as its page's partition (how in-memory caches store rows). */
    private static boolean samePartition(long[] links, int partition) {
        for (long link : links) {
            if (PageIdUtils.partId(link) != partition || PageIdUtils.flag(link) != PageIdAllocator.FLAG_DATA) {
                return false;
            }
        }
        return true;
    }

    /**
     * A link rearranged so that sorting groups rows by data page: page index (32 bits) on top, then partition
     * (16), item (8) and flag (8); {@link #linkOf} reverses it.
     */
    static long sortKey(long link) {
        return (link & 0xFFFF_FFFFL) << 32 | (link >>> 32 & 0xFFFF) << 16 | (link >>> 56) << 8 | (link >>> 48 & 0xFF);
    }

    static long linkOf(long key) {
        return (key >>> 8 & 0xFF) << 56 | (key & 0xFF) << 48 | (key >>> 16 & 0xFFFF) << 32 | key >>> 32;
    }

    /**
     * Sorts the keys by their top 32 bits (the page index) with a two-pass radix sort, 16 bits a pass: linear in
     * the rows, several times faster than {@code Arrays.sort} here. Order within a page does not matter.
     */
    static void sortByPage(long[] keys) {
        sortByPage(keys, keys.length, new long[keys.length], new int[1 << 16]);
    }

    /** Sorts {@code keys[0..n)} the same way, with {@code buffer} (at least {@code n} long) and 2^16 {@code counts}. */
    static void sortByPage(long[] keys, int n, long[] buffer, int[] counts) {
        long[] from = keys;
        long[] to = buffer;
        for (int shift = 32; shift < 64; shift += 16) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (from[i] >>> shift) & 0xFFFF]++;
            }
            int sum = 0;
            for (int i = 0; i < counts.length; i++) {
                int c = counts[i];
                counts[i] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = from[i];
                to[counts[(int) (key >>> shift) & 0xFFFF]++] = key;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        // two passes: the sorted keys are back in the array given
    }

    /**
     * A scanning thread's sort arrays, kept from one scan to the next up to {@link #KEPT_LENGTH} keys: allocating
     * them for every scan made them humongous objects for G1 (over half a heap region), and each such allocation
     * could start a garbage-collection pause in the middle of a computation.
     */
    private static final class Scratch {

        /** Longest arrays kept per thread: 512 Ki keys, 4 MiB each. */
        private static final int KEPT_LENGTH = 1 << 19;

        private final int[] counts = new int[1 << 16];
        private long[] keys = new long[0];
        private long[] buffer = new long[0];

        long[] keys(int n) {
            long[] array = sized(keys, n);
            keys = n <= KEPT_LENGTH ? array : keys;
            return array;
        }

        long[] buffer(int n) {
            long[] array = sized(buffer, n);
            buffer = n <= KEPT_LENGTH ? array : buffer;
            return array;
        }

        /** {@code kept} if it holds {@code n} keys, else a new array: kept next time when not longer than the limit. */
        private static long[] sized(long[] kept, int n) {
            if (kept.length >= n) {
                return kept;
            }
            return new long[n > KEPT_LENGTH ? n : Math.min(KEPT_LENGTH, Math.max(n, kept.length * 2))];
        }
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

    /** Whether the partition's tree holds exactly {@code expected}, in that order; walks it without copying links. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static boolean sameLinks(CacheDataTree tree, long[] expected) throws IgniteCheckedException {
        LinkComparer comparer = new LinkComparer(expected);
        GridCursor<?> cursor = tree.find(null, null, (BPlusTree.TreeRowClosure) comparer, null);
        while (cursor.next()) {
            // the comparer rejects every row, so the cursor never yields one
        }
        return comparer.same();
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

    /** Compares the link of each row the tree cursor passes with the next expected one, and tells it to skip the row. */
    @SuppressWarnings("rawtypes")
    private static final class LinkComparer implements BPlusTree.TreeRowClosure {

        private final long[] expected;
        private int index;
        private boolean differs;

        LinkComparer(long[] expected) {
            this.expected = expected;
        }

        @Override
        public boolean apply(BPlusTree tree, org.apache.ignite.internal.processors.cache.persistence.tree.io.BPlusIO io,
                long pageAddr, int idx) {
            if (!differs) {
                differs = index == expected.length || expected[index] != ((RowLinkIO) io).getLink(pageAddr, idx);
                index++;
            }
            return false;
        }

        boolean same() {
            return !differs && index == expected.length;
        }
    }
}
