package io.affinitygrid.compute;

import java.util.Arrays;

import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.internal.binary.BinaryContext;
import org.apache.ignite.internal.binary.BinaryObjectEx;
import org.apache.ignite.internal.pagemem.PageIdUtils;
import org.apache.ignite.internal.pagemem.PageMemory;
import org.apache.ignite.internal.pagemem.PageUtils;
import org.apache.ignite.internal.processors.cache.CacheGroupContext;
import org.apache.ignite.internal.processors.cache.CacheObject;
import org.apache.ignite.internal.processors.cache.CacheObjectContext;
import org.apache.ignite.internal.processors.cache.binary.CacheObjectBinaryProcessorImpl;
import org.apache.ignite.internal.processors.cache.GridCacheContext;
import org.apache.ignite.internal.processors.cache.persistence.CacheDataRowAdapter;
import org.apache.ignite.internal.processors.cache.persistence.tree.io.CacheVersionIO;
import org.apache.ignite.internal.processors.cache.persistence.tree.io.DataPageIO;
import org.apache.ignite.internal.processors.cache.persistence.tree.io.DataPagePayload;
import org.apache.ignite.internal.processors.cacheobject.IgniteCacheObjectProcessor;
import org.apache.ignite.internal.metric.IoStatisticsHolder;

/**
 * Reads rows of one in-memory cache given their links, one data page at a time: the page is acquired and
 * read-locked once for all the rows asked of it (where {@code CacheDataRowAdapter.initFromLink} does it once per
 * row), each row's key, value and expiry time are decoded from the page as Ignite's own {@code readFullRow} lays
 * them out, and the lock is released before anyone sees a row, so no caller code ever runs under a page lock.
 * A row split over several pages is read the usual way, with {@code initFromLink}.
 *
 * <p>With a projection (the names of the fields a scan reads), the value of a binary object is not copied at all:
 * its fields are read where the row is stored ({@link InPlaceFields}) and handed over as a {@link FieldRow}.
 *
 * <p>Not thread-safe: one reader per scanning thread. Uses Ignite 2.18 internals; see {@link PageOrderScan}.
 */
final class DataPageReader {

    /** Most rows one data page can hold (an item id has 8 bits). */
    private static final int MAX_ROWS_PER_PAGE = 256;

    private final GridCacheContext<?, ?> cctx;
    private final CacheGroupContext group;
    private final PageMemory pageMemory;
    private final int groupId;
    private final int pageSize;
    private final IoStatisticsHolder statistics;
    private final CacheObjectContext objectContext;
    private final IgniteCacheObjectProcessor objects;
    private final boolean withCacheId;
    private final boolean withKeys;
    private final int markerTypeId;
    private final String[] projection;

    /** The rows of the last page read: the index of each in the links given, its key (or null) and its value. */
    final int[] rowIndex = new int[MAX_ROWS_PER_PAGE];
    final Object[] keys = new Object[MAX_ROWS_PER_PAGE];
    final Object[] values = new Object[MAX_ROWS_PER_PAGE];
    /** With a projection: the fields of row {@code r} at {@code [r * fields, (r + 1) * fields)}; else unused. */
    private final Object[] fieldValues;
    private final long[] rowLinks = new long[MAX_ROWS_PER_PAGE];
    private final FieldRow fieldRow;
    /** With a projection: reads the fields of binary objects in place. */
    private final InPlaceFields inPlace;
    /** Of the links given, those whose rows could not be read; always as long as the links given. */
    boolean[] failed = new boolean[MAX_ROWS_PER_PAGE];

    /**
     * @param withKeys whether keys are read (else {@link #keys} holds nulls)
     * @param markerTypeId binary type of values to skip (near-cache markers)
     * @param projection the only fields the caller reads of a value, or {@code null} to hand over whole values
     */
    DataPageReader(GridCacheContext<?, ?> cctx, boolean withKeys, int markerTypeId, String[] projection) {
        this.cctx = cctx;
        this.group = cctx.group();
        this.pageMemory = group.dataRegion().pageMemory();
        this.groupId = group.groupId();
        this.pageSize = pageMemory.realPageSize(groupId);
        this.statistics = group.statisticsHolderData();
        this.objectContext = cctx.cacheObjectContext();
        this.objects = cctx.kernalContext().cacheObjects();
        this.withCacheId = group.storeCacheIdInDataPage();
        this.withKeys = withKeys;
        this.markerTypeId = markerTypeId;
        BinaryContext binaryContext = objects instanceof CacheObjectBinaryProcessorImpl binary ? binary.binaryContext() : null;
        this.projection = InPlaceFields.available() && binaryContext != null ? projection : null;
        this.inPlace = this.projection == null ? null : new InPlaceFields(binaryContext, this.projection);
        this.fieldValues = this.projection == null ? null : new Object[MAX_ROWS_PER_PAGE * this.projection.length];
        this.fieldRow = this.projection == null ? null : new FieldRow(this.projection, this);
    }

    /**
     * Reads the rows whose links are {@code links[from..to)}, which must all name the same data page, skipping
     * rows that expired before {@code now}; reorders those links by item id first. Afterwards the first {@code n} (the value returned) entries of
     * {@link #rowIndex}, {@link #keys} and {@link #values} describe the rows read, and {@link #failed}{@code [i -
     * from]} is set for each link whose row could not be read (the page changed under the caller's feet, or the
     * internals misbehaved).
     */
    int read(long[] links, int from, int to, long now) {
        int count = to - from;
        if (failed.length < count) {
            failed = new boolean[count];
        }
        Arrays.fill(failed, 0, count, false);
        sortByItem(links, from, to);
        long pageId = PageIdUtils.pageId(links[from]);
        int n = 0;
        boolean retry = false;
        try {
            long page = pageMemory.acquirePage(groupId, pageId, statistics);
            try {
                long pageAddr = pageMemory.readLock(groupId, pageId, page);
                if (pageAddr == 0L) {
                    Arrays.fill(failed, 0, count, true); // the page was recycled: every link is stale
                    return 0;
                }
                try {
                    DataPageIO io = DataPageIO.VERSIONS.forPage(pageAddr);
                    for (int i = from; i < to; i++) {
                        try {
                            DataPagePayload payload = io.readPayload(pageAddr, PageIdUtils.itemId(links[i]), pageSize);
                            if (payload.nextLink() != 0) {
                                failed[i - from] = retry = true; // spans pages: read below, once the lock is released
                            }
                            else if (decode(pageAddr + payload.offset(), now, n)) {
                                rowLinks[n] = links[i];
                                rowIndex[n++] = i;
                            }
                        }
                        catch (Throwable e) {
                            if (e instanceof Error && !(e instanceof AssertionError)) {
                                throw (Error) e;
                            }
                            failed[i - from] = true;
                        }
                    }
                }
                finally {
                    pageMemory.readUnlock(groupId, pageId, page);
                }
            }
            finally {
                pageMemory.releasePage(groupId, pageId, page);
            }
        }
        catch (IgniteCheckedException | RuntimeException | AssertionError e) {
            Arrays.fill(failed, 0, count, true);
            return 0;
        }
        return retry ? readFragmented(links, from, to, now, n) : n;
    }

    /**
     * Orders the links of one page by item id, which is roughly the order of the rows' addresses in the page (rows
     * are written from the page's end down), so the rows are read in one direction and the memory prefetcher keeps up.
     */
    private static void sortByItem(long[] links, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long link = links[i];
            int j = i - 1;
            while (j >= from && links[j] >>> 56 > link >>> 56) {
                links[j + 1] = links[j];
                j--;
            }
            links[j + 1] = link;
        }
    }

    /**
     * Decodes a whole row at {@code addr} into slot {@code n}; {@code false} when it has expired or is a marker.
     * With a projection, a binary object's fields are read in place and {@link #values}{@code [n]} is left null.
     */
    private boolean decode(long addr, long now, int n) throws Throwable {
        int off = withCacheId ? 4 : 0;
        int keyLength = PageUtils.getInt(addr, off);
        int keyOff = off + 4;
        off = keyOff + 1 + keyLength;
        int valueLength = PageUtils.getInt(addr, off);
        off += 4;
        byte valueType = PageUtils.getByte(addr, off);
        off++;
        int valueOff = off;
        off += valueLength;
        off += CacheVersionIO.readSize(addr + off, false);
        long expireTime = PageUtils.getLong(addr, off);
        if (expireTime > 0 && expireTime <= now) {
            return false;
        }
        if (projection != null && valueType == CacheObject.TYPE_BINARY && InPlaceFields.isObject(addr + valueOff, valueLength)) {
            if (InPlaceFields.typeId(addr + valueOff) == markerTypeId) {
                return false;
            }
            values[n] = inPlace.read(addr + valueOff, valueLength, fieldValues, n * projection.length) ? null
                    : cctx.unwrapBinaryIfNeeded(objects.toCacheObject(objectContext, valueType,
                            PageUtils.getBytes(addr, valueOff, valueLength)), true, false, null);
        }
        else {
            CacheObject value = objects.toCacheObject(objectContext, valueType, PageUtils.getBytes(addr, valueOff, valueLength));
            Object unwrapped = cctx.unwrapBinaryIfNeeded(value, true, false, null);
            if (unwrapped instanceof BinaryObjectEx binary && binary.typeId() == markerTypeId) {
                return false;
            }
            values[n] = unwrapped;
        }
        keys[n] = withKeys ? key(addr, keyOff, keyLength) : null;
        return true;
    }

    /**
     * The key of the row whose key starts at {@code addr + keyOff}: a {@code long}, {@code int} or text key (the
     * usual kinds) decoded straight from memory, anything else through Ignite.
     */
    private Object key(long addr, int keyOff, int keyLength) throws IgniteCheckedException {
        byte type = PageUtils.getByte(addr, keyOff);
        if (type == CacheObject.TYPE_REGULAR && InPlaceFields.available()) {
            Object key = InPlaceFields.plainValue(addr + keyOff + 1, keyLength);
            if (key != null) {
                return key;
            }
        }
        return cctx.unwrapBinaryIfNeeded(objects.toKeyCacheObject(objectContext, type, PageUtils.getBytes(addr, keyOff + 1, keyLength)),
                true, false, null);
    }

    /** The value of read row {@code r} as a visitor takes it: the whole value, or its projected fields. */
    Object value(int r) {
        Object value = values[r];
        return value != null ? value : fieldRow.at(fieldValues, r * projection.length, rowLinks[r]);
    }

    /** The whole value of the row at {@code link}, read again (for the few entries an accumulator keeps). */
    Object wholeValue(long link) {
        try {
            CacheDataRowAdapter row = new CacheDataRowAdapter(link);
            row.initFromLink(group, CacheDataRowAdapter.RowData.NO_KEY, true);
            return cctx.unwrapBinaryIfNeeded(row.value(), true, false, null);
        }
        catch (IgniteCheckedException e) {
            throw new IllegalStateException("The entry moved while it was read", e);
        }
    }

    /** Reads, one by one with {@code initFromLink}, the rows among {@code links[from..to)} that span several pages. */
    private int readFragmented(long[] links, int from, int to, long now, int n) {
        CacheDataRowAdapter.RowData rowData = withKeys ? CacheDataRowAdapter.RowData.FULL : CacheDataRowAdapter.RowData.NO_KEY;
        for (int i = from; i < to; i++) {
            if (!failed[i - from]) {
                continue;
            }
            try {
                CacheDataRowAdapter row = new CacheDataRowAdapter(links[i]);
                row.initFromLink(group, rowData, true);
                failed[i - from] = false;
                long expireTime = row.expireTime();
                if (expireTime > 0 && expireTime <= now) {
                    continue;
                }
                keys[n] = withKeys ? cctx.unwrapBinaryIfNeeded(row.key(), true, false, null) : null;
                Object value = cctx.unwrapBinaryIfNeeded(row.value(), true, false, null);
                if (value instanceof BinaryObjectEx binary && binary.typeId() == markerTypeId) {
                    continue;
                }
                values[n] = value;
                rowIndex[n++] = i;
            }
            catch (IgniteCheckedException | RuntimeException | AssertionError e) {
                // stays failed
            }
        }
        return n;
    }
}
