package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact running sum of numbers of mixed types. Integral values are added to a {@code long} (the fast,
 * common case) and spill into a {@link BigDecimal} only on overflow; floating-point values are added
 * by their decimal representation, so 0.1 + 0.2 sums to exactly 0.3. Not thread-safe.
 *
 * <p>The decimal representation of a {@code double} is {@code BigDecimal.valueOf(d)} (from
 * {@code Double.toString}), which costs more than the rest of a scan together. Most stored amounts have a few
 * decimals (prices, quantities), so a double with at most {@value #MAX_FAST_SCALE} decimals and a magnitude that
 * {@code Double.toString} prints without exponent is added as a whole number of units of its scale to a
 * {@code long} per scale instead: the same value, and the same scale of the result, without creating a decimal.
 */
final class NumericSum implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Most decimals of a double added without {@code BigDecimal}. */
    static final int MAX_FAST_SCALE = 4;

    private static final double[] POWERS = {1, 10, 100, 1_000, 10_000};

    private long integral;
    private BigDecimal decimal = BigDecimal.ZERO;
    private long count;
    /** Sums of doubles in units of 10^-scale, by scale 1..{@link #MAX_FAST_SCALE}; index 0 unused. */
    private final long[] units = new long[MAX_FAST_SCALE + 1];
    /** Bit {@code s} set when a double of scale {@code s} was added to {@link #units}. */
    private int scalesSeen;

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
            if (!addFast(d)) {
                decimal = decimal.add(BigDecimal.valueOf(d));
            }
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

    /**
     * Adds {@code d} as {@code m × 10^-s} with the smallest scale {@code s} (at least 1, as {@code Double.toString}
     * always prints a decimal) whose {@code m / 10^s} rounds back to {@code d}: the digits
     * {@code BigDecimal.valueOf(d)} would have. Returns {@code false} (adding nothing) for values outside the range
     * where {@code Double.toString} prints plain digits, or with more decimals.
     */
    boolean addFast(double d) {
        double magnitude = Math.abs(d);
        if (!(magnitude >= 1e-3 && magnitude < 1e7) && d != 0) {
            return false;
        }
        for (int scale = 1; scale <= MAX_FAST_SCALE; scale++) {
            double power = POWERS[scale];
            long m = Math.round(d * power);
            if (m / power == d) {
                long before = units[scale];
                long after = before + m;
                if (((before ^ after) & (m ^ after)) < 0) {
                    return false; // would overflow: this one goes to the BigDecimal
                }
                units[scale] = after;
                scalesSeen |= 1 << scale;
                return true;
            }
        }
        return false;
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
        for (int scale = 1; scale <= MAX_FAST_SCALE; scale++) {
            if ((other.scalesSeen & 1 << scale) != 0) {
                long before = units[scale];
                long after = before + other.units[scale];
                if (((before ^ after) & (other.units[scale] ^ after)) < 0) {
                    decimal = decimal.add(BigDecimal.valueOf(other.units[scale], scale));
                }
                else {
                    units[scale] = after;
                }
                scalesSeen |= 1 << scale;
            }
        }
    }

    long count() {
        return count;
    }

    BigDecimal value() {
        BigDecimal value = decimal.add(BigDecimal.valueOf(integral));
        for (int scale = 1; scale <= MAX_FAST_SCALE; scale++) {
            if ((scalesSeen & 1 << scale) != 0) {
                value = value.add(BigDecimal.valueOf(units[scale], scale));
            }
        }
        return value;
    }
}
