package io.affinitygrid.shell.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads the lines of a CSV (with a header line) or JSON-lines file as fields, with Jackson. In CSV, a cell that is a
 * number in plain notation becomes a number ({@code Long} when whole, else {@code Double}; one with leading zeros,
 * such as {@code 007}, stays text) and an empty cell is no field. Stateless.
 */
public final class RecordFiles {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)\\.\\d+([eE][-+]?\\d+)?");

    private RecordFiles() {
    }

    /**
     * Reads every line of {@code file} after the header (CSV) and hands it to {@code line}, bad lines included.
     * Lines are numbered as in the file (counting the header). The file is read twice: first to find the fields
     * that hold a fraction on some line, whose whole numbers are then given as {@code Double}s too (the grid keeps
     * one type per field, so 10 then 12.5 would otherwise make 12.5 not fit).
     *
     * @param typeName the type of nested JSON objects' records ({@code <type>.<field>})
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when the CSV has no header, or cannot be read past a point (a quote not closed)
     */
    public static void read(Path file, FileFormat format, String typeName, Consumer<SourceLine> line) {
        Set<String> fractional = new HashSet<>();
        readOnce(file, format, typeName, read -> {
            if (read.fields() != null) {
                read.fields().forEach((name, value) -> {
                    if (value instanceof Double) {
                        fractional.add(name);
                    }
                });
            }
        });
        readOnce(file, format, typeName, read -> line.accept(fractional.isEmpty() || read.fields() == null ? read
                : SourceLine.of(read.number(), asDoubles(read.fields(), fractional))));
    }

    private static Map<String, Object> asDoubles(Map<String, Object> fields, Set<String> fractional) {
        Map<String, Object> converted = new LinkedHashMap<>(fields);
        converted.replaceAll((name, value) -> value instanceof Long whole && fractional.contains(name) ? (Object) whole.doubleValue() : value);
        return converted;
    }

    private static void readOnce(Path file, FileFormat format, String typeName, Consumer<SourceLine> line) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            if (format == FileFormat.CSV) {
                readCsv(reader, line);
            }
            else {
                readJsonLines(reader, typeName, line);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code file} that hold data (not blank, not the CSV header): for a progress bar. */
    public static long countLines(Path file, FileFormat format) {
        try (var lines = Files.lines(file)) {
            long count = lines.filter(l -> !l.isBlank()).count();
            return format == FileFormat.CSV ? Math.max(0, count - 1) : count;
        }
        catch (IOException | UncheckedIOException e) {
            return 0; // the import itself reports what is wrong with the file
        }
    }

    private static void readCsv(BufferedReader reader, Consumer<SourceLine> line) throws IOException {
        MappingIterator<List<String>> rows;
        List<String> header;
        try {
            rows = CSV.readerForListOf(String.class).readValues(reader);
            if (!rows.hasNextValue()) {
                throw new IllegalArgumentException("The file is empty: a CSV file starts with a header line naming its columns");
            }
            header = rows.nextValue();
        }
        catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot read the CSV header line: " + e.getOriginalMessage());
        }
        long number = 1;
        while (true) {
            List<String> cells;
            try {
                if (!rows.hasNextValue()) {
                    return;
                }
                cells = rows.nextValue();
                number = rows.parser().currentTokenLocation().getLineNr(); // the row's end, on its line
            }
            catch (JacksonException e) {
                throw new IllegalArgumentException("Cannot read the CSV after line " + number + ": " + e.getOriginalMessage());
            }
            if (cells.size() != header.size()) {
                line.accept(SourceLine.bad(number, cells.size() + " values, but the header has " + header.size() + " columns"));
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                if (cell != null && !cell.isEmpty()) {
                    fields.put(header.get(i).strip(), cell(cell));
                }
            }
            line.accept(SourceLine.of(number, fields));
        }
    }

    private static void readJsonLines(BufferedReader reader, String typeName, Consumer<SourceLine> line) throws IOException {
        long number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            try {
                line.accept(SourceLine.of(number, JsonValues.object(text, typeName)));
            }
            catch (IllegalArgumentException e) {
                line.accept(SourceLine.bad(number, e.getMessage()));
            }
        }
    }

    /** A CSV cell: a number in plain notation as a number, else the text. */
    static Object cell(String text) {
        String t = text.strip();
        if (WHOLE.matcher(t).matches()) {
            return Long.valueOf(t);
        }
        if (DECIMAL.matcher(t).matches()) {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        }
        return text;
    }
}
