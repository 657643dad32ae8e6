package io.affinitygrid.compute;

import java.util.List;

import org.apache.ignite.lang.IgniteCallable;

/**
 * Counts the entries of a cache and sums a numeric field of their values, by partition map-reduce:
 * each partition is scanned on its primary node and only its count and sum travel back.
 *
 * <p>Invoke it by {@link #NAME} with a {@link SumArgument}; the result is a {@link SumResult}. Fails with
 * an {@link IllegalArgumentException} for an unknown cache or a field that holds non-numeric values.
 */
public final class SumTask extends PartitionMapReduceTask<SumArgument, PartitionSumJob.Partial, SumResult> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.SumTask";

    private static final long serialVersionUID = 1L;

    @Override
    protected String cacheName(SumArgument argument) {
        return argument.cacheName();
    }

    @Override
    protected IgniteCallable<PartitionSumJob.Partial> partitionJob(SumArgument argument, int partition) {
        return new PartitionSumJob(argument.cacheName(), argument.field(), partition);
    }

    @Override
    protected SumResult reduce(SumArgument argument, List<PartitionSumJob.Partial> partials) {
        long count = 0;
        NumericSum sum = new NumericSum();
        for (PartitionSumJob.Partial partial : partials) {
            count += partial.count();
            sum.addAll(partial.sum());
        }
        return new SumResult(count, sum.count(), sum.value(), partials.size());
    }
}
