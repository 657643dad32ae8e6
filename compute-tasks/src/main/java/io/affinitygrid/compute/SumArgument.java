package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/**
 * Argument of {@link SumTask}: the cache to scan and the numeric field of its values to sum.
 * Immutable.
 */
public final class SumArgument implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String field;

    /**
     * @param cacheName the cache to scan, not blank
     * @param field the field of the values to sum, not blank
     * @throws IllegalArgumentException if either is null or blank
     */
    public SumArgument(String cacheName, String field) {
        this.cacheName = requireText(cacheName, "cache name");
        this.field = requireText(field, "field");
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be blank, got " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    public String cacheName() {
        return cacheName;
    }

    public String field() {
        return field;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SumArgument other && cacheName.equals(other.cacheName) && field.equals(other.field);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cacheName, field);
    }

    @Override
    public String toString() {
        return "SumArgument[cache=" + cacheName + ", field=" + field + "]";
    }
}
