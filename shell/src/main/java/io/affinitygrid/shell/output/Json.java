package io.affinitygrid.shell.output;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes the shell's {@code --json} output: maps become objects (in their iteration order), iterables and
 * arrays become arrays, numbers stay numbers (exact decimals in plain notation), and anything else becomes a
 * string. One line, no white space between tokens, so that each result is one line a script can pipe into
 * {@code jq}. Stateless.
 */
public final class Json {

    private Json() {
    }

    /** The JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        }
        else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        }
        else if (value instanceof Object[] items) {
            write(java.util.Arrays.asList(items), out);
        }
        else if (value instanceof Boolean) {
            out.append(value);
        }
        else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        }
        else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            }
            else {
                string(Double.toString(d), out); // JSON has no NaN or Infinity
            }
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(value);
        }
        else {
            string(String.valueOf(value), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
