package io.affinitygrid.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The results of one run: rows sorted by scenario, rendered as a Markdown table (also what is printed) or as
 * CSV. Not thread-safe.
 */
public final class Table {

    private final List<Row> rows = new ArrayList<>();
    private final java.util.Map<Row, Double> loads = new java.util.IdentityHashMap<>();
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** Adds a row, noting the machine's 1-minute load average now (just after the row's runs). */
    public void add(Row row) {
        rows.add(row);
        loads.put(row, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The 1-minute load average when the row was added; negative when the platform does not tell. */
    public double load(Row row) {
        return loads.getOrDefault(row, -1.0);
    }

    /** The load cell: the load average, marked when it exceeded the number of cores. */
    private String loadCell(Row row) {
        double load = load(row);
        if (load < 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", load) + (load > cores ? " ⚠ > " + cores + " cores" : "");
    }

    /** The rows, by scenario letter, in the order added within a scenario. */
    public List<Row> rows() {
        return rows.stream().sorted(Comparator.comparing(Row::scenario)).toList();
    }

    /** A Markdown table, one line per row. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| | measure | grid side | median [min–max] | baseline | median [min–max] | ratio | ratio of | target | met? | load | note |\n");
        out.append("|---|---|---|---:|---|---:|---:|---|---|---|---|---|\n");
        for (Row r : rows()) {
            out.append("| ").append(String.join(" | ", r.scenario(), r.measure(), r.subject(), cell(r.subjectStats()),
                    r.baseline(), cell(r.baselineStats()), Double.isNaN(r.ratio()) ? "n/a" : number(r.ratio()),
                    r.ratioOf(), r.target() == null ? "—" : r.target().toString(), r.met(), loadCell(r), r.note()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** CSV with a header line; numbers unformatted, empty when missing. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(
                "scenario,measure,subject,subject_median,subject_min,subject_max,baseline,baseline_median,baseline_min,"
                        + "baseline_max,runs,ratio,ratio_of,target,met,load,note\n");
        for (Row r : rows()) {
            List<String> fields = new ArrayList<>(List.of(r.scenario(), r.measure(), r.subject()));
            fields.addAll(raw(r.subjectStats()));
            fields.add(r.baseline());
            fields.addAll(raw(r.baselineStats()));
            fields.add(r.subjectStats() == null ? "" : Integer.toString(r.subjectStats().runs()));
            fields.add(Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.4f", r.ratio()));
            fields.add(r.ratioOf());
            fields.add(r.target() == null ? "" : r.target().toString());
            fields.add(r.met());
            fields.add(load(r) < 0 ? "" : String.format(Locale.ROOT, "%.2f", load(r)));
            fields.add(r.note());
            out.append(String.join(",", fields.stream().map(Table::csv).toList())).append('\n');
        }
        return out.toString();
    }

    private static String cell(Stats s) {
        return s == null ? "n/a" : number(s.median()) + " [" + number(s.min()) + "–" + number(s.max()) + "]";
    }

    private static List<String> raw(Stats s) {
        return s == null ? List.of("", "", "")
                : List.of(plain(s.median()), plain(s.min()), plain(s.max()));
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
                ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** Three significant digits, grouped thousands for large numbers: 0.0123, 1.23, 123, 12,345. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
