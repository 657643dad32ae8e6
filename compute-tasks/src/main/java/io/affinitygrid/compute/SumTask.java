package io.affinitygrid.compute;

import java.util.List;

/**
 * Counts the entries of a cache and sums a numeric field of their values, by partition map-reduce:
 * each partition is scanned on its primary node and only its count and sum travel back.
 *
 * <p>Invoke it by {@link #NAME} with a {@link SumArgument}; the result is a {@link SumResult}. Fails with
 * an {@link IllegalArgumentException} for an unknown cache, a field no entry has, or a field that holds
 * non-numeric values.
 */
public final class SumTask extends ScanTask<SumArgument, NumericAccumulator, SumResult> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.SumTask";

    private static final long serialVersionUID = 1L;

    /** Keys are not used: the scan does not read them. */
    @Override
    protected boolean needsKeys() {
        return false;
    }

    @Override
    protected boolean accumulatesAcrossPartitions() {
        return true;
    }

    @Override
    protected List<String> fieldsRead(SumArgument argument) {
        return fields(argument.field());
    }

    @Override
    protected NumericAccumulator newPartial(SumArgument argument) {
        return NumericAccumulator.forPartition();
    }

    @Override
    protected NumericAccumulator mergePartials(SumArgument argument, List<NumericAccumulator> partials) {
        return NumericAccumulator.mergeAll(partials);
    }

    @Override
    protected void accumulate(SumArgument argument, NumericAccumulator partial, Object key, Object value) {
        partial.add(argument.cacheName(), argument.field(), value);
    }

    @Override
    protected SumResult reduce(SumArgument argument, List<NumericAccumulator> partials) {
        NumericAccumulator total = NumericAccumulator.merge(argument.cacheName(), argument.field(), partials);
        // the partitions whose results were accepted, each exactly once
        return new SumResult(total.entries(), total.sum().count(), total.sum().value(), total.partitions());
    }
}
