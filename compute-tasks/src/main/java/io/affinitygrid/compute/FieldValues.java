package io.affinitygrid.compute;

import org.apache.ignite.binary.BinaryField;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.internal.binary.BinaryObjectEx;

/**
 * Reads a named field from a cache value kept in binary form, without deserializing the value.
 *
 * <p>A field is read through a {@link BinaryField} handle resolved once per binary type and field name, not by
 * name for every entry (which hashes the name and looks the field up in the schema each time). Handles are kept
 * per thread: scans run on the node's own pool threads, so a handle always belongs to the node whose objects it
 * reads.
 */
final class FieldValues {

    /** Pseudo-field naming a plain (non-object) value itself, e.g. the text of a {@code String} value. */
    static final String SELF = "_value";

    /** Handles resolved by the current thread: a few (type, field) pairs, most recently resolved first. */
    private static final ThreadLocal<Handles> HANDLES = ThreadLocal.withInitial(Handles::new);

    private FieldValues() {
    }

    /**
     * Returns the field of a binary value; the value itself when it is not a binary object and
     * {@code field} is {@value #SELF}; otherwise {@code null}.
     */
    static Object read(Object value, String field) {
        if (value instanceof FieldRow row) {
            return row.get(field);
        }
        if (value instanceof BinaryObjectEx binary) {
            return HANDLES.get().field(binary, field).value(binary);
        }
        if (value instanceof BinaryObject binary) {
            return binary.field(field);
        }
        return SELF.equals(field) ? value : null;
    }

    /** The error for a field that none of the scanned entries has: almost always a misspelt name. */
    static GridTaskException noSuchField(String cacheName, String field) {
        return new MissingFieldException(cacheName, field, "");
    }

    /** A small per-thread table of field handles; a scan reads one to three fields of one or two types. */
    private static final class Handles {

        private static final int SIZE = 8;

        private final int[] typeIds = new int[SIZE];
        private final String[] names = new String[SIZE];
        private final BinaryField[] fields = new BinaryField[SIZE];
        private int next;

        BinaryField field(BinaryObjectEx binary, String name) {
            int typeId = binary.typeId();
            for (int i = 0; i < SIZE; i++) {
                String known = names[i];
                if (known == null) {
                    break;
                }
                if (typeIds[i] == typeId && (known == name || known.equals(name))) {
                    return fields[i];
                }
            }
            BinaryField field = binary.type().field(name);
            int slot = next;
            next = (next + 1) % SIZE;
            typeIds[slot] = typeId;
            names[slot] = name;
            fields[slot] = field;
            return field;
        }
    }
}
