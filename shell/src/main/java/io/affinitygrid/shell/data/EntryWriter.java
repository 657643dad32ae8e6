package io.affinitygrid.shell.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.affinitygrid.shell.output.Csv;
import io.affinitygrid.shell.output.Values;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes entries to a file as {@code import} reads them back, with Jackson: CSV with a header line of the key
 * ({@value Records#KEY}) and the given fields (a nested object as JSON text in its cell), or one JSON object per line
 * with the key under {@value Records#KEY} and every field. The bookkeeping field of bulk updates is left out. Not
 * thread-safe.
 */
public final class EntryWriter implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final FileFormat format;
    private final Writer out;
    private final List<String> columns;
    private final SequenceWriter sequence;
    private final Set<String> leftOut = new TreeSet<>();

    /**
     * @param columns the fields of the CSV columns after the key (ignored for JSON lines)
     */
    public EntryWriter(Writer out, FileFormat format, List<String> columns) {
        this.out = out;
        this.format = format;
        if (format == FileFormat.CSV) {
            this.columns = new java.util.ArrayList<>();
            this.columns.add(Records.KEY);
            this.columns.addAll(columns);
            this.sequence = Csv.writer(this.columns).writeValues(out);
        }
        else {
            this.columns = List.of();
            this.sequence = null; // a line per entry, each ended by a newline (a sequence writer ends the last one without)
        }
    }

    /** Writes one entry. */
    public void write(Object key, Object value) {
        Map<String, Object> fields = Records.fields(value);
        if (format == FileFormat.CSV) {
            for (String field : fields.keySet()) {
                if (!columns.contains(field)) {
                    leftOut.add(field);
                }
            }
            sequence.write(Records.row(columns, key, value));
        }
        else {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put(Records.KEY, Values.plain(key));
            fields.forEach((name, v) -> line.put(name, Values.plain(v)));
            try {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fields that entries had but the CSV's columns did not (so they are not in the file). */
    public Set<String> leftOut() {
        return leftOut;
    }

    @Override
    public void close() {
        if (sequence != null) {
            sequence.close();
            return;
        }
        try {
            out.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
