package io.affinitygrid.shell.data;

import java.util.Locale;
import java.util.UUID;

/**
 * How a key typed on the command line (or read from a file) is stored: {@code --key-type long|int|string|uuid}, or,
 * when none is given, a whole number as a {@code Long} (like the keys of the sample data) and anything else as text.
 */
public enum KeyType {

    /** A whole number as a Long, else text. */
    GUESS,
    LONG,
    INT,
    STRING,
    UUID;

    /** The option's help text. */
    public static final String HELP = "the key's type: long, int, string or uuid (default: a whole number is a long, else text)";

    /**
     * The type named by {@code --key-type} (any case); {@link #GUESS} when not given.
     *
     * @throws IllegalArgumentException for an unknown type
     */
    public static KeyType of(String name) {
        if (name == null || name.isBlank()) {
            return GUESS;
        }
        for (KeyType type : values()) {
            if (type != GUESS && type.name().equalsIgnoreCase(name.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("--key-type must be long, int, string or uuid, got '" + name + "'");
    }

    /**
     * The key {@code value} as this type: text as typed, or a number or text read from a file.
     *
     * @throws IllegalArgumentException when it is not of this type, saying what was expected
     */
    public Object key(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("the key must not be empty");
        }
        String text = value.toString().strip();
        try {
            return switch (this) {
                case GUESS -> value instanceof Long ? value : guess(text);
                case LONG -> Long.valueOf(text);
                case INT -> Integer.valueOf(text);
                case STRING -> value.toString();
                case UUID -> java.util.UUID.fromString(text);
            };
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key '" + value + "' is not " + switch (this) {
                case INT -> "an int (a whole number from -2147483648 to 2147483647)";
                case UUID -> "a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)";
                default -> "a long (a whole number)";
            });
        }
    }

    private static Object guess(String text) {
        try {
            return Long.valueOf(text);
        }
        catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /** The type as typed, e.g. {@code long}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a key is named in messages: {@code key 42}, {@code key 'abc'}. */
    public static String describe(Object key) {
        return key instanceof Number || key instanceof UUID ? "key " + key : "key '" + key + "'";
    }
}
