package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Argument of the catalog's key job {@link CatalogTasks#ADD_TO_FIELD}: the numeric field to change and the
 * number to add to it. Immutable.
 */
public final class FieldDelta implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final BigDecimal delta;

    private FieldDelta(String field, BigDecimal delta) {
        this.field = SumArgument.requireText(field, "field");
        this.delta = Objects.requireNonNull(delta, "delta");
    }

    /**
     * Add {@code delta} to {@code field}.
     *
     * @throws IllegalArgumentException when the field is null or blank
     * @throws NullPointerException when the delta is null
     */
    public static FieldDelta of(String field, BigDecimal delta) {
        return new FieldDelta(field, delta);
    }

    /** Add {@code delta} to {@code field}, e.g. {@code FieldDelta.of("quantity", 1)}. */
    public static FieldDelta of(String field, long delta) {
        return new FieldDelta(field, BigDecimal.valueOf(delta));
    }

    /** Add {@code delta} to {@code field}, read as its decimal text (so 0.1 stays 0.1). */
    public static FieldDelta of(String field, double delta) {
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("The delta must be a finite number, got " + delta);
        }
        return new FieldDelta(field, BigDecimal.valueOf(delta));
    }

    public String field() {
        return field;
    }

    public BigDecimal delta() {
        return delta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldDelta d && field.equals(d.field) && delta.equals(d.delta);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, delta);
    }

    @Override
    public String toString() {
        return field + ":" + delta.toPlainString();
    }
}
