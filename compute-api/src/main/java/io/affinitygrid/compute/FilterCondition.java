package io.affinitygrid.compute;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One node of a {@link Filter}'s expression: a comparison of a field with operands, or {@code and}, {@code or},
 * {@code not} of other nodes. Fields are named by their index in {@link Filter#fields()}. Immutable; plain final
 * classes, since Ignite's binary marshaller sends them to the nodes (and cannot marshal records).
 */
abstract class FilterCondition implements Serializable {

    private static final long serialVersionUID = 1L;

    abstract boolean test(Filter.FieldSource fields);

    /** The expression as the parser reads it back. */
    abstract String text(List<String> names);

    /** {@code a and b}, {@code a or b}. */
    static final class Junction extends FilterCondition {

        private static final long serialVersionUID = 1L;

        private final boolean and;
        private final FilterCondition[] parts;

        Junction(boolean and, List<FilterCondition> parts) {
            this.and = and;
            this.parts = parts.toArray(FilterCondition[]::new);
        }

        @Override
        boolean test(Filter.FieldSource fields) {
            for (FilterCondition part : parts) {
                if (part.test(fields) != and) {
                    return !and;
                }
            }
            return and;
        }

        @Override
        String text(List<String> names) {
            StringBuilder text = new StringBuilder();
            for (FilterCondition part : parts) {
                if (!text.isEmpty()) {
                    text.append(and ? " and " : " or ");
                }
                boolean group = part instanceof Junction;
                text.append(group ? "(" : "").append(part.text(names)).append(group ? ")" : "");
            }
            return text.toString();
        }
    }

    /** {@code not a}. */
    static final class Not extends FilterCondition {

        private static final long serialVersionUID = 1L;

        private final FilterCondition negated;

        Not(FilterCondition negated) {
            this.negated = negated;
        }

        @Override
        boolean test(Filter.FieldSource fields) {
            return !negated.test(fields);
        }

        @Override
        String text(List<String> names) {
            boolean group = negated instanceof Junction;
            return "not " + (group ? "(" : "") + negated.text(names) + (group ? ")" : "");
        }
    }

    /**
     * A field compared with one or more operands: {@code = != < <= > >=}, {@code in (...)}, {@code between ... and},
     * {@code starts with}. An entry without the field never matches (so {@code not} of such a comparison does).
     */
    static final class Comparison extends FilterCondition {

        private static final long serialVersionUID = 1L;

        enum Kind { OP, IN, BETWEEN, STARTS_WITH }

        private final int field;
        private final Kind kind;
        private final Filter.Op op;
        private final String[] operands;
        /** The operands as numbers, parsed on first use (immutable, so threads may race on it harmlessly). */
        private transient Operand[] numeric;

        Comparison(int field, Kind kind, Filter.Op op, List<String> operands) {
            this.field = field;
            this.kind = kind;
            this.op = op;
            this.operands = operands.toArray(String[]::new);
        }

        int field() {
            return field;
        }

        Filter.Op op() {
            return op;
        }

        String operand() {
            return operands[0];
        }

        Kind kind() {
            return kind;
        }

        @Override
        boolean test(Filter.FieldSource fields) {
            Object value = fields.value(field);
            if (value == null) {
                return false;
            }
            String name = fields.name(field);
            return switch (kind) {
                case OP -> op.test(compare(name, value, 0));
                case IN -> {
                    for (int i = 0; i < operands.length; i++) {
                        if (compare(name, value, i) == 0) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case BETWEEN -> compare(name, value, 0) >= 0 && compare(name, value, 1) <= 0;
                case STARTS_WITH -> value.toString().startsWith(operands[0]);
            };
        }

        /** The field's value compared with operand {@code i}, by the value's type. */
        private int compare(String name, Object value, int i) {
            if (value instanceof Number number) {
                return numeric(name, i).compareTo(number);
            }
            if (value instanceof Boolean bool) {
                if (kind == Kind.OP && op != Filter.Op.EQ && op != Filter.Op.NE || kind == Kind.BETWEEN) {
                    throw new IllegalArgumentException("Field '" + name + "' is a boolean: only =, != and in apply");
                }
                return bool.equals(Boolean.parseBoolean(operands[i])) ? 0 : 1;
            }
            return value.toString().compareTo(operands[i]);
        }

        private Operand numeric(String name, int i) {
            Operand[] parsed = numeric;
            if (parsed == null) {
                parsed = new Operand[operands.length];
                numeric = parsed;
            }
            if (parsed[i] == null) {
                try {
                    parsed[i] = new Operand(new BigDecimal(operands[i]));
                }
                catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Field '" + name + "' is numeric but the filter compares it with '"
                            + operands[i] + "', which is not a number");
                }
            }
            return parsed[i];
        }

        @Override
        String text(List<String> names) {
            String name = names.get(field);
            return switch (kind) {
                case OP -> name + " " + op.symbol() + " " + operands[0];
                case IN -> name + " in (" + String.join(", ", operands) + ")";
                case BETWEEN -> name + " between " + operands[0] + " and " + operands[1];
                case STARTS_WITH -> name + " starts with " + operands[0];
            };
        }
    }

    /**
     * An operand as a decimal, and as a double or a long when it is exactly one, so that most comparisons with a
     * stored number need no decimal.
     */
    static final class Operand {

        private final BigDecimal decimal;
        private final double asDouble;
        private final boolean doubleExact;
        private final long asLong;
        private final boolean longExact;

        Operand(BigDecimal decimal) {
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

        /** A stored number compared with this operand: negative when the number is smaller. */
        int compareTo(Number number) {
            if (number instanceof Double || number instanceof Float) {
                if (doubleExact) {
                    double d = number.doubleValue();
                    if (Double.isFinite(d)) {
                        return Double.compare(d == 0 ? 0.0 : d, asDouble);
                    }
                }
            }
            else if (longExact && (number instanceof Long || number instanceof Integer || number instanceof Short
                    || number instanceof Byte)) {
                return Long.compare(number.longValue(), asLong);
            }
            return Numbers.toBigDecimal(number).compareTo(decimal);
        }
    }
}
