package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.List;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

/**
 * A partition map-reduce that scans every entry of a cache where it lives: each partition is scanned on its
 * primary (see {@link PartitionMapReduceTask}), the argument's {@link Filter} is applied to each entry there,
 * and the matching entries are handed to {@link #accumulate}; the per-partition accumulators travel back and
 * are combined by {@link #reduce}. A near cache's {@link NearCacheMarker} is never handed over. Values
 * are passed in binary form ({@code BinaryObject} for objects): read fields with
 * {@link #field(Object, String)}, never deserialize.
 *
 * <p>Writing a new aggregation is one small class: say how to start an accumulator, how to add one entry
 * to it and how to combine them.
 *
 * @param <A> the argument, which names the cache and the optional filter
 * @param <P> the per-partition accumulator; it travels between nodes, so it holds only plain data (numbers,
 *     strings, collections of them, or final classes of such)
 * @param <R> the result
 */
public abstract class ScanTask<A extends ScanSpec, P extends Serializable, R> extends PartitionMapReduceTask<A, P, R> {

    private static final long serialVersionUID = 1L;

    /** How long a node scans a map partition by partition after a shared partial failed on it (it was being written). */
    private static final long SHARED_PAUSE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    /** Maps on which a shared-partial scan failed lately, with when ({@code System.nanoTime}). */
    private static final java.util.concurrent.ConcurrentHashMap<String, Long> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    /** A new, empty accumulator for one partition. */
    protected abstract P newPartial(A argument);

    /** Adds one entry that matched the filter. Runs on the partition's primary node. */
    protected abstract void accumulate(A argument, P partial, Object key, Object value);

    /** Called once per partition after its last entry; may shrink the accumulator before it travels. */
    protected P finish(A argument, P partial) {
        return partial;
    }

    @Override
    protected final String cacheName(A argument) {
        return argument.cacheName();
    }

    /**
     * Whether {@link #accumulate} uses the entry's key. When not, keys are never read from memory and it gets
     * {@code null} for them on the fast path; {@code true} unless a subclass says otherwise.
     */
    protected boolean needsKeys() {
        return true;
    }

    /**
     * The only fields {@link #accumulate} reads of a value (with {@link #field}), when it keeps no reference to the
     * value past the call; {@code null}, the default, when it needs whole values. Naming them lets the scan read just
     * those fields where the entry is stored, without copying the value: {@code accumulate} then gets a view that
     * answers {@link #field} for those names only, and {@link #wholeValue} when it keeps the entry.
     */
    protected List<String> fieldsRead(A argument) {
        return null;
    }

    /** Scans the local copy of one partition with a {@code ScanQuery}; see {@link #computePartitions}. */
    @Override
    protected final P computePartition(Ignite ignite, A argument, int partition) {
        return scanQuery(ignite, argument, argument.filter(), partition, new FilterFieldUse());
    }

    /**
     * Scans the local copies of the partitions, keeps the entries that match the filter and accumulates them: into
     * one partial for all of them when the task allows it ({@link #accumulatesAcrossPartitions}) and none of them
     * changes meanwhile, else one per partition.
     */
    @Override
    protected final Map<Integer, P> computePartitions(Ignite ignite, A argument, int[] partitions, BooleanSupplier cancelled,
            FilterFieldUse filterUse) {
        if (accumulatesAcrossPartitions() && partitions.length > 1 && !writtenRecently(argument.cacheName())) {
            FilterFieldUse attempt = new FilterFieldUse();
            Map<Integer, P> results = computeShared(ignite, argument, partitions, cancelled, attempt);
            if (results != null) {
                filterUse.add(attempt);
                return results;
            }
            WRITTEN.put(argument.cacheName(), System.nanoTime());
            ComputeLoad.of(ignite).sharedPartialDiscarded();
        }
        return computeEach(ignite, argument, partitions, cancelled, filterUse);
    }

    /**
     * One partial for all the partitions, read in page order: the fast way, as every entry goes to the same partial
     * (hot in the processor's cache) instead of to its partition's. It is the first partition's result, the others
     * get empty partials; {@code null} when the page-order pass could not vouch for every partition (one was written
     * meanwhile), as their entries cannot be taken out of the shared partial again.
     */
    private Map<Integer, P> computeShared(Ignite ignite, A argument, int[] partitions, BooleanSupplier cancelled,
            FilterFieldUse filterUse) {
        P shared = newPartial(argument);
        EntryFilter matching = new EntryFilter(argument.filter(), filterUse);
        boolean[] exact = PageOrderScan.scan(ignite, argument.cacheName(), partitions, needsKeys(),
                ignite.binary().typeId(NearCacheMarker.TYPE_NAME), projection(argument, argument.filter()), (slot, key, value) -> {
                    if (matching.test(value)) {
                        accumulate(argument, shared, key, value);
                    }
                }, cancelled);
        if (exact == null || cancelled.getAsBoolean()) {
            return null;
        }
        for (boolean partitionExact : exact) {
            if (!partitionExact) {
                return null;
            }
        }
        ComputeLoad load = ComputeLoad.of(ignite);
        Map<Integer, P> results = new HashMap<>();
        for (int i = 0; i < partitions.length; i++) {
            load.partitionScanned(true);
            results.put(partitions[i], finish(argument, i == 0 ? shared : newPartial(argument)));
        }
        return results;
    }

    /**
     * One partial per partition. Reads the rows of all of them in data-page order first ({@link PageOrderScan});
     * a partition for which that pass cannot vouch (it was written meanwhile, or the internals are unavailable)
     * starts again from an empty accumulator with a {@code ScanQuery}.
     */
    private Map<Integer, P> computeEach(Ignite ignite, A argument, int[] partitions, BooleanSupplier cancelled,
            FilterFieldUse filterUse) {
        Filter filter = argument.filter();
        Map<Integer, P> results = new HashMap<>();
        List<P> partials = new ArrayList<>(partitions.length);
        for (int i = 0; i < partitions.length; i++) {
            partials.add(newPartial(argument));
        }
        int markerTypeId = ignite.binary().typeId(NearCacheMarker.TYPE_NAME);
        EntryFilter matching = new EntryFilter(filter, filterUse);
        boolean[] exact = PageOrderScan.scan(ignite, argument.cacheName(), partitions, needsKeys(), markerTypeId,
                projection(argument, filter), (slot, key, value) -> {
                    if (matching.test(value)) {
                        accumulate(argument, partials.get(slot), key, value);
                    }
                }, cancelled);
        ComputeLoad load = ComputeLoad.of(ignite);
        for (int i = 0; i < partitions.length; i++) {
            if (cancelled.getAsBoolean()) {
                return results; // the partitions left out are sent again
            }
            if (exact != null && exact[i]) {
                load.partitionScanned(true);
                results.put(partitions[i], finish(argument, partials.get(i)));
            }
            else {
                if (exact != null) {
                    load.partitionScanned(false);
                }
                results.put(partitions[i], scanQuery(ignite, argument, filter, partitions[i], filterUse));
            }
        }
        return results;
    }

    private static boolean writtenRecently(String cacheName) {
        Long when = WRITTEN.get(cacheName);
        if (when == null) {
            return false;
        }
        if (System.nanoTime() - when < SHARED_PAUSE_NANOS) {
            return true;
        }
        WRITTEN.remove(cacheName, when);
        return false;
    }

    /**
     * Whether one partial may take the entries of several partitions: {@code true} when accumulating them into
     * one gives what {@link #mergePartials} would make of their partials (a count, a sum, the best N, a set of
     * values). Then a job whose partitions all stay unchanged during the scan fills one partial, which is much
     * faster than one per partition; if one of them is written meanwhile, the job scans again partition by partition
     * (and keeps doing that on this node for a few seconds). {@code false} by default.
     */
    protected boolean accumulatesAcrossPartitions() {
        return false;
    }

    /** The names given that are not null, for {@link #fieldsRead}. */
    protected static List<String> fields(String... names) {
        List<String> fields = new ArrayList<>(names.length);
        for (String name : names) {
            if (name != null) {
                fields.add(name);
            }
        }
        return fields;
    }

    /** The fields the scan reads: {@link #fieldsRead} and the filter's; {@code null} for whole values. */
    private String[] projection(A argument, Filter filter) {
        List<String> fields = fieldsRead(argument);
        if (fields == null) {
            return null;
        }
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(fields);
        if (filter != null) {
            names.addAll(filter.fields());
        }
        return names.toArray(String[]::new);
    }

    /** The safe path: a local {@code ScanQuery} over the partition. */
    private P scanQuery(Ignite ignite, A argument, Filter filter, int partition, FilterFieldUse filterUse) {
        IgniteCache<Object, Object> cache = ignite.cache(argument.cacheName()).withKeepBinary();
        P partial = newPartial(argument);
        EntryFilter matching = new EntryFilter(filter, filterUse);
        ScanQuery<Object, Object> scan = new ScanQuery<>().setPartition(partition).setLocal(true);
        try (QueryCursor<Cache.Entry<Object, Object>> cursor = cache.query(scan)) {
            for (Cache.Entry<Object, Object> entry : cursor) {
                if (NearCacheMarker.isMarker(entry.getKey())) {
                    continue;
                }
                Object value = entry.getValue();
                if (matching.test(value)) {
                    accumulate(argument, partial, entry.getKey(), value);
                }
            }
        }
        return finish(argument, partial);
    }

    @Override
    protected abstract R reduce(A argument, List<P> partials);

    /**
     * Reads a field of a value in binary form: the named field of a binary object, or the value itself when
     * the value is a plain number or string and the field is {@value FieldValues#SELF}. {@code null} when
     * absent. The field is read through a handle resolved once per binary type, not by name.
     */
    protected static Object field(Object value, String field) {
        return FieldValues.read(value, field);
    }

    /**
     * The whole value (in binary form) of an entry {@link #accumulate} was handed: for a task with {@link
     * #fieldsRead} that keeps some entries (e.g. the best N), since what it is handed is only valid during the call.
     */
    protected static Object wholeValue(Object value) {
        return value instanceof FieldRow row ? row.wholeValue() : value;
    }
}
