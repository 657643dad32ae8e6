package io.affinitygrid.compute;

import org.apache.ignite.binary.BinaryObject;

/** Reads a named field from a cache value kept in binary form, without deserializing the value. */
final class FieldValues {

    /** Pseudo-field naming a plain (non-object) value itself, e.g. the text of a {@code String} value. */
    static final String SELF = "_value";

    private FieldValues() {
    }

    /**
     * Returns the field of a binary value; the value itself when it is not a binary object and
     * {@code field} is {@value #SELF}; otherwise {@code null}.
     */
    static Object read(Object value, String field) {
        if (value instanceof BinaryObject binary) {
            return binary.field(field);
        }
        return SELF.equals(field) ? value : null;
    }

    /** The error for a field that none of the scanned entries has: almost always a misspelt name. */
    static GridTaskException noSuchField(String cacheName, String field) {
        return new GridTaskException(ErrorCode.BAD_FIELD, "No entry of cache '" + cacheName + "' has a field '" + field
                + "'. Check the field name (names are case-sensitive).");
    }
}
