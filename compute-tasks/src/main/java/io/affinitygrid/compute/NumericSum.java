package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact running sum of numbers of mixed types. Integral values are added to a {@code long} (the fast,
 * common case) and spill into a {@link BigDecimal} only on overflow; floating-point values are added
 * by their decimal representation, so 0.1 + 0.2 sums to exactly 0.3. Not thread-safe.
 */
final class NumericSum implements Serializable {

    private static final long serialVersionUID = 1L;

    private long integral;
    private BigDecimal decimal = BigDecimal.ZERO;
    private long count;

    /** Adds a value; returns {@code false} (adding nothing) when it is not a number. */
    boolean add(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            addIntegral(((Number) value).longValue());
        }
        else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new ArithmeticException("Cannot sum a non-finite value: " + d);
            }
            decimal = decimal.add(BigDecimal.valueOf(d));
        }
        else if (value instanceof BigDecimal bd) {
            decimal = decimal.add(bd);
        }
        else if (value instanceof BigInteger bi) {
            decimal = decimal.add(new BigDecimal(bi));
        }
        else {
            return false;
        }
        count++;
        return true;
    }

    private void addIntegral(long value) {
        long result = integral + value;
        if (((integral ^ result) & (value ^ result)) < 0) {
            decimal = decimal.add(BigDecimal.valueOf(integral)).add(BigDecimal.valueOf(value));
            integral = 0;
        }
        else {
            integral = result;
        }
    }

    void addAll(NumericSum other) {
        addIntegral(other.integral);
        decimal = decimal.add(other.decimal);
        count += other.count;
    }

    long count() {
        return count;
    }

    BigDecimal value() {
        return decimal.add(BigDecimal.valueOf(integral));
    }
}
