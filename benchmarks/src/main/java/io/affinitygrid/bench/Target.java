package io.affinitygrid.bench;

/**
 * What a row's ratio should be, at least or at most a value; or, for an absolute target such as a time budget,
 * what the grid side's median should be. Immutable.
 *
 * @param atLeast whether the value must be at least {@code value} (else at most)
 * @param value the bound
 * @param ofSubject whether the bound is on the grid side's median (in the row's unit) rather than on the ratio
 */
public record Target(boolean atLeast, double value, boolean ofSubject) {

    public static Target atLeast(double value) {
        return new Target(true, value, false);
    }

    public static Target atMost(double value) {
        return new Target(false, value, false);
    }

    /** The grid side's median must be at most {@code value}, in the row's unit. */
    public static Target subjectAtMost(double value) {
        return new Target(false, value, true);
    }

    public boolean met(double ratio) {
        return atLeast ? ratio >= value : ratio <= value;
    }

    @Override
    public String toString() {
        String bound = (atLeast ? "≥ " : "≤ ") + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return ofSubject ? "grid side " + bound : bound + "×";
    }
}
