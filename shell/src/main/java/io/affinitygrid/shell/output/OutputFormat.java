package io.affinitygrid.shell.output;

import java.util.Arrays;
import java.util.Locale;

/** How a data command prints its result: {@code --format table|json|csv}, with {@code --json} short for JSON. */
public enum OutputFormat {

    /** A text table (the default). */
    TABLE,
    /** One line of JSON. */
    JSON,
    /** The table's rows as CSV, with a header line. */
    CSV;

    /** The option's help text. */
    public static final String HELP = "the output: table (default), json or csv";

    /**
     * The format of {@code --format} (any case), or JSON for {@code --json}; TABLE when neither is given.
     *
     * @throws IllegalArgumentException for an unknown format, or {@code --json} with another format
     */
    public static OutputFormat of(String format, boolean json) {
        if (format == null || format.isBlank()) {
            return json ? JSON : TABLE;
        }
        OutputFormat chosen = Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(format.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--format must be table, json or csv, got '" + format + "'"));
        if (json && chosen != JSON) {
            throw new IllegalArgumentException("--json means --format json; it cannot go with --format " + chosen.word());
        }
        return chosen;
    }

    /** The format's name as typed. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
