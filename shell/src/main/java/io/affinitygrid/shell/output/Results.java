package io.affinitygrid.shell.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.affinitygrid.client.MapInfo;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.UpdateResult;

/**
 * How the shell shows the SDK's results that several commands print: entries (of a scan or a top-N), a map's
 * description, and the line under a list. Stateless.
 */
public final class Results {

    private Results() {
    }

    /**
     * A table of entries: the rank (when {@code ranked}), the key, the field they are ordered by, then the other
     * fields by name.
     */
    public static String entriesTable(List<TopEntry> entries, boolean ranked, String orderField) {
        return entries(entries, ranked, orderField).render();
    }

    /** The table of {@link #entriesTable}, to render or write as CSV. The bookkeeping field of bulk updates is left out. */
    public static TextTable entries(List<TopEntry> entries, boolean ranked, String orderField) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> others = new TreeSet<>();
        entries.forEach(entry -> others.addAll(entry.fields().keySet()));
        others.removeIf(UpdateResult.LAST_UPDATE_FIELD::equalsIgnoreCase);
        if (others.remove(orderField)) {
            fields.add(orderField);
        }
        fields.addAll(others);
        List<String> header = new ArrayList<>();
        if (ranked) {
            header.add("#");
        }
        header.add("key");
        header.addAll(fields);
        TextTable table = TextTable.withHeader(header.toArray(String[]::new));
        int offset = ranked ? 2 : 1;
        if (ranked) {
            table.alignRight(0);
        }
        for (int column = 0; column < fields.size(); column++) {
            String field = new ArrayList<>(fields).get(column);
            if (entries.stream().allMatch(e -> e.fields().get(field) == null || e.fields().get(field) instanceof Number)) {
                table.alignRight(offset + column);
            }
        }
        if (entries.stream().allMatch(e -> e.key() instanceof Number)) {
            table.alignRight(offset - 1);
        }
        int rank = 0;
        for (TopEntry entry : entries) {
            List<Object> row = new ArrayList<>();
            if (ranked) {
                row.add(++rank);
            }
            row.add(Values.cell(entry.key()));
            for (String field : fields) {
                row.add(Values.cell(entry.fields().get(field)));
            }
            table.row(row.toArray());
        }
        return table;
    }

    /**
     * Puts a map's name in a JSON result under {@code "map"} and, for scripts written before the shell said "map",
     * under its deprecated key {@code "cache"}.
     */
    public static void putMap(Map<String, Object> json, String map) {
        json.put("map", map);
        json.put("cache", map);
    }

    /** Puts a value about the maps under {@code "maps"} and its deprecated key {@code "caches"}. */
    public static void putMaps(Map<String, Object> json, Object value) {
        json.put("maps", value);
        json.put("caches", value);
    }

    /** Entries as JSON-ready rows: key, rank and fields. */
    public static List<Map<String, Object>> entriesJson(List<TopEntry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TopEntry entry : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", entry.key());
            row.put("rank", entry.rank());
            Map<String, Object> fields = new LinkedHashMap<>(entry.fields());
            fields.keySet().removeIf(UpdateResult.LAST_UPDATE_FIELD::equalsIgnoreCase);
            row.put("fields", Values.plain(fields));
            rows.add(row);
        }
        return rows;
    }

    /** A map's description as a JSON-ready object; {@code null} for what the grid could not tell. */
    public static Map<String, Object> mapJson(MapInfo map) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", map.name());
        json.put("mode", map.mode());
        json.put("backups", map.backups() == MapInfo.UNKNOWN ? null : map.backups());
        json.put("partitions", map.partitions() == MapInfo.UNKNOWN ? null : map.partitions());
        json.put("size", map.size());
        return json;
    }

    /** A figure of a {@link MapInfo} for a table: "?" when the grid could not tell. */
    public static String known(int value) {
        return value == MapInfo.UNKNOWN ? "?" : Integer.toString(value);
    }

    /** The line under a list result, e.g. {@code 4 groups, where amount > 100, 12 ms}. */
    public static String footer(String what, String where, long elapsedMillis) {
        return what + (where == null ? "" : ", where " + where) + ", " + elapsedMillis + " ms";
    }

    /**
     * Prints a result in the chosen format: {@code text} for a person (a table, a sentence), the rows of
     * {@code table} as CSV, or {@code json} as one line of JSON.
     */
    public static void print(PrintWriter out, OutputFormat format, String text, TextTable table, Object json) {
        out.println(switch (format) {
            case TABLE -> text;
            case CSV -> table.csv();
            case JSON -> Json.write(json);
        });
    }

    /** {@code 1 entry}, {@code 2 entries}. */
    public static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
