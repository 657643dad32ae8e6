package io.affinitygrid.compute;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

/**
 * Bulk update in place: multiplies a numeric field by a factor for every entry (or every entry matching the
 * filter), on the nodes that own the entries, atomically per entry. Exactly once per entry, even when a
 * partition's job is re-run on a new primary after its node left, or the client retries with the same
 * operation id: each updated entry records the operation's id (see {@link #MARKER_FIELD}).
 *
 * <p>Argument: {@link QueryArgument} with a field and a factor (and optionally a filter and an operation id);
 * result: {@link UpdateResult}. Invoke by {@link #NAME}. Fails, changing nothing, when the matching entries have no
 * such field.
 */
public final class UpdateTask extends PartitionMapReduceTask<QueryArgument, long[], UpdateResult> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.UpdateTask";

    /** Field in which every updated value records the id of the last bulk update applied to it. */
    public static final String MARKER_FIELD = ScaleFieldProcessor.MARKER;

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 512;

    @Override
    protected void validate(QueryArgument argument) {
        super.validate(argument);
        argument.requireField("update");
        if (argument.factor() == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "update needs a factor to multiply the field by");
        }
    }

    @Override
    protected QueryArgument prepare(QueryArgument argument) {
        return argument.operationId() != null ? argument : argument.withOperationId(UUID.randomUUID().toString());
    }

    @Override
    protected String cacheName(QueryArgument argument) {
        return argument.cacheName();
    }

    @Override
    protected UpdateResult reduce(QueryArgument argument, List<long[]> partials) {
        long updated = 0;
        long already = 0;
        long withoutField = 0;
        for (long[] partial : partials) {
            updated += partial[0];
            already += partial[1];
            withoutField += partial[2];
        }
        if (updated + already == 0 && withoutField > 0) {
            throw FieldValues.noSuchField(argument.cacheName(), argument.field());
        }
        return new UpdateResult(argument.operationId(), updated, already);
    }

    /** Finds the matching keys of the local partition, then updates them in batches with an entry processor. */
    @Override
    protected long[] computePartition(Ignite ignite, QueryArgument argument, int partition) {
        IgniteCache<Object, Object> cache = ignite.cache(argument.cacheName()).withKeepBinary();
        Filter filter = argument.filter();
        List<Object> keys = new ArrayList<>();
        EntryFilter matching = new EntryFilter(filter, null);
        ScanQuery<Object, Object> scan = new ScanQuery<>().setPartition(partition).setLocal(true);
        try (QueryCursor<Cache.Entry<Object, Object>> cursor = cache.query(scan)) {
            for (Cache.Entry<Object, Object> entry : cursor) {
                if (NearCacheMarker.isMarker(entry.getKey())) {
                    continue;
                }
                Object value = entry.getValue();
                if (matching.test(value)
                        || argument.operationId().equals(FieldValues.read(value, MARKER_FIELD))) {
                    keys.add(entry.getKey());
                }
            }
        }
        ScaleFieldProcessor processor = new ScaleFieldProcessor(argument.cacheName(), argument.field(),
                argument.factor(), filter, argument.operationId());
        long[] counts = new long[3];
        for (int from = 0; from < keys.size(); from += BATCH) {
            Set<Object> batch = new HashSet<>(keys.subList(from, Math.min(keys.size(), from + BATCH)));
            Map<Object, EntryProcessorResult<Integer>> results = cache.invokeAll(batch, processor);
            for (EntryProcessorResult<Integer> result : results.values()) {
                int outcome = unwrap(result);
                if (outcome == ScaleFieldProcessor.UPDATED) {
                    counts[0]++;
                }
                else if (outcome == ScaleFieldProcessor.ALREADY_APPLIED) {
                    counts[1]++;
                }
                else if (outcome == ScaleFieldProcessor.NO_FIELD) {
                    counts[2]++;
                }
            }
        }
        return counts;
    }

    private static int unwrap(EntryProcessorResult<Integer> result) {
        try {
            Integer outcome = result.get();
            return outcome == null ? ScaleFieldProcessor.SKIPPED : outcome;
        }
        catch (EntryProcessorException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
