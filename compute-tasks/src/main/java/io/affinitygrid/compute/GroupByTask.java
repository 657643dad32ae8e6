package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the entries of a cache by a field and gives each group's count and, when a field is given, the sum
 * of that field. Argument: {@link QueryArgument} with {@code groupBy} (and optionally {@code field} and a
 * filter); result: {@code List<GroupRow>}, largest groups first. Invoke by {@link #NAME}.
 */
public final class GroupByTask extends ScanTask<QueryArgument, HashMap<Object, GroupByTask.Totals>, List<GroupRow>> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.GroupByTask";

    private static final long serialVersionUID = 1L;

    /** Keys are not used: the scan does not read them. */
    @Override
    protected boolean needsKeys() {
        return false;
    }

    @Override
    protected void validate(QueryArgument argument) {
        super.validate(argument);
        if (argument.groupBy() == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "group-by needs a field to group by");
        }
    }

    @Override
    protected HashMap<Object, Totals> newPartial(QueryArgument argument) {
        return new HashMap<>();
    }

    @Override
    protected boolean accumulatesAcrossPartitions() {
        return true;
    }

    @Override
    protected List<String> fieldsRead(QueryArgument argument) {
        return fields(argument.groupBy(), argument.field());
    }

    @Override
    protected void accumulate(QueryArgument argument, HashMap<Object, Totals> partial, Object key, Object value) {
        Totals totals = partial.computeIfAbsent(field(value, argument.groupBy()), k -> new Totals());
        totals.count++;
        if (argument.field() != null) {
            totals.values.add(argument.cacheName(), argument.field(), value);
        }
    }

    @Override
    protected HashMap<Object, Totals> mergePartials(QueryArgument argument, List<HashMap<Object, Totals>> partials) {
        HashMap<Object, Totals> merged = new HashMap<>();
        for (Map<Object, Totals> partial : partials) {
            partial.forEach((group, totals) -> merged.merge(group, totals, Totals::merge));
        }
        return merged;
    }

    @Override
    protected List<GroupRow> reduce(QueryArgument argument, List<HashMap<Object, Totals>> partials) {
        Map<Object, Totals> merged = mergePartials(argument, partials);
        if (argument.field() != null) {
            NumericAccumulator.merge(argument.cacheName(), argument.field(), merged.values().stream().map(t -> t.values).toList());
        }
        if (!merged.isEmpty() && merged.size() == 1 && merged.containsKey(null)) {
            throw new MissingFieldException(argument.cacheName(), argument.groupBy(), " to group by");
        }
        List<GroupRow> rows = new ArrayList<>(merged.size());
        merged.forEach((group, totals) -> rows.add(new GroupRow(group, totals.count,
                argument.field() == null ? null : totals.values.sum().value())));
        rows.sort(Comparator.comparingLong(GroupRow::count).reversed().thenComparing(r -> String.valueOf(r.group())));
        return rows;
    }

    /** Count and field statistics of one group in one partition. */
    static final class Totals implements Serializable {

        private static final long serialVersionUID = 1L;

        private long count;
        private final NumericAccumulator values = new NumericAccumulator();

        Totals merge(Totals other) {
            count += other.count;
            values.addAll(other.values);
            return this;
        }
    }
}
