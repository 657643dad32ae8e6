package io.affinitygrid.compute;

import java.io.Serializable;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Scans the local copy of one partition on its primary node (where {@code affinityCall} has reserved it),
 * keeps the entries that match the filter and accumulates them with the task's logic.
 */
final class ScanJob<A extends ScanSpec, P extends Serializable> implements IgniteCallable<P> {

    private static final long serialVersionUID = 1L;

    private final ScanTask<A, P, ?> task;
    private final A argument;
    private final int partition;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ScanJob(ScanTask<A, P, ?> task, A argument, int partition) {
        this.task = task;
        this.argument = argument;
        this.partition = partition;
    }

    @Override
    public P call() {
        IgniteCache<Object, Object> cache = ignite.cache(argument.cacheName()).withKeepBinary();
        Filter filter = argument.filter();
        P partial = task.newPartial(argument);
        ScanQuery<Object, Object> scan = new ScanQuery<>().setPartition(partition).setLocal(true);
        try (QueryCursor<Cache.Entry<Object, Object>> cursor = cache.query(scan)) {
            for (Cache.Entry<Object, Object> entry : cursor) {
                Object value = entry.getValue();
                if (filter == null || filter.test(FieldValues.read(value, filter.field()))) {
                    task.accumulate(argument, partial, entry.getKey(), value);
                }
            }
        }
        return task.finish(argument, partial);
    }
}
