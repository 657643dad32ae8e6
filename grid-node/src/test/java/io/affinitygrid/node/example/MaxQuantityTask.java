package io.affinitygrid.node.example;

import java.util.List;

import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.ScanTask;

/** The README's example of a user-written task; kept here so that it keeps compiling and working. */
public final class MaxQuantityTask extends ScanTask<QueryArgument, long[], Long> {
    @Override protected long[] newPartial(QueryArgument arg) { return new long[] {Long.MIN_VALUE}; }
    @Override protected void accumulate(QueryArgument arg, long[] max, Object key, Object value) {
        Object q = field(value, "quantity");              // read from the binary form, no deserialization
        if (q instanceof Number n) max[0] = Math.max(max[0], n.longValue());
    }
    @Override protected List<String> fieldsRead(QueryArgument arg) {
        return List.of("quantity");                       // optional: nodes read just this field, in place
    }
    @Override protected Long reduce(QueryArgument arg, List<long[]> partials) {
        return partials.stream().mapToLong(p -> p[0]).max().orElse(Long.MIN_VALUE);
    }
}
