package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.affinitygrid.client.ComputeScope;
import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.compute.WordCount;
import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.ProgressBar;
import io.affinitygrid.shell.output.Results;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;
import io.affinitygrid.shell.output.Values;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * The catalog of computations that run on the grid nodes, next to the data: {@code compute count}, {@code sum},
 * {@code avg}, {@code min}, {@code max}, {@code stats}, {@code group-by}, {@code top}, {@code bottom},
 * {@code distinct}, {@code words} and {@code update}. Each scans every partition on its primary node (only
 * partial results travel), takes an optional {@code --where} filter, shows a progress bar on a terminal while
 * it runs (for caches of {@value #PROGRESS_MIN_ENTRIES} entries or more), and prints a table with the elapsed
 * time, or JSON with {@code --json}.
 */
@Component
class ComputeCommands {

    /**
     * Entries from which a computation reports its progress (on a terminal): smaller caches are scanned in well
     * under a second, and asking the nodes for progress made a 100,000-entry sum on 3 nodes about twice as slow.
     */
    static final long PROGRESS_MIN_ENTRIES = 250_000;

    /** Rows {@code top}, {@code bottom} and {@code words} show when no limit is given. */
    static final int DEFAULT_LIMIT = 10;

    private static final String WHERE_HELP = "a filter: field op value, op one of = != < <= > >=, e.g. \"amount > 100\"";

    private final GridConnection connection;
    private final GridCatalog catalog;
    private final ShellSession session;

    public ComputeCommands(GridConnection connection, GridCatalog catalog, ShellSession session) {
        this.connection = connection;
        this.catalog = catalog;
        this.session = session;
    }

    @Command(name = "compute count", group = GridCommandGroup.COMPUTE,
            description = "Count the entries of a cache (matching a filter), on the nodes that hold them",
            help = """
                    compute count --cache <cache> [--where <filter>] [--json] - count entries, co-located.

                    Examples:
                      compute count --cache orders
                      compute count --cache orders --where "amount > 100\"""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void count(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        run(context, cache, where, json, ComputeScope::count, (count, elapsed) -> new Output(
                TextTable.withHeader("count", "elapsed ms").alignRight(0, 1).row(count, elapsed).render(),
                Map.of("count", count)));
    }

    @Command(name = "compute sum", group = GridCommandGroup.COMPUTE,
            description = "Count the entries of a cache and sum a numeric field, on the nodes that hold them",
            help = """
                    compute sum --cache <cache> --field <field> [--where <filter>] [--json] - count and sum, co-located.

                    Each partition is scanned by its primary node, reading the field from the stored form of
                    the values, and only the partial sums travel. Prints the number of entries, how many had
                    the field, the exact sum, the average, the number of partitions scanned and the elapsed
                    time. Fails when the field is not numeric or no entry has it.

                    Examples:
                      compute sum --cache orders --field amount
                      compute sum --cache orders --field amount --where "region = north\"""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void sum(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "the numeric field of the values to sum", required = true) String field,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText("field", field);
            // a field that no entry has is reported by the task itself
            run(context, cache, where, json, scope -> scope.sum(name), (result, elapsed) -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("field", name);
                fields.put("count", result.count());
                fields.put("summed", result.summed());
                fields.put("sum", result.sum());
                fields.put("average", result.average());
                fields.put("partitions", result.partitions());
                return new Output(render(result, elapsed), fields);
            });
        });
    }

    static String render(SumResult result, long elapsedMillis) {
        return TextTable.withHeader("count", "summed", "sum", "average", "partitions", "elapsed ms")
                .alignRight(0, 1, 2, 3, 4, 5)
                .row(result.count(), result.summed(), result.sum().toPlainString(), Values.average(result.average()),
                        result.partitions(), elapsedMillis)
                .render();
    }

    @Command(name = "compute avg", group = GridCommandGroup.COMPUTE,
            description = "Average of a numeric field over a cache's entries",
            help = """
                    compute avg --cache <cache> --field <field> [--where <filter>] [--json] - the mean of a field.

                    Entries without the field are not counted. The table shows 4 decimals; JSON every digit.

                    Example:
                      compute avg --cache orders --field amount --where "region = east\"""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void avg(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "a numeric field of the values", required = true) String field,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        figure(context, cache, field, where, json, "avg", FieldStats::average);
    }

    @Command(name = "compute min", group = GridCommandGroup.COMPUTE,
            description = "Smallest value of a numeric field over a cache's entries",
            help = """
                    compute min --cache <cache> --field <field> [--where <filter>] [--json] - the smallest value.

                    Example:
                      compute min --cache orders --field amount""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void min(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "a numeric field of the values", required = true) String field,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        figure(context, cache, field, where, json, "min", FieldStats::min);
    }

    @Command(name = "compute max", group = GridCommandGroup.COMPUTE,
            description = "Largest value of a numeric field over a cache's entries",
            help = """
                    compute max --cache <cache> --field <field> [--where <filter>] [--json] - the largest value.

                    Example:
                      compute max --cache orders --field quantity --where "region = west\"""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void max(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "a numeric field of the values", required = true) String field,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        figure(context, cache, field, where, json, "max", FieldStats::max);
    }

    @Command(name = "compute stats", group = GridCommandGroup.COMPUTE,
            description = "Count, sum, min, max and average of a numeric field, in one pass",
            help = """
                    compute stats --cache <cache> --field <field> [--where <filter>] [--json] - field statistics.

                    One pass over the entries: how many were scanned, how many had the field, and the field's
                    exact sum, smallest and largest value and average.

                    Example:
                      compute stats --cache orders --field amount""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void stats(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "a numeric field of the values", required = true) String field,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText("field", field);
            run(context, cache, where, json, scope -> scope.stats(name), (stats, elapsed) -> new Output(
                    TextTable.withHeader("field", "count", "values", "sum", "min", "max", "average", "elapsed ms")
                            .alignRight(1, 2, 3, 4, 5, 6, 7)
                            .row(name, stats.count(), stats.valueCount(), stats.sum(), Values.cell(stats.min()),
                                    Values.cell(stats.max()), Values.average(stats.average()), elapsed)
                            .render(),
                    statsJson(stats)));
        });
    }

    @Command(name = "compute group-by", group = GridCommandGroup.COMPUTE,
            description = "Group the entries by a field: count per group, and the sum of a numeric field",
            help = """
                    compute group-by --cache <cache> --by <field> [--field <sum field>] [--where <filter>]
                                     [--limit <N>] [--json] - groups, largest first.

                    One row per value of the --by field (entries without it form the group '(none)'), with the
                    number of entries and, with --field, the sum of that numeric field. Largest groups first;
                    --limit shows only the first N.

                    Examples:
                      compute group-by --cache orders --by region --field amount
                      compute group-by --cache orders --by customer --limit 5 --where "amount > 500\"""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void groupBy(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "by", shortName = 'b', description = "the field to group by", required = true) String by,
            @Option(longName = "field", shortName = 'f', description = "a numeric field to sum per group") String field,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "limit", shortName = 'n', description = "show only the N largest groups") String limit,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String groupField = Inputs.requireText("by", by);
            Integer n = limit == null ? null : Inputs.limit(limit);
            run(context, cache, where, json, scope -> field == null ? scope.groupBy(groupField) : scope.groupBy(groupField, field),
                    (groups, elapsed) -> groups(groups, groupField, field, n, where, elapsed));
        });
    }

    @Command(name = "compute top", group = GridCommandGroup.COMPUTE,
            description = "The entries with the largest values of a field",
            help = """
                    compute top --cache <cache> --field <field> [--limit <N>] [--where <filter>] [--json]
                        - the N entries (default 10) with the largest values of a field, largest first.

                    Each partition keeps only its own best N; only those travel. Numbers are ranked by value,
                    anything else as text. Shows each entry's key and fields.

                    Example:
                      compute top --cache orders --field amount --limit 5""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void top(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "the field to rank by", required = true) String field,
            @Option(longName = "limit", shortName = 'n', description = "how many entries (default 10)") String limit,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ranked(context, cache, field, limit, where, json, true);
    }

    @Command(name = "compute bottom", group = GridCommandGroup.COMPUTE,
            description = "The entries with the smallest values of a field",
            help = """
                    compute bottom --cache <cache> --field <field> [--limit <N>] [--where <filter>] [--json]
                        - the N entries (default 10) with the smallest values of a field, smallest first.

                    Example:
                      compute bottom --cache orders --field amount --limit 5 --where "region = south\"""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void bottom(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "the field to rank by", required = true) String field,
            @Option(longName = "limit", shortName = 'n', description = "how many entries (default 10)") String limit,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ranked(context, cache, field, limit, where, json, false);
    }

    @Command(name = "compute distinct", group = GridCommandGroup.COMPUTE,
            description = "Exact number of distinct values of a field",
            help = """
                    compute distinct --cache <cache> --field <field> [--where <filter>] [--json]
                        - how many different values the field has (exact).

                    Example:
                      compute distinct --cache orders --field customer""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void distinct(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "the field whose values to count", required = true) String field,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText("field", field);
            run(context, cache, where, json, scope -> scope.distinct(name), (distinct, elapsed) -> {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("field", name);
                result.put("distinct", distinct);
                return new Output(TextTable.withHeader("field", "distinct", "elapsed ms").alignRight(1, 2)
                        .row(name, distinct, elapsed).render(), result);
            });
        });
    }

    @Command(name = "compute words", group = GridCommandGroup.COMPUTE,
            description = "The most frequent words of a text field (word count)",
            help = """
                    compute words --cache <cache> [--field <field>] [--limit <N>] [--where <filter>] [--json]
                        - the N most frequent words (default 10), most frequent first.

                    Words are runs of letters, digits and apostrophes, in lower case. The field defaults to
                    _value: the values themselves, for caches of plain text such as the sample lines
                    ('load --type words').

                    Example:
                      compute words --cache words --limit 5""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void words(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "the text field (default _value: the value itself)",
                    defaultValue = GridCatalog.VALUE_FIELD) String field,
            @Option(longName = "limit", shortName = 'n', description = "how many words (default 10)") String limit,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText("field", field);
            int n = limit == null ? DEFAULT_LIMIT : Inputs.limit(limit);
            run(context, cache, where, json, scope -> scope.wordCount(name, n), (words, elapsed) -> {
                TextTable table = TextTable.withHeader("#", "word", "count").alignRight(0, 2);
                List<Object> rows = new ArrayList<>();
                int rank = 0;
                for (WordCount word : words) {
                    table.row(++rank, word.word(), word.count());
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("word", word.word());
                    row.put("count", word.count());
                    rows.add(row);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("field", name);
                result.put("words", rows);
                return new Output(table.render() + System.lineSeparator() + Results.footer(Results.count(words.size(), "word", "words"), where, elapsed), result);
            });
        });
    }

    @Command(name = "compute update", group = GridCommandGroup.COMPUTE,
            description = "Multiply a numeric field by a factor in every entry (matching a filter), in place",
            help = """
                    compute update --cache <cache> --field <field> --factor <x> [--where <filter>] [--json]
                        - a bulk update on the nodes: field = field * factor.

                    Each entry is changed atomically where it lives, exactly once even if a node leaves or the
                    request is retried (each updated value records the operation's id in its _lastUpdate field).
                    Integral fields are rounded half up. Prints the number of entries updated.

                    Examples:
                      compute update --cache orders --field amount --factor 1.1 --where "region = north"
                      compute update --cache orders --field amount --factor 0.5""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void update(CommandContext context,
            @Option(longName = "cache", shortName = 'c', description = "the cache to update", required = true) String cache,
            @Option(longName = "field", shortName = 'f', description = "the numeric field to multiply", required = true) String field,
            @Option(longName = "factor", shortName = 'x', description = "the factor, e.g. 1.1 (+10 %) or 0.5", required = true) String factor,
            @Option(longName = "where", shortName = 'w', description = WHERE_HELP) String where,
            @Option(longName = "json", description = "print the result as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText("field", field);
            double x = Inputs.number("factor", factor);
            run(context, cache, where, json, scope -> scope.multiply(name, x), (UpdateResult result, Long elapsed) -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("field", name);
                fields.put("factor", x);
                fields.put("updated", result.updated());
                fields.put("alreadyApplied", result.alreadyApplied());
                fields.put("operationId", result.operationId());
                return new Output(TextTable.withHeader("field", "factor", "updated", "operation", "elapsed ms")
                        .alignRight(1, 2, 4)
                        .row(name, Values.cell(x), result.updated(), result.operationId(), elapsed)
                        .render(), fields);
            });
        });
    }

    /** The table and JSON of a group-by's groups, the first {@code limit} of them (all when null). */
    private static Output groups(List<GroupRow> groups, String groupField, String field, Integer n, String where, long elapsed) {
        List<GroupRow> shown = n == null ? groups : groups.subList(0, Math.min(n, groups.size()));
        List<String> header = new ArrayList<>(List.of(groupField, "count"));
        if (field != null) {
            header.add("sum of " + field);
        }
        TextTable table = TextTable.withHeader(header.toArray(String[]::new)).alignRight(1);
        if (field != null) {
            table.alignRight(2);
        }
        if (shown.stream().allMatch(g -> g.group() instanceof Number)) {
            table.alignRight(0);
        }
        List<Object> rows = new ArrayList<>();
        for (GroupRow group : shown) {
            Object label = group.group() == null ? "(none)" : Values.cell(group.group());
            if (field == null) {
                table.row(label, group.count());
            }
            else {
                table.row(label, group.count(), Values.cell(group.sum()));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", group.group());
            row.put("count", group.count());
            if (field != null) {
                row.put("sum", group.sum());
            }
            rows.add(row);
        }
        String what = Results.count(groups.size(), "group", "groups")
                + (shown.size() < groups.size() ? " (showing the " + shown.size() + " largest)" : "");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("by", groupField);
        result.put("field", field);
        result.put("groupCount", groups.size());
        result.put("groups", rows);
        return new Output(table.render() + System.lineSeparator() + Results.footer(what, where, elapsed), result);
    }

    private void figure(CommandContext context, String cache, String field, String where, boolean json, String name,
            Function<FieldStats, Object> figure) {
        ShellErrors.run(context, () -> {
            String fieldName = Inputs.requireText("field", field);
            run(context, cache, where, json, scope -> scope.stats(fieldName), (stats, elapsed) -> {
                Object value = figure.apply(stats);
                String cell = value instanceof BigDecimal average && name.equals("avg") ? Values.average(average)
                        : value == null ? "-" : Values.cell(value);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("field", fieldName);
                result.put("count", stats.count());
                result.put("values", stats.valueCount());
                result.put(name, value);
                return new Output(TextTable.withHeader("field", "values", name, "elapsed ms").alignRight(1, 2, 3)
                        .row(fieldName, stats.valueCount(), cell, elapsed).render(), result);
            });
        });
    }

    private void ranked(CommandContext context, String cache, String field, String limit, String where, boolean json, boolean top) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText("field", field);
            int n = limit == null ? DEFAULT_LIMIT : Inputs.limit(limit);
            run(context, cache, where, json, scope -> top ? scope.top(name, n) : scope.bottom(name, n), (entries, elapsed) -> {
                entries.forEach(entry -> catalog.remember(cache, entry.fields().keySet()));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("field", name);
                result.put("entries", Results.entriesJson(entries));
                return new Output(Results.entriesTable(entries, true, name) + System.lineSeparator()
                        + Results.footer(Results.count(entries.size(), "entry", "entries") + (top ? " with the largest " : " with the smallest ") + name,
                                where, elapsed), result);
            });
        });
    }

    /**
     * Runs a computation on the scope of {@code cache} (narrowed by {@code where}) with a progress bar when a
     * person watches, then prints its output: the table, or the JSON object (with the operation, the cache, the
     * filter and the elapsed time added).
     */
    private <R> void run(CommandContext context, String cache, String where, boolean json,
            Function<ComputeScope, R> computation, Rendering<R> rendering) {
        ShellErrors.run(context, () -> {
            String map = Inputs.requireText("cache", cache);
            ComputeScope scope = connection.grid().compute().on(map);
            if (where != null) {
                scope = scope.where(where);
            }
            PrintWriter out = context.outputWriter();
            R result;
            ProgressBar.Style style = ProgressBar.Style.forComputation(session.isInteractive(), json);
            if (style != ProgressBar.Style.NONE && connection.grid().map(map, Object.class, Object.class).size() < PROGRESS_MIN_ENTRIES) {
                style = ProgressBar.Style.NONE; // quick anyway, and tracking progress costs the nodes a little
            }
            long started = System.nanoTime();
            try (ProgressBar progress = new ProgressBar(out, style, "partitions")) {
                result = computation.apply(style == ProgressBar.Style.NONE ? scope : scope.onProgress(progress));
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            Output output = rendering.render(result, elapsed);
            if (json) {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("operation", operation(context));
                object.put("cache", map);
                object.putAll(output.json());
                object.put("where", where);
                object.put("elapsedMs", elapsed);
                out.println(Json.write(object));
            }
            else {
                out.println(output.table());
            }
        });
    }

    /** The computation's name, from the command: {@code compute group-by} gives {@code group-by}. */
    private static String operation(CommandContext context) {
        List<String> subCommands = context.parsedInput().subCommands();
        return subCommands.isEmpty() ? context.parsedInput().commandName() : subCommands.get(subCommands.size() - 1);
    }

    static Map<String, Object> statsJson(FieldStats stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", stats.field());
        json.put("count", stats.count());
        json.put("values", stats.valueCount());
        json.put("sum", stats.sum());
        json.put("min", stats.min());
        json.put("max", stats.max());
        json.put("average", stats.average());
        return json;
    }

    /** A result's two forms. */
    record Output(String table, Map<String, Object> json) {
    }

    /** Turns a computation's result and elapsed milliseconds into its output. */
    @FunctionalInterface
    interface Rendering<R> {
        Output render(R result, Long elapsedMillis);
    }
}
