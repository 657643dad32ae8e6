package io.affinitygrid.shell.data;

import java.util.Locale;

/** How a value typed on the command line is stored: {@code --value-type string|long|double|json}. */
public enum ValueType {

    STRING,
    LONG,
    DOUBLE,
    /** JSON: an object is stored as an object with fields (a record), anything else as its value. */
    JSON;

    /** The option's help text. */
    public static final String HELP = "the value's type: string (default), long, double or json (an object is stored with its fields)";

    /**
     * The type named by {@code --value-type} (any case); STRING when not given.
     *
     * @throws IllegalArgumentException for an unknown type
     */
    public static ValueType of(String name) {
        if (name == null || name.isBlank()) {
            return STRING;
        }
        for (ValueType type : values()) {
            if (type.name().equalsIgnoreCase(name.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("--value-type must be string, long, double or json, got '" + name + "'");
    }

    /**
     * The value {@code text} as this type; a JSON object as a record of type {@code typeName}.
     *
     * @throws IllegalArgumentException when the text is not of this type, saying what was expected
     */
    public Object value(String text, String typeName) {
        try {
            return switch (this) {
                case STRING -> text;
                case LONG -> Long.valueOf(text.strip().replace("_", ""));
                case DOUBLE -> finite(Double.valueOf(text.strip().replace("_", "")));
                case JSON -> {
                    Object value = JsonValues.read(text, typeName);
                    if (value == null) {
                        throw new IllegalArgumentException("--value is JSON null: nothing to store; use 'remove' to remove an entry");
                    }
                    yield value;
                }
            };
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--value must be " + (this == LONG ? "a whole number" : "a number")
                    + " with --value-type " + word() + ", got '" + text + "'");
        }
        catch (IllegalArgumentException e) {
            if (this == JSON && !e.getMessage().startsWith("--value")) {
                throw new IllegalArgumentException("--value is " + e.getMessage() + ". Write JSON without spaces between its parts,"
                        + " e.g. --value {\"id\":1,\"region\":\"north\"}");
            }
            throw e;
        }
    }

    private static Double finite(Double d) {
        if (!Double.isFinite(d)) {
            throw new NumberFormatException();
        }
        return d;
    }

    /** The type as typed, e.g. {@code json}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
