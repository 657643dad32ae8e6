package io.affinitygrid.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.binary.BinaryObjectBuilder;
import org.apache.ignite.binary.BinaryType;

/**
 * Turns {@link GridRecord}s into the grid's binary objects and back, for {@link Grid#records(String, Class)}.
 * A number written into a field that the type already has is given the field's type when that loses nothing
 * (12 into a {@code double} field is 12.0), since the grid refuses a field whose type changes; anything else
 * that does not fit is refused with an {@link IllegalArgumentException} naming the field. Thread-safe.
 */
final class RecordCodec implements ValueCodec {

    private static final int MAX_DEPTH = 16;

    private final IgniteBinary binary;

    RecordCodec(IgniteBinary binary) {
        this.binary = binary;
    }

    @Override
    public Object toStored(Object value) {
        return value instanceof GridRecord record ? toBinary(record, 0) : value;
    }

    @Override
    public Object fromStored(Object stored) {
        return plain(stored, 0);
    }

    private BinaryObject toBinary(GridRecord record, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Records nest deeper than " + MAX_DEPTH + " levels");
        }
        BinaryType known = binary.type(record.typeName());
        BinaryObjectBuilder builder = binary.builder(record.typeName());
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            String name = field.getKey();
            Object value = stored(field.getValue(), depth);
            if (known != null) {
                String existing = existingName(known, name);
                if (existing != null) {
                    name = existing;
                    value = fit(record.typeName(), name, known.fieldTypeName(name), value);
                }
            }
            builder.setField(name, value);
        }
        return builder.build();
    }

    private Object stored(Object value, int depth) {
        if (value instanceof GridRecord nested) {
            return toBinary(nested, depth + 1);
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(stored(item, depth + 1)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, stored(v, depth + 1)));
            return copy;
        }
        return value;
    }

    /** The name under which the type has the field, whatever its case; {@code null} when it has none. */
    private static String existingName(BinaryType type, String field) {
        for (String name : type.fieldNames()) {
            if (name.equalsIgnoreCase(field)) {
                return name;
            }
        }
        return null;
    }

    /** {@code value} as the field's type {@code typeName} (Ignite's names: long, double, String, ...). */
    static Object fit(String recordType, String field, String typeName, Object value) {
        if (value == null || typeName == null) {
            return value;
        }
        try {
            return switch (typeName) {
                case "long" -> value instanceof Number n ? Long.valueOf(exact(n).longValueExact()) : refuse(value);
                case "int" -> value instanceof Number n ? Integer.valueOf(exact(n).intValueExact()) : refuse(value);
                case "short" -> value instanceof Number n ? Short.valueOf(exact(n).shortValueExact()) : refuse(value);
                case "byte" -> value instanceof Number n ? Byte.valueOf(exact(n).byteValueExact()) : refuse(value);
                case "double" -> value instanceof Number n ? Double.valueOf(n.doubleValue()) : refuse(value);
                case "float" -> value instanceof Number n ? Float.valueOf(n.floatValue()) : refuse(value);
                case "decimal" -> value instanceof Number n ? exact(n) : refuse(value);
                case "String" -> value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                        ? value.toString() : refuse(value);
                case "boolean" -> value instanceof Boolean ? value : refuse(value);
                default -> value;
            };
        }
        catch (ArithmeticException | IllegalStateException e) {
            throw new IllegalArgumentException("Field '" + field + "' of type '" + recordType + "' holds " + typeName
                    + " values; " + describe(value) + " does not fit it");
        }
    }

    private static Object refuse(Object value) {
        throw new IllegalStateException(String.valueOf(value));
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static String describe(Object value) {
        return value instanceof CharSequence ? "the text '" + value + "'" : value.getClass().getSimpleName() + " " + value;
    }

    /** A value read from the grid with its objects as records, their collections as lists and maps. */
    private static Object plain(Object value, int depth) {
        if (value instanceof BinaryObject object) {
            BinaryType type = object.type();
            if (type.isEnum()) {
                return object.enumName();
            }
            GridRecord.Builder record = GridRecord.builder(type.typeName());
            for (String name : type.fieldNames()) {
                if (object.hasField(name)) {
                    record.field(name, depth > MAX_DEPTH ? null : plain(object.field(name), depth + 1));
                }
            }
            return record.build();
        }
        if (value instanceof Object[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (Object item : array) {
                list.add(plain(item, depth + 1));
            }
            return list;
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(plain(item, depth + 1)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(plain(k, depth + 1), plain(v, depth + 1)));
            return copy;
        }
        return value;
    }
}
