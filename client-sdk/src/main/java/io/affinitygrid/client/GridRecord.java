package io.affinitygrid.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A value made of named fields, stored on the grid as an object of a type that no application class has to
 * exist for: written through {@link Grid#records(String, Class)}, it becomes an object of type {@link #typeName()}
 * in the grid's binary form, whose fields the computations read like those of any stored object
 * ({@code grid.compute().on(map).sum("amount")}). Any object read through that view comes back as a record, so
 * values written by applications whose classes this one lacks can be read too.
 *
 * <p>Field values are {@code null}, text, numbers ({@code Long}, {@code Integer}, {@code Double},
 * {@code BigDecimal}, ...), {@code Boolean}, {@code UUID}, dates and times, nested {@code GridRecord}s, and lists
 * and maps of these. A field whose value is {@code null} is not stored.
 *
 * <pre>{@code
 * GridMap<Long, Object> orders = grid.records("orders", Long.class);
 * orders.put(7L, GridRecord.builder("Order").field("id", 7L).field("region", "north").field("amount", 12.5).build());
 * GridRecord order = (GridRecord) orders.get(7L);
 * Object amount = order.get("amount");   // 12.5
 * }</pre>
 *
 * <p>Immutable and thread-safe (when its field values are).
 */
public final class GridRecord {

    private final String typeName;
    private final Map<String, Object> fields;

    private GridRecord(String typeName, Map<String, Object> fields) {
        this.typeName = typeName;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * A record of type {@code typeName} with a copy of {@code fields}, in their iteration order.
     *
     * @throws NullPointerException when an argument, or a field name, is null
     * @throws IllegalArgumentException when the type name or a field name is blank, or two field names differ only
     *         in case (the grid keys fields by their lower-cased names)
     */
    public static GridRecord of(String typeName, Map<String, ?> fields) {
        Builder builder = builder(typeName);
        Objects.requireNonNull(fields, "fields must not be null").forEach(builder::field);
        return builder.build();
    }

    /**
     * A builder of a record of type {@code typeName}.
     *
     * @throws NullPointerException when {@code typeName} is null
     * @throws IllegalArgumentException when {@code typeName} is blank
     */
    public static Builder builder(String typeName) {
        return new Builder(ThinClientGridCompute.requireText(typeName, "typeName"));
    }

    /** The name of the record's type on the grid; never null. */
    public String typeName() {
        return typeName;
    }

    /** The fields by name, in their order; unmodifiable, never null. Fields whose value is null are absent. */
    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * The value of a field, by its name in any case ({@code Amount} is {@code amount}, as on the grid).
     *
     * @return the value, or {@code null} when the record has no such field
     */
    public Object get(String field) {
        Object value = fields.get(field);
        if (value != null || field == null) {
            return value;
        }
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridRecord other && typeName.equals(other.typeName) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeName, fields);
    }

    @Override
    public String toString() {
        return typeName + fields;
    }

    /** Builds a {@link GridRecord}. Not thread-safe. */
    public static final class Builder {

        private final String typeName;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final Map<String, String> lowerCased = new LinkedHashMap<>();

        private Builder(String typeName) {
            this.typeName = typeName;
        }

        /**
         * Sets a field; a {@code null} value removes it.
         *
         * @throws NullPointerException when {@code name} is null
         * @throws IllegalArgumentException when {@code name} is blank, or another field's name differs from it only
         *         in case
         */
        public Builder field(String name, Object value) {
            ThinClientGridCompute.requireText(name, "field name");
            String previous = lowerCased.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (previous != null && !previous.equals(name)) {
                throw new IllegalArgumentException("Fields '" + previous + "' and '" + name + "' differ only in case;"
                        + " the grid keys fields by their lower-cased names, so a record can have only one of them");
            }
            if (value == null) {
                fields.remove(name);
                lowerCased.remove(name.toLowerCase(Locale.ROOT));
            }
            else {
                fields.put(name, value);
            }
            return this;
        }

        /** The record; the builder may go on being used. */
        public GridRecord build() {
            return new GridRecord(typeName, new LinkedHashMap<>(fields));
        }
    }
}
