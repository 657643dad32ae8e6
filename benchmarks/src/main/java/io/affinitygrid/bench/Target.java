package io.affinitygrid.bench;

/**
 * What a row's ratio should be: at least or at most a value. Immutable.
 *
 * @param atLeast whether the ratio must be at least {@code value} (else at most)
 * @param value the bound
 */
public record Target(boolean atLeast, double value) {

    public static Target atLeast(double value) {
        return new Target(true, value);
    }

    public static Target atMost(double value) {
        return new Target(false, value);
    }

    public boolean met(double ratio) {
        return atLeast ? ratio >= value : ratio <= value;
    }

    @Override
    public String toString() {
        return (atLeast ? "≥ " : "≤ ") + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "×";
    }
}
