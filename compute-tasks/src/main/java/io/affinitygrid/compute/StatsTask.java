package io.affinitygrid.compute;

import java.util.List;

/**
 * Sum, min, max and average of a numeric field, over every entry of a cache or those matching the filter.
 * Argument: {@link QueryArgument} with a field; result: {@link FieldStats}. Invoke by {@link #NAME}.
 */
public final class StatsTask extends ScanTask<QueryArgument, NumericAccumulator, FieldStats> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.StatsTask";

    private static final long serialVersionUID = 1L;

    /** Keys are not used: the scan does not read them. */
    @Override
    protected boolean needsKeys() {
        return false;
    }

    @Override
    protected void validate(QueryArgument argument) {
        super.validate(argument);
        argument.requireField("stats");
    }

    @Override
    protected NumericAccumulator newPartial(QueryArgument argument) {
        return NumericAccumulator.forPartition();
    }

    @Override
    protected NumericAccumulator mergePartials(QueryArgument argument, List<NumericAccumulator> partials) {
        return NumericAccumulator.mergeAll(partials);
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
    protected void accumulate(QueryArgument argument, NumericAccumulator partial, Object key, Object value) {
        partial.add(argument.cacheName(), argument.field(), value);
    }

    @Override
    protected FieldStats reduce(QueryArgument argument, List<NumericAccumulator> partials) {
        NumericAccumulator total = NumericAccumulator.merge(argument.cacheName(), argument.field(), partials);
        return new FieldStats(argument.field(), total.entries(), total.sum().count(), total.sum().value(), total.min(), total.max());
    }
}
