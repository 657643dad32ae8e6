package io.affinitygrid.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a filter expression (see {@link Filter#parse}) by recursive descent; every error names the position
 * (1-based) where the expression stops making sense and what was expected there. One use per instance.
 *
 * <pre>
 * expression := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | "(" expression ")" | comparison
 * comparison := field (op value | ["not"] "in" "(" value ("," value)* ")" | "between" value "and" value
 *               | "starts" "with" value)
 * value      := 'text' | "text" | a word without spaces, commas or parentheses
 * </pre>
 */
final class FilterParser {

    private static final String OPS = "=, !=, <, <=, >, >=, in (...), between ... and ..., starts with";

    private final String text;
    private final List<String> fields = new ArrayList<>();
    private int at;

    FilterParser(String text) {
        this.text = text;
    }

    List<String> fields() {
        return fields;
    }

    FilterCondition parse() {
        skipSpace();
        if (at == text.length()) {
            throw new IllegalArgumentException("A filter must not be blank; write field op value, e.g. amount > 100");
        }
        FilterCondition condition = expression();
        skipSpace();
        if (at < text.length()) {
            throw error("'and', 'or' or the end of the filter");
        }
        return condition;
    }

    private FilterCondition expression() {
        List<FilterCondition> parts = new ArrayList<>(List.of(and()));
        while (keyword("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new FilterCondition.Junction(false, parts);
    }

    private FilterCondition and() {
        List<FilterCondition> parts = new ArrayList<>(List.of(unary()));
        while (keyword("and")) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new FilterCondition.Junction(true, parts);
    }

    private FilterCondition unary() {
        if (keyword("not")) {
            return new FilterCondition.Not(unary());
        }
        if (symbol("(")) {
            FilterCondition inner = expression();
            if (!symbol(")")) {
                throw error("')'");
            }
            return inner;
        }
        return comparison();
    }

    private FilterCondition comparison() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_' || text.charAt(at) == '$')) {
            at++;
        }
        if (at == start || Character.isDigit(text.charAt(start))) {
            at = start;
            throw error("a field name");
        }
        int field = field(text.substring(start, at));
        skipSpace();
        for (String symbol : List.of("<=", ">=", "!=", "=", "<", ">")) {
            if (text.startsWith(symbol, at)) {
                at += symbol.length();
                String operand = value();
                return new FilterCondition.Comparison(field, FilterCondition.Comparison.Kind.OP, opOf(symbol), List.of(operand));
            }
        }
        boolean negated = keyword("not");
        if (keyword("in")) {
            FilterCondition in = in(field);
            return negated ? new FilterCondition.Not(in) : in;
        }
        if (negated) {
            throw error("'in' after 'not'");
        }
        if (keyword("between")) {
            String low = value();
            if (!keyword("and")) {
                throw error("'and' between the two bounds");
            }
            return new FilterCondition.Comparison(field, FilterCondition.Comparison.Kind.BETWEEN, null, List.of(low, value()));
        }
        if (keyword("starts")) {
            if (!keyword("with")) {
                throw error("'with' after 'starts'");
            }
            return new FilterCondition.Comparison(field, FilterCondition.Comparison.Kind.STARTS_WITH, null, List.of(value()));
        }
        throw error("an operator (" + OPS + ")");
    }

    private FilterCondition in(int field) {
        if (!symbol("(")) {
            throw error("'(' and a list of values, e.g. in (north, south)");
        }
        List<String> values = new ArrayList<>(List.of(value()));
        while (symbol(",")) {
            values.add(value());
        }
        if (!symbol(")")) {
            throw error("',' or ')'");
        }
        return new FilterCondition.Comparison(field, FilterCondition.Comparison.Kind.IN, null, values);
    }

    private String value() {
        skipSpace();
        if (at == text.length()) {
            throw error("a value");
        }
        char first = text.charAt(at);
        if (first == '\'' || first == '"') {
            int end = text.indexOf(first, at + 1);
            if (end < 0) {
                throw error("the closing " + first + " of the value");
            }
            String value = text.substring(at + 1, end);
            at = end + 1;
            return value;
        }
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && "(),".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        if (at == start || "<>=!".indexOf(first) >= 0) {
            at = start;
            throw error("a value");
        }
        return text.substring(start, at);
    }

    private int field(String name) {
        int index = fields.indexOf(name);
        if (index < 0) {
            fields.add(name);
            index = fields.size() - 1;
        }
        return index;
    }

    private static Filter.Op opOf(String symbol) {
        for (Filter.Op op : Filter.Op.values()) {
            if (op.symbol().equals(symbol)) {
                return op;
            }
        }
        throw new IllegalStateException(symbol);
    }

    /** Consumes {@code word} as a whole word, case-insensitively, if it comes next. */
    private boolean keyword(String word) {
        skipSpace();
        int end = at + word.length();
        if (end <= text.length() && text.substring(at, end).toLowerCase(Locale.ROOT).equals(word)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        skipSpace();
        if (text.startsWith(symbol, at)) {
            at += symbol.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = at >= text.length() ? "the end of the filter" : "'" + text.substring(at, Math.min(text.length(), at + 12)) + "'";
        return new IllegalArgumentException("Cannot read the filter '" + text + "' at position " + (at + 1) + ": expected "
                + expected + ", found " + found + ". Quote values with spaces ('north america'). Write e.g. amount > 100, region in (north, south) and not amount"
                + " between 10 and 20, or customer starts with 'customer-1'.");
    }
}
