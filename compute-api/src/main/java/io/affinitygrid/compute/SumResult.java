package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Result of {@code SumTask}. Immutable.
 *
 * <p>{@code count} is the number of entries scanned; {@code summed} the number of those whose value had
 * the field (entries without it are counted but add nothing; when no entry has it the task fails instead,
 * as the field name is then almost certainly wrong); {@code sum} the exact sum of the field.
 */
public final class SumResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long count;
    private final long summed;
    private final BigDecimal sum;
    private final int partitions;

    public SumResult(long count, long summed, BigDecimal sum, int partitions) {
        this.count = count;
        this.summed = summed;
        this.sum = Objects.requireNonNull(sum, "sum");
        this.partitions = partitions;
    }

    /** Number of entries scanned. */
    public long count() {
        return count;
    }

    /** Number of entries whose value had the field. */
    public long summed() {
        return summed;
    }

    /** Exact sum of the field over the entries that had it; zero when none had it. */
    public BigDecimal sum() {
        return sum;
    }

    /** Average of the field over the entries that had it, or {@code null} when none had it. */
    public BigDecimal average() {
        return summed == 0 ? null : sum.divide(BigDecimal.valueOf(summed), MathContext.DECIMAL64);
    }

    /** Number of partitions scanned (each exactly once). */
    public int partitions() {
        return partitions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SumResult other && count == other.count && summed == other.summed
                && sum.compareTo(other.sum) == 0 && partitions == other.partitions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, summed, sum.stripTrailingZeros(), partitions);
    }

    @Override
    public String toString() {
        return "SumResult[count=" + count + ", summed=" + summed + ", sum=" + sum.toPlainString()
                + ", partitions=" + partitions + "]";
    }
}
