package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.List;

/**
 * Per-partition statistics of one numeric field: entries seen, values summed exactly, min and max.
 * Mutable while a partition is scanned, then travels to the task's node to be merged.
 */
final class NumericAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private long entries;
    private int partitions;
    private boolean fieldSeen;
    private final NumericSum sum = new NumericSum();
    private Number min;
    private Number max;

    /** An accumulator for one partition's entries. */
    static NumericAccumulator forPartition() {
        NumericAccumulator accumulator = new NumericAccumulator();
        accumulator.partitions = 1;
        return accumulator;
    }

    /** Adds one entry's value; fails with a clear message when the field holds something other than numbers. */
    void add(String cacheName, String field, Object value) {
        entries++;
        Object fieldValue = FieldValues.read(value, field);
        if (fieldValue == null) {
            return;
        }
        fieldSeen = true;
        if (!(fieldValue instanceof Number number) || !sum.add(number)) {
            throw new GridTaskException(ErrorCode.BAD_FIELD, "Field '" + field + "' of map '" + cacheName + "' is not numeric: it holds "
                    + fieldValue.getClass().getSimpleName() + " values. Choose a numeric field.");
        }
        if (min == null || Numbers.compare(number, min) < 0) {
            min = number;
        }
        if (max == null || Numbers.compare(number, max) > 0) {
            max = number;
        }
    }

    void addAll(NumericAccumulator other) {
        entries += other.entries;
        partitions += other.partitions;
        fieldSeen |= other.fieldSeen;
        sum.addAll(other.sum);
        if (other.min != null && (min == null || Numbers.compare(other.min, min) < 0)) {
            min = other.min;
        }
        if (other.max != null && (max == null || Numbers.compare(other.max, max) > 0)) {
            max = other.max;
        }
    }

    /**
     * Merges the partials of every partition; fails when entries were scanned but none had the field,
     * which is almost always a misspelt field name.
     */
    static NumericAccumulator merge(String cacheName, String field, List<NumericAccumulator> partials) {
        NumericAccumulator total = new NumericAccumulator();
        partials.forEach(total::addAll);
        if (total.entries > 0 && !total.fieldSeen) {
            throw FieldValues.noSuchField(cacheName, field);
        }
        return total;
    }

    long entries() {
        return entries;
    }

    /** Partitions whose entries this holds (those made {@link #forPartition()} and merged in). */
    int partitions() {
        return partitions;
    }

    /** The partials merged into one. */
    static NumericAccumulator mergeAll(List<NumericAccumulator> partials) {
        NumericAccumulator total = new NumericAccumulator();
        partials.forEach(total::addAll);
        return total;
    }

    NumericSum sum() {
        return sum;
    }

    Number min() {
        return min;
    }

    Number max() {
        return max;
    }
}
