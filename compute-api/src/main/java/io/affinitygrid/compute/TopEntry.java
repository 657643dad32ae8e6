package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a {@code TopTask} result: its key, the value of the ranking field, and the value's fields
 * (nested objects rendered as text). Immutable.
 */
public final class TopEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object key;
    private final Object rank;
    private final Map<String, Object> fields;

    public TopEntry(Object key, Object rank, Map<String, Object> fields) {
        this.key = key;
        this.rank = rank;
        this.fields = new LinkedHashMap<>(fields);
    }

    /** The entry's key. */
    public Object key() {
        return key;
    }

    /** The value of the field the entries were ranked by. */
    public Object rank() {
        return rank;
    }

    /** The value's fields by name, in the order of the value's type. */
    public Map<String, Object> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopEntry t && Objects.equals(key, t.key) && Objects.equals(rank, t.rank) && fields.equals(t.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, rank);
    }

    @Override
    public String toString() {
        return "TopEntry[" + key + " -> " + rank + " " + fields + "]";
    }
}
