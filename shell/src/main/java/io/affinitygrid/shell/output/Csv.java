package io.affinitygrid.shell.output;

import java.util.List;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;
import tools.jackson.databind.ObjectWriter;

/** Writes CSV with Jackson's CSV module: a header line, then one line per row, quoted where needed. Stateless. */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.shared();

    private Csv() {
    }

    /** A writer of rows (arrays of cells) under a header line of {@code columns}; thread-safe. */
    public static ObjectWriter writer(List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        return MAPPER.writer(schema.build()).with(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING); // quotes only where needed
    }

    /** The CSV text of a header and rows, ending without a line separator. */
    public static String write(List<String> columns, List<Object[]> rows) {
        return writer(columns).writeValueAsString(rows).stripTrailing();
    }
}
