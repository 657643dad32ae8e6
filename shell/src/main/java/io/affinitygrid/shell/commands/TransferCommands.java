package io.affinitygrid.shell.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.affinitygrid.client.GridInterruptedException;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.GridRecord;
import io.affinitygrid.compute.Filter;
import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.data.EntryWriter;
import io.affinitygrid.shell.data.FileFormat;
import io.affinitygrid.shell.data.Importer;
import io.affinitygrid.shell.data.KeyType;
import io.affinitygrid.shell.data.RecordFiles;
import io.affinitygrid.shell.data.Records;
import io.affinitygrid.shell.output.CommandFailedException;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.ProgressBar;
import io.affinitygrid.shell.output.Results;
import io.affinitygrid.shell.output.ShellErrors;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code import} and {@code export}: a map's entries from and to CSV and JSON-lines files. */
@Component
class TransferCommands {

    /** Rejected lines listed one by one; past that, only counted. */
    static final int LISTED_REJECTS = 20;

    private final GridConnection connection;
    private final GridCatalog catalog;
    private final ShellSession session;

    TransferCommands(GridConnection connection, GridCatalog catalog, ShellSession session) {
        this.connection = connection;
        this.catalog = catalog;
        this.session = session;
    }

    @Command(name = "import", group = GridCommandGroup.DATA,
            description = "Write the lines of a CSV or JSON-lines file into a map, as objects with fields",
            help = """
                    import --file <file.csv|file.jsonl> --map <map> [--key-field <field>] [--key-type <type>]
                           [--type-name <type>] [--json] - load a file.

                    Each line becomes an entry: an object with the line's fields (of type --type-name, by
                    default the map's name), so that computations read them (--field, --where). A CSV file
                    starts with a header line naming its columns; a cell that is a number in plain notation is
                    stored as a number (whole: a long, else a double), an empty cell as no field. A JSON-lines
                    file has one object per line; nested objects are stored as objects too. The key is the
                    --key-field (default id), or the _key column of a file written by 'export'; without
                    --key-type a whole number is a long, else text. A line with only _key and _value stores a
                    plain value. Entries are written 1,000 at a time, with a progress bar.

                    A field keeps the type of the first value the grid stored in it: a line whose value does not
                    fit (text in a numeric field, a fraction in a whole-number field) is rejected, like a line
                    that cannot be read or has no key. Rejected lines are listed with their line numbers and
                    reasons, the other lines are written, and the command then fails (exit code 1) saying how
                    many were written. Ctrl-C stops it and says how many entries were written.

                    Examples:
                      import --file orders.csv --map orders
                      import --file events.jsonl --map events --key-field eventId --key-type uuid""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void importFile(CommandContext context,
            @Option(longName = "file", description = "the file: .csv (with a header line) or .jsonl", required = true) String file,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to write to", required = true) String mapName,
            @Option(longName = "key-field", description = "the field that holds the key (default id)", defaultValue = "id") String keyField,
            @Option(longName = OptionNames.KEY_TYPE, description = KeyType.HELP) String keyType,
            @Option(longName = OptionNames.TYPE_NAME, description = "the type of the objects (default: the map's name)") String typeName,
            @Option(longName = OptionNames.FORMAT, description = "the file's format, csv or json, when its name does not tell") String format,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            Path path = readable(Inputs.requireText("file", file));
            FileFormat fileFormat = FileFormat.of(path, format);
            String map = Inputs.requireText(OptionNames.MAP, mapName);
            KeyType keys = KeyType.of(keyType);
            String type = typeName == null ? map : Inputs.requireText(OptionNames.TYPE_NAME, typeName);
            GridMap<Object, Object> records = connection.grid().records(map, Object.class);
            Importer importer = new Importer(records, keyField == null ? "id" : Inputs.requireText("key-field", keyField), keys, type);
            PrintWriter out = context.outputWriter();
            long total = RecordFiles.countLines(path, fileFormat);
            long started = System.nanoTime();
            try (ProgressBar progress = new ProgressBar(out, ProgressBar.Style.forLoading(session.isInteractive(), json), "lines")) {
                RecordFiles.read(path, fileFormat, type, line -> {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new GridInterruptedException("Interrupted", new InterruptedException());
                    }
                    importer.accept(line);
                    progress.update(importer.read(), total);
                });
                importer.flush();
            }
            catch (GridInterruptedException interrupted) {
                throw fail(out, String.format(Locale.ROOT, "Import interrupted: %s written from '%s' to '%s'; the batch being"
                        + " written when it was interrupted may be partly written too.", Results.count(importer.written(), "entry was",
                        "entries were"), path, map), interrupted);
            }
            catch (UncheckedIOException e) {
                throw new IllegalArgumentException("Cannot read '" + path + "': " + e.getCause().getMessage(), e);
            }
            finally {
                catalog.forget(map);
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            List<Importer.Rejected> rejected = importer.rejected();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                Results.putMap(result, map);
                result.put("file", path.toString());
                result.put("written", importer.written());
                List<Map<String, Object>> lines = new ArrayList<>();
                for (Importer.Rejected r : rejected) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("line", r.line());
                    line.put("reason", r.reason());
                    lines.add(line);
                }
                result.put("rejected", lines);
                result.put("elapsedMs", elapsed);
                out.println(Json.write(result));
            }
            else {
                rejected.stream().limit(LISTED_REJECTS).forEach(r -> out.println("Line " + r.line() + ": " + r.reason()));
                if (rejected.size() > LISTED_REJECTS) {
                    out.println(String.format(Locale.ROOT, "... and %,d more rejected lines (--json lists them all)", rejected.size() - LISTED_REJECTS));
                }
                if (rejected.isEmpty()) {
                    out.println(String.format(Locale.ROOT, "Imported %s into '%s' from %s in %.2f s", Results.count(importer.written(), "entry", "entries"), map,
                            path, elapsed / 1000.0));
                }
            }
            if (!rejected.isEmpty()) {
                throw fail(out, String.format(Locale.ROOT, "%,d of %s %s rejected; the other %s written to '%s'",
                        rejected.size(), Results.count(importer.read(), "line", "lines"), rejected.size() == 1 ? "was" : "were",
                        Results.count(importer.written(), "entry was", "entries were"), map), null);
            }
        });
    }

    @Command(name = "export", group = GridCommandGroup.DATA,
            description = "Write a map's entries to a CSV or JSON-lines file, partition by partition",
            help = """
                    export --map <map> --file <file.csv|file.jsonl> [--where <filter>] [--limit <N>]
                           [--format csv|json] - save entries to a file.

                    Reads the map one partition at a time from the node that holds it (never in one scan of
                    the whole map) and writes each entry as it comes: CSV with a header line (the key in the
                    column _key, then a column per field; a plain value in _value; a nested object as JSON text),
                    or JSON lines (one object per entry, the key under _key). The format comes from the file's
                    extension, or --format. 'import' reads these files back. The bookkeeping field _lastUpdate
                    of 'compute update' is left out. The file is replaced if it exists.

                    --where takes the filters of the computations (and, or, in, between, ...) with the same meaning,
                    but is applied by the shell, to each entry as it arrives: every entry travels. --limit stops
                    after N entries. Ctrl-C stops it and says how many entries were written.

                    Examples:
                      export --map orders --file orders.csv
                      export --map orders --file north.jsonl --where "region = north" --limit 1000""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void export(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to read", required = true) String mapName,
            @Option(longName = "file", description = "the file to write: .csv or .jsonl", required = true) String file,
            @Option(longName = OptionNames.WHERE, shortName = OptionNames.WHERE_SHORT, description = OptionNames.WHERE_HELP + "; applied by the shell") String where,
            @Option(longName = OptionNames.LIMIT, shortName = OptionNames.LIMIT_SHORT, description = "write at most N entries") String limit,
            @Option(longName = OptionNames.FORMAT, description = "csv or json (JSON lines), when the file's name does not tell") String format,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String map = Inputs.requireText(OptionNames.MAP, mapName);
            Path path = Path.of(Inputs.requireText("file", file));
            FileFormat fileFormat = FileFormat.of(path, format);
            long most = limit == null ? Long.MAX_VALUE : Inputs.positiveCount(OptionNames.LIMIT, limit);
            Filter filter = where == null ? null : Filter.parse(where);
            GridMap<Object, Object> records = connection.grid().records(map, Object.class);
            List<String> fields = new ArrayList<>(connection.grid().compute().fieldTypes(map).keySet());
            fields.removeIf(Records::isBookkeeping);
            if (filter != null && !fields.isEmpty()) {
                for (String field : filter.fields()) {
                    if (fields.stream().noneMatch(f -> f.equalsIgnoreCase(field))) {
                        throw new IllegalArgumentException("No entry of '" + map + "' has a field '" + field + "'; its fields: "
                                + String.join(", ", fields));
                    }
                }
            }
            long total = records.size();
            PrintWriter out = context.outputWriter();
            long started = System.nanoTime();
            long written = 0;
            EntryWriter writer = null;
            try (Writer target = Files.newBufferedWriter(path);
                    Stream<Map.Entry<Object, Object>> entries = records.entries();
                    ProgressBar progress = new ProgressBar(out, ProgressBar.Style.forLoading(session.isInteractive(), json), "entries")) {
                writer = new EntryWriter(target, fileFormat, fields);
                long seen = 0;
                var each = entries.iterator();
                while (written < most && each.hasNext()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw fail(out, String.format(Locale.ROOT, "Export interrupted: %s written from '%s' to '%s'.",
                                Results.count(written, "entry was", "entries were"), map, path), null);
                    }
                    Map.Entry<Object, Object> entry = each.next();
                    progress.update(++seen, total);
                    if (filter == null || filter.matches(fieldsOf(filter, entry.getValue()))) {
                        writer.write(entry.getKey(), entry.getValue());
                        written++;
                    }
                }
                writer.close();
            }
            catch (IOException e) {
                throw new IllegalArgumentException("Cannot write '" + path + "': " + describe(e), e);
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                Results.putMap(result, map);
                result.put("file", path.toString());
                result.put("written", written);
                result.put("where", where);
                result.put("leftOutFields", new ArrayList<>(writer.leftOut()));
                result.put("elapsedMs", elapsed);
                out.println(Json.write(result));
                return;
            }
            out.println(String.format(Locale.ROOT, "Exported %s of '%s' to %s%s in %.2f s", Results.count(written, "entry", "entries"),
                    map, path, where == null ? "" : ", where " + where, elapsed / 1000.0));
            if (!writer.leftOut().isEmpty()) {
                out.println("Fields some entries had but the CSV's columns did not, left out: " + String.join(", ", writer.leftOut())
                        + " (JSON lines keep every field)");
            }
        });
    }

    /** Prints the error line and returns the exception that ends the command with exit code 1. */
    private static CommandFailedException fail(PrintWriter out, String message, Throwable cause) {
        ShellErrors.print(out, message, cause, false);
        return new CommandFailedException(message, cause);
    }

    /**
     * The values a filter looks at in an entry: a record's fields (whatever their case), or a plain value itself as
     * {@value Records#VALUE}.
     */
    private static Filter.FieldSource fieldsOf(Filter filter, Object value) {
        List<String> names = filter.fields();
        return new Filter.FieldSource() {
            @Override
            public Object value(int index) {
                String field = names.get(index);
                if (value instanceof GridRecord record) {
                    return record.get(field);
                }
                return Records.VALUE.equalsIgnoreCase(field) ? value : null;
            }

            @Override
            public String name(int index) {
                return names.get(index);
            }
        };
    }

    private static Path readable(String file) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("Cannot read '" + file + "': no such file");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("Cannot read '" + file + "': it is a directory; give a .csv or .jsonl file");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("Cannot read '" + file + "': permission denied");
        }
        return path;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }
}
