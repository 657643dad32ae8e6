package io.affinitygrid.compute;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact number of distinct values of a field (entries without the field are not counted). Each partition
 * sends its set of values; the sets are united on the task's node, so memory grows with the number of
 * distinct values. Argument: {@link QueryArgument} with a field; result: {@code Long}. Invoke by {@link #NAME}.
 */
public final class DistinctCountTask extends ScanTask<QueryArgument, HashSet<Object>, Long> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.DistinctCountTask";

    private static final long serialVersionUID = 1L;

    @Override
    protected void validate(QueryArgument argument) {
        super.validate(argument);
        argument.requireField("distinct");
    }

    @Override
    protected HashSet<Object> newPartial(QueryArgument argument) {
        return new HashSet<>();
    }

    @Override
    protected void accumulate(QueryArgument argument, HashSet<Object> partial, Object key, Object value) {
        Object fieldValue = field(value, argument.field());
        if (fieldValue != null) {
            partial.add(fieldValue);
        }
    }

    @Override
    protected Long reduce(QueryArgument argument, List<HashSet<Object>> partials) {
        Set<Object> all = new HashSet<>();
        partials.forEach(all::addAll);
        return (long) all.size();
    }
}
