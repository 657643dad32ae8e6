package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact number of distinct values of a field (entries without the field are not counted). Each partition
 * sends its set of values; the sets are united on the task's node, so memory grows with the number of
 * distinct values. Argument: {@link QueryArgument} with a field; result: {@code Long}. Invoke by {@link #NAME}.
 * Fails when entries were scanned but none has the field.
 */
public final class DistinctCountTask extends ScanTask<QueryArgument, DistinctCountTask.Values, Long> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.DistinctCountTask";

    private static final long serialVersionUID = 1L;

    /** Keys are not used: the scan does not read them. */
    @Override
    protected boolean needsKeys() {
        return false;
    }

    @Override
    protected void validate(QueryArgument argument) {
        super.validate(argument);
        argument.requireField("distinct");
    }

    @Override
    protected Values newPartial(QueryArgument argument) {
        return new Values();
    }

    @Override
    protected boolean accumulatesAcrossPartitions() {
        return true;
    }

    @Override
    protected List<String> fieldsRead(QueryArgument argument) {
        return fields(argument.field());
    }

    @Override
    protected void accumulate(QueryArgument argument, Values partial, Object key, Object value) {
        partial.scanned++;
        Object fieldValue = field(value, argument.field());
        if (fieldValue != null) {
            partial.values.add(fieldValue);
        }
    }

    @Override
    protected Values mergePartials(QueryArgument argument, List<Values> partials) {
        Values merged = new Values();
        for (Values partial : partials) {
            merged.values.addAll(partial.values);
            merged.scanned += partial.scanned;
        }
        return merged;
    }

    @Override
    protected Long reduce(QueryArgument argument, List<Values> partials) {
        Set<Object> all = new HashSet<>();
        long scanned = 0;
        for (Values partial : partials) {
            all.addAll(partial.values);
            scanned += partial.scanned;
        }
        if (scanned > 0 && all.isEmpty()) {
            throw FieldValues.noSuchField(argument.cacheName(), argument.field());
        }
        return (long) all.size();
    }

    /** The distinct values of one partition, and how many entries were scanned there. */
    static final class Values implements Serializable {

        private static final long serialVersionUID = 1L;

        private long scanned;
        private final HashSet<Object> values = new HashSet<>();
    }
}
