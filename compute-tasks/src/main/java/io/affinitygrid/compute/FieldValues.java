package io.affinitygrid.compute;

import org.apache.ignite.binary.BinaryObject;

/** Reads a named field from a cache value kept in binary form, without deserializing the value. */
final class FieldValues {

    private FieldValues() {
    }

    /**
     * Returns the field of a binary value, or {@code null} when the value is not a binary object or has no
     * such field.
     */
    static Object read(Object value, String field) {
        if (value instanceof BinaryObject binary) {
            return binary.field(field);
        }
        return null;
    }

    /** Describes a value's type for error messages: the binary type name rather than the Java class. */
    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
