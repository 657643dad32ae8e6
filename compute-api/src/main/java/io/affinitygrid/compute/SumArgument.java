package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/**
 * Argument of {@code SumTask}: the cache to scan and the numeric field of its values to sum.
 * Immutable.
 */
public final class SumArgument implements ScanSpec, Tracked, Serializable {

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String field;
    private final Filter filter;
    private final String executionId;

    /**
     * @param cacheName the cache to scan, not blank
     * @param field the field of the values to sum, not blank
     * @throws IllegalArgumentException if either is null or blank
     */
    public SumArgument(String cacheName, String field) {
        this(cacheName, field, null);
    }

    /**
     * @param cacheName the cache to scan, not blank
     * @param field the field of the values to sum, not blank
     * @param filter only entries matching it are counted and summed; {@code null} for all
     * @throws IllegalArgumentException if the cache name or field is null or blank
     */
    public SumArgument(String cacheName, String field, Filter filter) {
        this(cacheName, field, filter, null);
    }

    private SumArgument(String cacheName, String field, Filter filter, String executionId) {
        this.cacheName = requireText(cacheName, "cache name");
        this.field = requireText(field, "field");
        this.filter = filter;
        this.executionId = executionId;
    }

    /** A copy that publishes progress under {@code executionId} (see {@link Tracked}). */
    public SumArgument withExecutionId(String executionId) {
        return new SumArgument(cacheName, field, filter, requireText(executionId, "execution id"));
    }

    @Override
    public String executionId() {
        return executionId;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be blank, got " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    @Override
    public String cacheName() {
        return cacheName;
    }

    public String field() {
        return field;
    }

    @Override
    public Filter filter() {
        return filter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SumArgument other && cacheName.equals(other.cacheName) && field.equals(other.field)
                && Objects.equals(filter, other.filter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cacheName, field, filter);
    }

    @Override
    public String toString() {
        return "SumArgument[cache=" + cacheName + ", field=" + field + (filter == null ? "" : ", where " + filter) + "]";
    }
}
