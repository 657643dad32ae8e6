package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the tables the shell prints ({@link TextTable}): header cells to cells of each row. */
public final class TableOutput {

    private TableOutput() {
    }

    /**
     * The rows of the first table in {@code lines} whose header has a cell {@code firstHeaderCell}, each a
     * map from header cell to cell, in order.
     *
     * @throws AssertionError when there is no such table
     */
    public static List<Map<String, String>> rows(List<String> lines, String firstHeaderCell) {
        for (int i = 0; i < lines.size(); i++) {
            List<String> header = cells(lines.get(i));
            if (header.contains(firstHeaderCell)) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (int j = i + 1; j < lines.size(); j++) {
                    String line = lines.get(j).strip();
                    if (line.startsWith("+") || line.startsWith("-")) {
                        continue; // a border
                    }
                    if (!line.startsWith("|")) {
                        break;
                    }
                    List<String> cells = cells(line);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int c = 0; c < header.size() && c < cells.size(); c++) {
                        row.put(header.get(c), cells.get(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
        throw new AssertionError("No table with a column '" + firstHeaderCell + "' in:\n" + String.join("\n", lines));
    }

    private static List<String> cells(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("|")) {
            return List.of();
        }
        String inner = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
