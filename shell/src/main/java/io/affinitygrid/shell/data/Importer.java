package io.affinitygrid.shell.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.client.GridInterruptedException;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.GridRecord;

/**
 * Turns the lines of a file into entries and writes them in batches ({@code putAll}). A line whose key is missing
 * or of the wrong type, or whose value the grid would refuse (a field of another type than the one the type already
 * has), is rejected with its line number and the reason; the others are written. Not thread-safe: one per import.
 */
public final class Importer {

    /** Entries per {@code putAll}. */
    static final int BATCH = 1000;

    /** A line that was not written, and why. */
    public record Rejected(long line, String reason) {
    }

    private final GridMap<Object, Object> map;
    private final String keyField;
    private final KeyType keyType;
    private final String typeName;
    private final Map<Object, Object> batch = new LinkedHashMap<>();
    private final Map<Object, Long> batchLines = new LinkedHashMap<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private long written;
    private long read;

    /**
     * @param keyField the field that holds each line's key, unless the line has a {@value Records#KEY} column (as
     *        files written by {@code export} do), which is then the key and not a field
     */
    public Importer(GridMap<Object, Object> map, String keyField, KeyType keyType, String typeName) {
        this.map = map;
        this.keyField = keyField;
        this.keyType = keyType;
        this.typeName = typeName;
    }

    /**
     * Takes one line: rejects it, or adds it to the batch, writing the batch when full.
     *
     * @throws GridInterruptedException when interrupted while writing
     * @throws io.affinitygrid.client.GridException when the grid fails
     */
    public void accept(SourceLine line) {
        read++;
        if (line.problem() != null) {
            rejected.add(new Rejected(line.number(), line.problem()));
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>(line.fields());
        Object rawKey = fields.containsKey(Records.KEY) ? fields.remove(Records.KEY) : field(fields, keyField);
        if (rawKey == null) {
            rejected.add(new Rejected(line.number(), "no value for the key field '" + keyField + "'"));
            return;
        }
        Object key;
        try {
            key = keyType.key(rawKey);
        }
        catch (IllegalArgumentException e) {
            rejected.add(new Rejected(line.number(), e.getMessage()));
            return;
        }
        Object value = fields.size() == 1 && fields.containsKey(Records.VALUE) ? fields.get(Records.VALUE) : GridRecord.of(typeName, fields);
        batch.put(key, value);
        batchLines.put(key, line.number());
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    /** Writes what is left of the batch. */
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try {
            map.putAll(batch);
            written += batch.size();
        }
        catch (IllegalArgumentException refused) {
            // some value does not fit: write them one by one, to tell which
            batch.forEach((key, value) -> {
                try {
                    map.put(key, value);
                    written++;
                }
                catch (IllegalArgumentException e) {
                    rejected.add(new Rejected(batchLines.get(key), e.getMessage()));
                }
            });
        }
        batch.clear();
        batchLines.clear();
    }

    /** Entries written so far. */
    public long written() {
        return written;
    }

    /** Lines taken so far (written, waiting in the batch, or rejected). */
    public long read() {
        return read;
    }

    /** The lines rejected so far, by line number. */
    public List<Rejected> rejected() {
        List<Rejected> sorted = new ArrayList<>(rejected);
        sorted.sort((a, b) -> Long.compare(a.line(), b.line()));
        return sorted;
    }

    private static Object field(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
