package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Statistics of one numeric field over the entries of a cache (or those matching a filter): the result of
 * {@code StatsTask}. Immutable.
 */
public final class FieldStats implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final long count;
    private final long valueCount;
    private final BigDecimal sum;
    private final Number min;
    private final Number max;

    public FieldStats(String field, long count, long valueCount, BigDecimal sum, Number min, Number max) {
        this.field = field;
        this.count = count;
        this.valueCount = valueCount;
        this.sum = Objects.requireNonNull(sum, "sum");
        this.min = min;
        this.max = max;
    }

    /** The field. */
    public String field() {
        return field;
    }

    /** Entries scanned (that matched the filter, if any). */
    public long count() {
        return count;
    }

    /** Entries that had a value for the field. */
    public long valueCount() {
        return valueCount;
    }

    /** Exact sum of the field; zero when no entry had it. */
    public BigDecimal sum() {
        return sum;
    }

    /** Smallest value, or {@code null} when no entry had the field. */
    public Number min() {
        return min;
    }

    /** Largest value, or {@code null} when no entry had the field. */
    public Number max() {
        return max;
    }

    /** Mean of the values, or {@code null} when no entry had the field. */
    public BigDecimal average() {
        return valueCount == 0 ? null : sum.divide(BigDecimal.valueOf(valueCount), MathContext.DECIMAL64);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldStats s && field.equals(s.field) && count == s.count && valueCount == s.valueCount
                && sum.compareTo(s.sum) == 0 && Objects.equals(min, s.min) && Objects.equals(max, s.max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, count, valueCount, min, max);
    }

    @Override
    public String toString() {
        return "FieldStats[" + field + ": count=" + count + ", values=" + valueCount + ", sum=" + sum.toPlainString()
                + ", min=" + min + ", max=" + max + ", avg=" + average() + "]";
    }
}
