package io.affinitygrid.shell.data;

import java.nio.file.Path;
import java.util.Locale;

/** The formats of files that {@code import} reads and {@code export} writes: CSV with a header line, or JSON lines. */
public enum FileFormat {

    /** Comma-separated values, the first line naming the columns. */
    CSV,
    /** One JSON object per line. */
    JSON_LINES;

    /**
     * The format of {@code file}, from its extension ({@code .csv}; {@code .jsonl}, {@code .ndjson} or {@code .json}),
     * unless {@code format} ({@code csv} or {@code json}) says otherwise.
     *
     * @throws IllegalArgumentException when neither tells, or {@code format} is not one of those
     */
    public static FileFormat of(Path file, String format) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json", "jsonl" -> JSON_LINES;
                default -> throw new IllegalArgumentException("--format must be csv or json (JSON lines) for a file, got '" + format + "'");
            };
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSON_LINES;
        }
        throw new IllegalArgumentException("Cannot tell the format of '" + file + "': name it .csv or .jsonl, or give --format csv|json");
    }
}
