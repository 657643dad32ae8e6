package io.affinitygrid.compute;

import java.util.List;

/**
 * Counts the entries of a cache, or those matching the argument's filter. Argument: {@link QueryArgument};
 * result: {@code Long}. Invoke by {@link #NAME}.
 */
public final class CountTask extends ScanTask<QueryArgument, long[], Long> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.CountTask";

    private static final long serialVersionUID = 1L;

    /** Keys are not used: the scan does not read them. */
    @Override
    protected boolean needsKeys() {
        return false;
    }

    @Override
    protected long[] newPartial(QueryArgument argument) {
        return new long[1];
    }

    @Override
    protected boolean accumulatesAcrossPartitions() {
        return true;
    }

    @Override
    protected List<String> fieldsRead(QueryArgument argument) {
        return List.of();
    }

    @Override
    protected void accumulate(QueryArgument argument, long[] partial, Object key, Object value) {
        partial[0]++;
    }

    @Override
    protected long[] mergePartials(QueryArgument argument, List<long[]> partials) {
        return new long[] {reduce(argument, partials)};
    }

    @Override
    protected Long reduce(QueryArgument argument, List<long[]> partials) {
        long count = 0;
        for (long[] partial : partials) {
            count += partial[0];
        }
        return count;
    }
}
