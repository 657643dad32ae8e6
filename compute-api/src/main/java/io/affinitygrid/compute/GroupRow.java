package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One group of {@code GroupByTask}: the group's key (the value of the group-by field, {@code null} for entries
 * without it), how many entries it has and, when a field to sum was given, their sum. Immutable.
 */
public final class GroupRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object group;
    private final long count;
    private final BigDecimal sum;

    public GroupRow(Object group, long count, BigDecimal sum) {
        this.group = group;
        this.count = count;
        this.sum = sum;
    }

    /** The value of the group-by field shared by the group's entries; {@code null} for entries without it. */
    public Object group() {
        return group;
    }

    public long count() {
        return count;
    }

    /** Sum of the summed field over the group, or {@code null} when no field to sum was given. */
    public BigDecimal sum() {
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupRow r && Objects.equals(group, r.group) && count == r.count
                && (sum == null ? r.sum == null : r.sum != null && sum.compareTo(r.sum) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, count);
    }

    @Override
    public String toString() {
        return "GroupRow[" + group + ": count=" + count + (sum == null ? "" : ", sum=" + sum.toPlainString()) + "]";
    }
}
