package io.affinitygrid.client;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;

/** Refuses values larger than {@link GridConfig#maxValueSize()} once serialized, before anything is sent. Thread-safe. */
final class ValueSizeLimit {

    private final long maxValueSize;
    private final IgniteBinary binary;

    ValueSizeLimit(long maxValueSize, IgniteBinary binary) {
        this.maxValueSize = maxValueSize;
        this.binary = binary;
    }

    /**
     * Checks the size of a value for map {@code mapName}.
     *
     * @throws IllegalArgumentException naming the size, the limit and the setting
     */
    void check(String mapName, Object value) {
        long size = serializedSize(value, 0);
        if (size > maxValueSize) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "A value for map '%s' is %,d bytes once"
                    + " serialized, above the limit of %,d bytes (GridConfig.Builder.maxValueSize): nothing was sent. Store it"
                    + " in smaller pieces, or raise maxValueSize.", mapName, size, maxValueSize));
        }
    }

    /**
     * About how many bytes a value takes once serialized: exactly for Ignite's binary objects, arrays of primitives
     * and text (bytes of UTF-8), as the sum of the elements for arrays and collections; 0 for small scalar types.
     */
    private long serializedSize(Object value, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?> || value instanceof java.util.UUID || value instanceof java.util.Date
                || value instanceof java.time.temporal.Temporal) {
            return 0;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof String text) {
            // a char takes 1 to 3 bytes in UTF-8: count them only when it could matter
            return (long) text.length() * 3 <= maxValueSize ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
            int width = switch (value.getClass().getComponentType().getName()) {
                case "boolean" -> 1;
                case "short", "char" -> 2;
                case "int", "float" -> 4;
                default -> 8;
            };
            return (long) java.lang.reflect.Array.getLength(value) * width;
        }
        if (value instanceof BinaryObject binaryObject) {
            return binaryObject.size();
        }
        if (depth > 2) {
            return 0;
        }
        if (value instanceof Object[] array) {
            long total = 0;
            for (Object element : array) {
                total += serializedSize(element, depth + 1);
            }
            return total;
        }
        if (value instanceof Collection<?> collection) {
            long total = 0;
            for (Object element : collection) {
                total += serializedSize(element, depth + 1);
            }
            return total;
        }
        if (value instanceof Map<?, ?> map) {
            long total = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += serializedSize(entry.getKey(), depth + 1) + serializedSize(entry.getValue(), depth + 1);
            }
            return total;
        }
        Object serialized;
        try {
            serialized = binary.toBinary(value);
        }
        catch (RuntimeException e) {
            return 0; // a value Ignite cannot serialize: the write itself reports why
        }
        return serialized == value ? 0 : serializedSize(serialized, depth + 1);
    }
}
