package io.affinitygrid.compute;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Counts the entries of one partition and sums one numeric field of their values. Runs on the
 * partition's primary node with the partition reserved, and scans only that node's local copy of the
 * partition, reading the field from the binary form of each value.
 */
final class PartitionSumJob implements IgniteCallable<PartitionSumJob.Partial> {

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String field;
    private final int partition;

    @IgniteInstanceResource
    private transient Ignite ignite;

    PartitionSumJob(String cacheName, String field, int partition) {
        this.cacheName = cacheName;
        this.field = field;
        this.partition = partition;
    }

    @Override
    public Partial call() {
        IgniteCache<Object, Object> cache = ignite.cache(cacheName).withKeepBinary();
        ScanQuery<Object, Object> scan = new ScanQuery<>().setPartition(partition).setLocal(true);
        long count = 0;
        NumericSum sum = new NumericSum();
        try (QueryCursor<Cache.Entry<Object, Object>> cursor = cache.query(scan)) {
            for (Cache.Entry<Object, Object> entry : cursor) {
                count++;
                Object value = FieldValues.read(entry.getValue(), field);
                if (value != null && !sum.add(value)) {
                    throw new IllegalArgumentException("Field '" + field + "' of cache '" + cacheName
                            + "' is not numeric: it holds " + FieldValues.typeName(value)
                            + " values. Choose a numeric field.");
                }
            }
        }
        return new Partial(count, sum);
    }

    /**
     * The count and sum of one partition. A class, not a record: Ignite's binary marshaller cannot set the
     * fields of records.
     */
    static final class Partial implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        private final long count;
        private final NumericSum sum;

        Partial(long count, NumericSum sum) {
            this.count = count;
            this.sum = sum;
        }

        long count() {
            return count;
        }

        NumericSum sum() {
            return sum;
        }
    }
}
