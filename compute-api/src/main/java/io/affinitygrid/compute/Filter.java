package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A predicate on the fields of a map's values, evaluated on the nodes: comparisons {@code field op value} with
 * {@code op} one of {@code = != < <= > >=}, {@code field in (v1, v2, ...)}, {@code field between low and high}
 * (inclusive) and {@code field starts with text}, combined with {@code and}, {@code or}, {@code not} and
 * parentheses ({@code and} binds tighter than {@code or}; keywords in any case). Operands are kept as text and
 * compared by the type of the stored field: as decimal numbers when the field is numeric, as text otherwise
 * ({@code =}, {@code !=} and {@code in} only for booleans). A comparison on a field the value lacks is false.
 * Values with spaces, commas or parentheses are quoted: {@code 'north america'}. Immutable.
 *
 * <pre>{@code
 * Filter.parse("amount >= 100.5")
 * Filter.parse("region in (north, south) and not amount between 10 and 20")
 * Filter.parse("customer starts with 'customer-1' or quantity > 15")
 * }</pre>
 */
public final class Filter implements Serializable {

    private static final long serialVersionUID = 1L;

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

    /** The values of a filter's fields in one entry, by their index in {@link #fields()}. */
    public interface FieldSource {

        /** The value of field {@code index} in the entry, or {@code null} when the entry has none. */
        Object value(int index);

        /** The name of field {@code index}, for errors. */
        String name(int index);
    }

    private final String[] fields;
    private final FilterCondition condition;
    /** {@link #fields} as a list, made once per instance (also after the filter travelled to a node). */
    private transient List<String> fieldList;

    /** A filter of one comparison, {@code field op operand}. */
    public Filter(String field, Op op, String operand) {
        this(new String[] {SumArgument.requireText(field, "filter field")}, new FilterCondition.Comparison(0,
                FilterCondition.Comparison.Kind.OP, Objects.requireNonNull(op, "op"), List.of(Objects.requireNonNull(operand, "operand"))));
    }

    private Filter(String[] fields, FilterCondition condition) {
        this.fields = fields;
        this.condition = condition;
    }

    /**
     * Reads a filter expression, e.g. {@code amount > 100 and region in (north, south)}.
     *
     * @throws IllegalArgumentException when the text is blank or cannot be read; the message names the position
     *     and what was expected there
     */
    public static Filter parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A filter must not be blank; write field op value, e.g. amount > 100");
        }
        FilterParser parser = new FilterParser(text);
        FilterCondition condition = parser.parse();
        return new Filter(parser.fields().toArray(String[]::new), condition);
    }

    /** The fields the filter reads, each once, in the order they first appear. */
    public List<String> fields() {
        List<String> list = fieldList;
        if (list == null) {
            list = List.of(fields);
            fieldList = list;
        }
        return list;
    }

    /** The first field the filter reads (the only one of a single comparison). */
    public String field() {
        return fields[0];
    }

    /** Whether the filter is one comparison {@code field op value}, for which {@link #op()} and {@link #operand()} apply. */
    public boolean isSimple() {
        return condition instanceof FilterCondition.Comparison c && c.kind() == FilterCondition.Comparison.Kind.OP;
    }

    /** The operator of a {@linkplain #isSimple() single comparison}. */
    public Op op() {
        return simple().op();
    }

    /** The operand of a {@linkplain #isSimple() single comparison}. */
    public String operand() {
        return simple().operand();
    }

    private FilterCondition.Comparison simple() {
        if (!isSimple()) {
            throw new IllegalStateException("The filter '" + this + "' is not a single comparison");
        }
        return (FilterCondition.Comparison) condition;
    }

    /**
     * Whether an entry matches, its fields read from {@code source} (each only when a comparison needs it).
     *
     * @throws IllegalArgumentException when a field is numeric and its operand is not a number, or an operator
     *     does not apply to a field's type
     */
    public boolean matches(FieldSource source) {
        return condition.test(source);
    }

    /**
     * Whether a value of the {@linkplain #field() first field} matches; for a filter on one field only.
     *
     * @throws IllegalStateException when the filter reads more than one field
     */
    public boolean test(Object fieldValue) {
        if (fields.length != 1) {
            throw new IllegalStateException("The filter '" + this + "' reads " + fields.length + " fields: use matches(FieldSource)");
        }
        return condition.test(new FieldSource() {
            @Override
            public Object value(int index) {
                return fieldValue;
            }

            @Override
            public String name(int index) {
                return fields[index];
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && toString().equals(f.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return condition.text(fields());
    }
}
