package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A predicate on one field of a cache value: {@code field op value}, with {@code op} one of
 * {@code = != < <= > >=}. The operand is kept as text and compared by the type of the stored field: as a
 * decimal number when the field is numeric, as text otherwise ({@code =} and {@code !=} only for booleans).
 * An entry whose value lacks the field never matches. Immutable.
 *
 * <pre>{@code
 * Filter.parse("amount >= 100.5")
 * Filter.parse("region = north")
 * }</pre>
 */
public final class Filter implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern FORM = Pattern.compile("^\\s*([A-Za-z_$][\\w$]*)\\s*(<=|>=|!=|=|<|>)\\s*(.*?)\\s*$");

    /** Comparison operators. */
    public enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written, e.g. {@code <=}. */
        public String symbol() {
            return symbol;
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("Unknown operator '" + symbol + "'; use one of = != < <= > >=");
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }
    }

    private final String field;
    private final Op op;
    private final String operand;
    /** The operand as a number, parsed on first use; immutable, so threads sharing this filter may race on it. */
    private transient NumericOperand numericOperand;

    public Filter(String field, Op op, String operand) {
        this.field = SumArgument.requireText(field, "filter field");
        this.op = Objects.requireNonNull(op, "op");
        this.operand = Objects.requireNonNull(operand, "operand");
    }

    /**
     * Parses {@code field op value}, e.g. {@code amount > 100}; quotes around the value are optional.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A filter must not be blank; write field op value, e.g. amount > 100");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches() || m.group(3).isEmpty() || "<>=!".indexOf(m.group(3).charAt(0)) >= 0) {
            throw new IllegalArgumentException("Cannot read the filter '" + text
                    + "'; write field op value with op one of = != < <= > >=, e.g. amount > 100 or region = north");
        }
        String operand = m.group(3);
        if (operand.length() >= 2 && (operand.startsWith("'") && operand.endsWith("'") || operand.startsWith("\"") && operand.endsWith("\""))) {
            operand = operand.substring(1, operand.length() - 1);
        }
        return new Filter(m.group(1), Op.of(m.group(2)), operand);
    }

    public String field() {
        return field;
    }

    public Op op() {
        return op;
    }

    public String operand() {
        return operand;
    }

    /**
     * Whether a stored field value matches.
     *
     * @throws IllegalArgumentException when the field is numeric and the operand is not a number, or the
     *     operator does not apply to the field's type
     */
    public boolean test(Object fieldValue) {
        if (fieldValue == null) {
            return false;
        }
        if (fieldValue instanceof Number number) {
            return op.test(compareNumber(number));
        }
        if (fieldValue instanceof Boolean bool) {
            if (op != Op.EQ && op != Op.NE) {
                throw new IllegalArgumentException("Field '" + field + "' is a boolean: only = and != apply, not " + op.symbol);
            }
            return op.test(bool.equals(Boolean.parseBoolean(operand)) ? 0 : 1);
        }
        if (fieldValue instanceof Character || fieldValue instanceof CharSequence || fieldValue instanceof Enum<?>) {
            return op.test(fieldValue.toString().compareTo(operand));
        }
        return op.test(String.valueOf(fieldValue).compareTo(operand));
    }

    /**
     * Compares a stored number with the operand as decimals, without creating a decimal when the comparison of
     * primitives gives the same answer: a double against an operand that is exactly a double (and prints as
     * itself), an integral value against an integral operand.
     */
    private int compareNumber(Number number) {
        NumericOperand operandValue = numericOperand();
        if (number instanceof Double || number instanceof Float) {
            if (operandValue.doubleExact) {
                double d = number.doubleValue();
                if (Double.isFinite(d)) {
                    return Double.compare(d == 0 ? 0.0 : d, operandValue.asDouble);
                }
            }
        }
        else if (operandValue.longExact && (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte)) {
            return Long.compare(number.longValue(), operandValue.asLong);
        }
        return Numbers.toBigDecimal(number).compareTo(operandValue.decimal);
    }

    private NumericOperand numericOperand() {
        NumericOperand parsed = numericOperand;
        if (parsed == null) {
            BigDecimal value;
            try {
                value = new BigDecimal(operand);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("Field '" + field + "' is numeric but the filter compares it with '"
                        + operand + "', which is not a number");
            }
            parsed = new NumericOperand(value);
            numericOperand = parsed;
        }
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && field.equals(f.field) && op == f.op && operand.equals(f.operand);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, op, operand);
    }

    @Override
    public String toString() {
        return field + " " + op.symbol + " " + operand;
    }

    /** The operand as a decimal, and as a double or a long when it is exactly one. */
    private static final class NumericOperand {

        private final BigDecimal decimal;
        private final double asDouble;
        private final boolean doubleExact;
        private final long asLong;
        private final boolean longExact;

        NumericOperand(BigDecimal decimal) {
            this.decimal = decimal;
            double d = decimal.doubleValue();
            this.asDouble = d == 0 ? 0.0 : d;
            // exact and printed as itself: then comparing doubles orders like comparing BigDecimal.valueOf(d)
            this.doubleExact = Double.isFinite(d) && new BigDecimal(d).compareTo(decimal) == 0
                    && BigDecimal.valueOf(d).compareTo(decimal) == 0;
            long l = 0;
            boolean exact;
            try {
                l = decimal.longValueExact();
                exact = true;
            }
            catch (ArithmeticException notIntegral) {
                exact = false;
            }
            this.asLong = l;
            this.longExact = exact;
        }
    }
}
