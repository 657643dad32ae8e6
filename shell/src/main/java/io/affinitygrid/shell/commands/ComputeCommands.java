package io.affinitygrid.shell.commands;

import static io.affinitygrid.shell.commands.ComputeOptions.option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.affinitygrid.client.ComputeScope;
import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.WordCount;
import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.output.OutputFormat;
import io.affinitygrid.shell.output.ProgressBar;
import io.affinitygrid.shell.output.Results;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;
import io.affinitygrid.shell.output.Values;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * The catalog of computations that run on the grid nodes, next to the data: {@code compute count}, {@code sum},
 * {@code avg}, {@code min}, {@code max}, {@code stats}, {@code group-by}, {@code top}, {@code bottom},
 * {@code distinct}, {@code words} and {@code update}. Each scans every partition on its primary node (only
 * partial results travel), takes an optional {@code --where} filter, shows a progress bar on a terminal while
 * it runs (for maps of {@value #PROGRESS_MIN_ENTRIES} entries or more), and prints a table with the elapsed
 * time, or JSON with {@code --json}.
 *
 * <p>Spring Shell 4 declares an annotated command's options one parameter at a time, so the options every
 * computation shares could not be declared once that way. These commands are built with Spring Shell's
 * programmatic model instead ({@link Command#builder()}): each is {@link ComputeOptions}' shared options around
 * its own, and a body that asks the SDK for one computation and renders its result.
 */
@Configuration(proxyBeanMethods = false)
class ComputeCommands {

    /**
     * Entries from which a computation reports its progress (on a terminal): smaller maps are scanned in well
     * under a second, and asking the nodes for progress made a 100,000-entry sum on 3 nodes about twice as slow.
     */
    static final long PROGRESS_MIN_ENTRIES = 250_000;

    /** Rows {@code top}, {@code bottom} and {@code words} show when no limit is given. */
    static final int DEFAULT_LIMIT = 10;

    /** {@code --field} of the computations of one numeric field. */
    private static final CommandOption NUMERIC_FIELD = field("a numeric field of the values");

    /** {@code --limit} of {@code top} and {@code bottom}. */
    private static final CommandOption ENTRIES = option(OptionNames.LIMIT, OptionNames.LIMIT_SHORT,
            "how many entries (default " + DEFAULT_LIMIT + ")", false, String.class);

    private final GridConnection connection;
    private final GridCatalog catalog;
    private final ShellSession session;
    private final GridCompletion completion;
    private final ShellErrors errors;

    ComputeCommands(GridConnection connection, GridCatalog catalog, ShellSession session, GridCompletion completion,
            ShellErrors errors) {
        this.connection = connection;
        this.catalog = catalog;
        this.session = session;
        this.completion = completion;
        this.errors = errors;
    }

    @Bean
    Command computeCount() {
        return computation("count", "Count the entries of a map (matching a filter), on the nodes that hold them", """
                compute count --map <map> [--where <filter>] [--json] - count entries, co-located.

                Examples:
                  compute count --map orders
                  compute count --map orders --where "amount > 100\"""",
                List.of(), call -> call.run(ComputeScope::count, (count, elapsed) -> new Output(
                        TextTable.withHeader("count", "elapsed ms").alignRight(0, 1).row(count, elapsed),
                        Map.of("count", count))));
    }

    @Bean
    Command computeSum() {
        CommandOption field = field("the numeric field of the values to sum");
        return computation("sum", "Count the entries of a map and sum a numeric field, on the nodes that hold them", """
                compute sum --map <map> --field <field> [--where <filter>] [--json] - count and sum, co-located.

                Each partition is scanned by its primary node, reading the field from the stored form of
                the values, and only the partial sums travel. Prints the number of entries, how many had
                the field, the exact sum, the average, the number of partitions scanned and the elapsed
                time. Fails when the field is not numeric or no entry has it.

                Examples:
                  compute sum --map orders --field amount
                  compute sum --map orders --field amount --where "region = north\"""",
                List.of(field), call -> {
                    String name = call.text(field);
                    // a field that no entry has is reported by the task itself
                    call.run(scope -> scope.sum(name), (result, elapsed) -> {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("field", name);
                        fields.put("count", result.count());
                        fields.put("summed", result.summed());
                        fields.put("sum", result.sum());
                        fields.put("average", result.average());
                        fields.put("partitions", result.partitions());
                        return new Output(table(result, elapsed), fields);
                    });
                });
    }

    static TextTable table(SumResult result, long elapsedMillis) {
        return TextTable.withHeader("count", "summed", "sum", "average", "partitions", "elapsed ms")
                .alignRight(0, 1, 2, 3, 4, 5)
                .row(result.count(), result.summed(), result.sum().toPlainString(), Values.average(result.average()),
                        result.partitions(), elapsedMillis);
    }

    @Bean
    Command computeAvg() {
        return figure("avg", "Average of a numeric field over a map's entries", """
                compute avg --map <map> --field <field> [--where <filter>] [--json] - the mean of a field.

                Entries without the field are not counted. The table shows 4 decimals; JSON every digit.

                Example:
                  compute avg --map orders --field amount --where "region = east\"""", FieldStats::average);
    }

    @Bean
    Command computeMin() {
        return figure("min", "Smallest value of a numeric field over a map's entries", """
                compute min --map <map> --field <field> [--where <filter>] [--json] - the smallest value.

                Example:
                  compute min --map orders --field amount""", FieldStats::min);
    }

    @Bean
    Command computeMax() {
        return figure("max", "Largest value of a numeric field over a map's entries", """
                compute max --map <map> --field <field> [--where <filter>] [--json] - the largest value.

                Example:
                  compute max --map orders --field quantity --where "region = west\"""", FieldStats::max);
    }

    @Bean
    Command computeStats() {
        return computation("stats", "Count, sum, min, max and average of a numeric field, in one pass", """
                compute stats --map <map> --field <field> [--where <filter>] [--json] - field statistics.

                One pass over the entries: how many were scanned, how many had the field, and the field's
                exact sum, smallest and largest value and average.

                Example:
                  compute stats --map orders --field amount""",
                List.of(NUMERIC_FIELD), call -> {
                    String name = call.text(NUMERIC_FIELD);
                    call.run(scope -> scope.stats(name), (stats, elapsed) -> new Output(
                            TextTable.withHeader("field", "count", "values", "sum", "min", "max", "average", "elapsed ms")
                                    .alignRight(1, 2, 3, 4, 5, 6, 7)
                                    .row(name, stats.count(), stats.valueCount(), stats.sum(), Values.cell(stats.min()),
                                            Values.cell(stats.max()), Values.average(stats.average()), elapsed),
                            statsJson(stats)));
                });
    }

    @Bean
    Command computeGroupBy() {
        CommandOption by = option(OptionNames.BY, OptionNames.BY_SHORT, "the field to group by", true, String.class);
        CommandOption sumField = option(OptionNames.FIELD, OptionNames.FIELD_SHORT, "a numeric field to sum per group", false, String.class);
        CommandOption limit = option(OptionNames.LIMIT, OptionNames.LIMIT_SHORT, "show only the N largest groups", false, String.class);
        return computation("group-by", "Group the entries by a field: count per group, and the sum of a numeric field", """
                compute group-by --map <map> --by <field> [--field <sum field>] [--where <filter>]
                                 [--limit <N>] [--json] - groups, largest first.

                One row per value of the --by field (entries without it form the group '(none)'), with the
                number of entries and, with --field, the sum of that numeric field. Largest groups first;
                --limit shows only the first N.

                Examples:
                  compute group-by --map orders --by region --field amount
                  compute group-by --map orders --by customer --limit 5 --where "amount > 500\"""",
                List.of(by, sumField, limit), call -> {
                    String groupField = call.text(by);
                    String field = call.text(sumField);
                    Integer n = call.limit(limit);
                    call.run(scope -> field == null ? scope.groupBy(groupField) : scope.groupBy(groupField, field),
                            (groups, elapsed) -> groups(groups, groupField, field, n, call.options().where(), elapsed));
                });
    }

    @Bean
    Command computeTop() {
        return ranked(true, "The entries with the largest values of a field", """
                compute top --map <map> --field <field> [--limit <N>] [--where <filter>] [--json]
                    - the N entries (default 10) with the largest values of a field, largest first.

                Each partition keeps only its own best N; only those travel. Numbers are ranked by value,
                anything else as text. Shows each entry's key and fields.

                Example:
                  compute top --map orders --field amount --limit 5""");
    }

    @Bean
    Command computeBottom() {
        return ranked(false, "The entries with the smallest values of a field", """
                compute bottom --map <map> --field <field> [--limit <N>] [--where <filter>] [--json]
                    - the N entries (default 10) with the smallest values of a field, smallest first.

                Example:
                  compute bottom --map orders --field amount --limit 5 --where "region = south\"""");
    }

    @Bean
    Command computeDistinct() {
        CommandOption field = field("the field whose values to count");
        return computation("distinct", "Exact number of distinct values of a field", """
                compute distinct --map <map> --field <field> [--where <filter>] [--json]
                    - how many different values the field has (exact).

                Example:
                  compute distinct --map orders --field customer""",
                List.of(field), call -> {
                    String name = call.text(field);
                    call.run(scope -> scope.distinct(name), (distinct, elapsed) -> {
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("field", name);
                        result.put("distinct", distinct);
                        return new Output(TextTable.withHeader("field", "distinct", "elapsed ms").alignRight(1, 2)
                                .row(name, distinct, elapsed), result);
                    });
                });
    }

    @Bean
    Command computeWords() {
        CommandOption field = option(OptionNames.FIELD, OptionNames.FIELD_SHORT, "the text field (default _value: the value itself)",
                GridCatalog.VALUE_FIELD);
        CommandOption limit = option(OptionNames.LIMIT, OptionNames.LIMIT_SHORT, "how many words (default " + DEFAULT_LIMIT + ")",
                false, String.class);
        return computation("words", "The most frequent words of a text field (word count)", """
                compute words --map <map> [--field <field>] [--limit <N>] [--where <filter>] [--json]
                    - the N most frequent words (default 10), most frequent first.

                Words are runs of letters, digits and apostrophes, in lower case. The field defaults to
                _value: the values themselves, for maps of plain text such as the sample lines
                ('load --type words').

                Example:
                  compute words --map words --limit 5""",
                List.of(field, limit), call -> {
                    String name = call.text(field);
                    int n = call.limit(limit, DEFAULT_LIMIT);
                    call.run(scope -> scope.wordCount(name, n), (words, elapsed) -> {
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
                        return new Output(table, Results.footer(Results.count(words.size(), "word", "words"), call.options().where(), elapsed), result);
                    });
                });
    }

    @Bean
    Command computeUpdate() {
        CommandOption field = field("the numeric field to multiply");
        CommandOption factor = option("factor", 'x', "the factor, e.g. 1.1 (+10 %) or 0.5", true, String.class);
        CommandOption yes = option(Confirmation.YES, 'y', "do not ask for confirmation (needed outside an interactive session)", false, boolean.class);
        CommandOption dryRun = option("dry-run", ' ', "only say how many entries would change; change nothing", false, boolean.class);
        return computation("update", "Multiply a numeric field by a factor in every entry (matching a filter), in place", """
                compute update --map <map> --field <field> --factor <x> [--where <filter>] [--dry-run] [--yes] [--json]
                    - a bulk update on the nodes: field = field * factor.

                Each entry is changed atomically where it lives, exactly once even if a node leaves or the
                request is retried (each updated value records the operation's id in its _lastUpdate field).
                Integral fields are rounded half up. Prints the number of entries updated.

                It changes data, so it first says how many entries it would change and asks; --yes skips the
                question, and is needed when nobody can answer it (a command or script given on the command
                line; without it they stop with exit code 2, having done nothing). --dry-run only says how many entries would change. Ctrl-C while it runs cancels it on
                the grid: the entries already updated stay updated (each once), the rest are not touched, and
                running the same command again updates the rest and the others again.

                Examples:
                  compute update --map orders --field amount --factor 1.1 --where "region = north" --dry-run
                  compute update --map orders --field amount --factor 1.1 --where "region = north"
                  compute update --map orders --field amount --factor 0.5 --yes""",
                List.of(field, factor, yes, dryRun), call -> {
                    String name = call.text(field);
                    double x = Inputs.number(factor.longName(), call.text(factor));
                    boolean dry = call.flag(dryRun);
                    if (dry || !call.flag(yes)) {
                        if (!dry) {
                            Confirmation.requireYesOrTerminal(session, false, "compute update", "multiply '" + name + "'");
                        }
                        FieldStats matching = call.scope().stats(name);
                        String what = "multiply '" + name + "' by " + BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() + " in " + matching.valueCount() + " "
                                + (matching.valueCount() == 1 ? "entry" : "entries") + " of '" + call.options().map() + "'"
                                + (call.options().where() == null ? "" : " where " + call.options().where());
                        if (dry) {
                            call.print(fields("field", name, "factor", x, "wouldUpdate", matching.valueCount(), "dryRun", true),
                                    "Dry run: would " + what + ". Nothing was changed.");
                            return;
                        }
                        if (!Confirmation.ask(call.context, "About to " + what + ". Go on?")) {
                            call.print(fields("field", name, "factor", x, "updated", 0, "cancelled", true),
                                    "Cancelled: nothing was changed.");
                            return;
                        }
                    }
                    call.run(scope -> scope.multiply(name, x), (result, elapsed) -> {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("field", name);
                        fields.put("factor", x);
                        fields.put("updated", result.updated());
                        fields.put("alreadyApplied", result.alreadyApplied());
                        fields.put("operationId", result.operationId());
                        return new Output(TextTable.withHeader("field", "factor", "updated", "operation", "elapsed ms")
                                .alignRight(1, 2, 4)
                                .row(name, Values.cell(x), result.updated(), result.operationId(), elapsed), fields);
                    });
                });
    }

    /** Names and values, in this order. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A required {@code --field}. */
    private static CommandOption field(String description) {
        return option(OptionNames.FIELD, OptionNames.FIELD_SHORT, description, true, String.class);
    }

    /**
     * A compute command: {@code compute <name>}, with the shared options around its own. A required option that is
     * missing is a usage error (exit code 2), as for the annotated commands; whatever the body throws is printed as
     * one error line (exit code 1).
     */
    private Command computation(String name, String description, String help, List<CommandOption> own, Consumer<Call> body) {
        List<CommandOption> options = ComputeOptions.around(own);
        return Command.builder()
                .name("compute " + name)
                .group(GridCommandGroup.COMPUTE)
                .description(description)
                .help(help)
                .options(options.toArray(CommandOption[]::new))
                .completionProvider(completion)
                .exitStatusExceptionMapper(errors)
                .execute(context -> {
                    Inputs.requireGiven(context, options);
                    ShellErrors.run(context, () -> body.accept(new Call(name, context, ComputeOptions.of(context))));
                });
    }

    /** {@code avg}, {@code min} or {@code max}: one figure of the SDK's statistics of a field. */
    private Command figure(String name, String description, String help, Function<FieldStats, Object> figure) {
        return computation(name, description, help, List.of(NUMERIC_FIELD), call -> {
            String fieldName = call.text(NUMERIC_FIELD);
            call.run(scope -> scope.stats(fieldName), (stats, elapsed) -> {
                Object value = figure.apply(stats);
                String cell = value instanceof BigDecimal average && name.equals("avg") ? Values.average(average)
                        : value == null ? "-" : Values.cell(value);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("field", fieldName);
                result.put("count", stats.count());
                result.put("values", stats.valueCount());
                result.put(name, value);
                return new Output(TextTable.withHeader("field", "values", name, "elapsed ms").alignRight(1, 2, 3)
                        .row(fieldName, stats.valueCount(), cell, elapsed), result);
            });
        });
    }

    /** {@code top} or {@code bottom}: the entries with the largest or smallest values of a field. */
    private Command ranked(boolean top, String description, String help) {
        CommandOption field = field("the field to rank by");
        return computation(top ? "top" : "bottom", description, help, List.of(field, ENTRIES), call -> {
            String name = call.text(field);
            int n = call.limit(ENTRIES, DEFAULT_LIMIT);
            String map = call.options().map();
            call.run(scope -> top ? scope.top(name, n) : scope.bottom(name, n), (entries, elapsed) -> {
                entries.forEach(entry -> catalog.remember(map, entry.fields().keySet()));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("field", name);
                result.put("entries", Results.entriesJson(entries));
                return new Output(Results.entries(entries, true, name), Results.footer(Results.count(entries.size(), "entry", "entries")
                                + (top ? " with the largest " : " with the smallest ") + name, call.options().where(), elapsed),
                        result);
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
        return new Output(table, Results.footer(what, where, elapsed), result);
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

    /** A result's forms: a table (with a line under it, or null), and its JSON object. */
    record Output(TextTable table, String footer, Map<String, Object> json) {

        Output(TextTable table, Map<String, Object> json) {
            this(table, null, json);
        }

        /** The table and the line under it, for a person. */
        String text() {
            return footer == null ? table.render() : table.render() + System.lineSeparator() + footer;
        }
    }

    /** Turns a computation's result and elapsed milliseconds into its output. */
    @FunctionalInterface
    interface Rendering<R> {
        Output render(R result, Long elapsedMillis);
    }

    /** One compute command being run: the values of its options, and how to run its computation. */
    private final class Call {

        private final String operation;
        private final CommandContext context;
        private final ComputeOptions options;

        Call(String operation, CommandContext context, ComputeOptions options) {
            this.operation = operation;
            this.context = context;
            this.options = options;
        }

        ComputeOptions options() {
            return options;
        }

        /** The text of one of the command's own options (or its default); {@code null} when it has neither. */
        String text(CommandOption option) {
            String value = Inputs.value(context, option);
            return value == null ? null : Inputs.requireText(option.longName(), value);
        }

        /** A {@code --limit}; {@code null} when not given. */
        Integer limit(CommandOption option) {
            String value = Inputs.value(context, option);
            return value == null ? null : Inputs.limit(value);
        }

        /** Whether a flag was given. */
        boolean flag(CommandOption option) {
            return Inputs.flag(context, option);
        }

        /** The map's computations, narrowed by the filter. */
        ComputeScope scope() {
            ComputeScope scope = connection.grid().compute().on(Inputs.requireText(OptionNames.MAP, options.map()));
            return options.where() == null ? scope : scope.where(options.where());
        }

        /** A result's fields after the operation and the map, followed by the filter. */
        private Map<String, Object> described(Map<String, Object> fields) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("operation", operation);
            Results.putMap(object, options.map());
            object.putAll(fields);
            object.put("where", options.where());
            return object;
        }

        /** Prints a message; as JSON or CSV, its fields with the operation, map and filter. */
        void print(Map<String, Object> fields, String text) {
            Map<String, Object> object = described(fields);
            TextTable table = TextTable.withHeader(object.keySet().toArray(String[]::new));
            table.row(object.values().stream().map(v -> v == null ? "" : Values.cell(v)).toArray());
            Results.print(context.outputWriter(), options.format(), text, table, object);
        }

        /** A {@code --limit}, or {@code otherwise} when not given. */
        int limit(CommandOption option, int otherwise) {
            Integer limit = limit(option);
            return limit == null ? otherwise : limit;
        }

        /**
         * Runs a computation on the scope of the map (narrowed by the filter) with a progress bar when a person
         * watches, then prints its output: the table, or the JSON object (with the operation, the map, the filter
         * and the elapsed time added).
         */
        <R> void run(Function<ComputeScope, R> computation, Rendering<R> rendering) {
            String map = Inputs.requireText(OptionNames.MAP, options.map());
            ComputeScope scope = scope();
            PrintWriter out = context.outputWriter();
            R result;
            ProgressBar.Style style = ProgressBar.Style.forComputation(session.isInteractive(), options.format() != OutputFormat.TABLE);
            if (style != ProgressBar.Style.NONE && connection.grid().map(map, Object.class, Object.class).size() < PROGRESS_MIN_ENTRIES) {
                style = ProgressBar.Style.NONE; // quick anyway, and tracking progress costs the nodes a little
            }
            long started = System.nanoTime();
            try (ProgressBar progress = new ProgressBar(out, style, "partitions")) {
                result = computation.apply(style == ProgressBar.Style.NONE ? scope : scope.onProgress(progress));
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            Output output = rendering.render(result, elapsed);
            Map<String, Object> object = described(output.json());
            object.put("elapsedMs", elapsed);
            Results.print(out, options.format(), output.text(), output.table(), object);
        }
    }
}
