package io.affinitygrid.shell.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.affinitygrid.client.GridRecord;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.shell.output.TextTable;
import io.affinitygrid.shell.output.Values;

/**
 * How the shell shows entries read through the SDK's record view: the key, then the fields of records (without the
 * grid's bookkeeping field {@value UpdateResult#LAST_UPDATE_FIELD}), or {@value #KEY} and {@value #VALUE} for plain
 * values. Stateless.
 */
public final class Records {

    /** The column of an entry's key in tables and files. */
    public static final String KEY = "_key";

    /** The column of a plain value (text, a number) in tables and files. */
    public static final String VALUE = "_value";

    private Records() {
    }

    /** The value without the bookkeeping of bulk updates; the value itself when it is not a record. */
    public static Object withoutBookkeeping(Object value) {
        if (value instanceof GridRecord record && record.fields().containsKey(UpdateResult.LAST_UPDATE_FIELD)) {
            Map<String, Object> fields = new LinkedHashMap<>(record.fields());
            fields.remove(UpdateResult.LAST_UPDATE_FIELD);
            return GridRecord.of(record.typeName(), fields);
        }
        return value;
    }

    /** Whether a field is the grid's bookkeeping, never shown nor exported. */
    public static boolean isBookkeeping(String field) {
        return UpdateResult.LAST_UPDATE_FIELD.equalsIgnoreCase(field);
    }

    /** The columns of entries: {@value #KEY}, then every field in the order first seen ({@value #VALUE} for plain values). */
    public static List<String> columns(List<? extends Map.Entry<?, ?>> entries) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(KEY);
        for (Map.Entry<?, ?> entry : entries) {
            columns.addAll(fields(entry.getValue()).keySet());
        }
        return new ArrayList<>(columns);
    }

    /** A value as named cells: a record's fields (bookkeeping left out), or {@value #VALUE}. */
    public static Map<String, Object> fields(Object value) {
        if (value instanceof GridRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>(record.fields());
            fields.keySet().removeIf(Records::isBookkeeping);
            return fields;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put(VALUE, value);
        return plain;
    }

    /** One row of {@code columns} for an entry: its key, then its cells (empty where it lacks a field). */
    public static Object[] row(List<String> columns, Object key, Object value) {
        Map<String, Object> fields = fields(value);
        Object[] row = new Object[columns.size()];
        row[0] = Values.cell(key);
        for (int i = 1; i < row.length; i++) {
            row[i] = Values.cell(fields.get(columns.get(i)));
        }
        return row;
    }

    /** A table of entries: the key, then a column per field. */
    public static TextTable table(List<? extends Map.Entry<?, ?>> entries) {
        List<String> columns = columns(entries);
        TextTable table = TextTable.withHeader(columns.toArray(String[]::new));
        entries.forEach(entry -> table.row(row(columns, entry.getKey(), entry.getValue())));
        return table;
    }
}
