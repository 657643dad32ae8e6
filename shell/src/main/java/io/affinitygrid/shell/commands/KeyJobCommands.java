package io.affinitygrid.shell.commands;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.affinitygrid.client.GridCompute;
import io.affinitygrid.compute.FieldDelta;
import io.affinitygrid.compute.KeyJobRef;
import io.affinitygrid.compute.KeyJobResult;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.data.KeyType;
import io.affinitygrid.shell.output.OutputFormat;
import io.affinitygrid.shell.output.Results;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;
import io.affinitygrid.shell.output.Values;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code compute key}: runs a key job on the primary node of a key, through the SDK's {@code runOnKey}. */
@Component
class KeyJobCommands {

    private final GridConnection connection;

    KeyJobCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "compute key", group = GridCommandGroup.COMPUTE,
            description = "Run a key job on the node that holds a key (the primary of its partition)",
            help = """
                    compute key --map <map> --key <key> --job <class> [--arg <value>] [--key-type <type>]
                                [--format table|json|csv] - a job on one entry, where it lives.

                    Runs the key job (a class implementing KeyJob: the catalog's, or one you deployed) on the
                    primary node of the key's partition, where it reads and writes the entry locally, and
                    prints its result, the partition and the node that ran it. TAB completes --job with the
                    catalog's key jobs and the deployed ones. A simple class name is enough for the catalog's.

                    The catalog's io.affinitygrid.compute.AddToFieldJob adds a number to a numeric field and
                    answers the new value: --arg <field>:<number>, e.g. amount:10. Other jobs get --arg as a
                    Long when it is a whole number, else as text; no --arg passes null. A key job is never run
                    twice: if its node leaves before answering, the command says it may or may not have run.

                    Examples:
                      compute key --map orders --key 42 --job AddToFieldJob --arg amount:10
                      compute key --map orders --key 42 --job com.example.TouchJob""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void key(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the key's map", required = true) String mapName,
            @Option(longName = "key", shortName = 'k', description = "the key", required = true) String key,
            @Option(longName = OptionNames.JOB, shortName = 'j', description = "the key job's class name", required = true) String job,
            @Option(longName = "arg", shortName = 'a', description = "the job's argument") String arg,
            @Option(longName = OptionNames.KEY_TYPE, description = KeyType.HELP) String keyType,
            @Option(longName = OptionNames.FORMAT, description = OutputFormat.HELP) String format,
            @Option(longName = "json", description = "short for --format json") boolean json) {
        ShellErrors.run(context, () -> {
            OutputFormat output = OutputFormat.of(format, json);
            String map = Inputs.requireText(OptionNames.MAP, mapName);
            Object typedKey = KeyType.of(keyType).key(Inputs.requireText("key", key));
            GridCompute compute = connection.grid().compute();
            KeyJobRef<?, ?> builtIn = builtIn(compute, Inputs.requireText(OptionNames.JOB, job));
            String jobClass = builtIn == null ? job.strip() : builtIn.className();
            Object argument = builtIn != null && builtIn.argumentType() == FieldDelta.class ? fieldDelta(builtIn, arg)
                    : arg == null ? null : KeyType.GUESS.key(arg);
            long started = System.nanoTime();
            KeyJobResult<Object> outcome = compute.runOnKey(map, typedKey, jobClass, argument);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            TextTable table = TextTable.withHeader("result", "partition", "node", "elapsed ms").alignRight(1, 3)
                    .row(Values.cell(outcome.result()), outcome.partition(), outcome.node(), elapsed);
            Map<String, Object> result = new LinkedHashMap<>();
            Results.putMap(result, map);
            result.put("key", typedKey);
            result.put("job", jobClass);
            result.put("result", Values.plain(outcome.result()));
            result.put("partition", outcome.partition());
            result.put("node", outcome.node());
            result.put("elapsedMs", elapsed);
            Results.print(context.outputWriter(), output, table.render(), table, result);
        });
    }

    /** The catalog's key job named by {@code job}, by its class name or its simple name; {@code null} for another. */
    static KeyJobRef<?, ?> builtIn(GridCompute compute, String job) {
        String name = job.strip();
        return compute.catalogKeyJobs().stream().filter(ref -> ref.className().equals(name) || ref.className().endsWith("." + name))
                .findFirst().orElse(null);
    }

    /** The argument of a job that takes a {@link FieldDelta}: {@code --arg field:number}. */
    private static FieldDelta fieldDelta(KeyJobRef<?, ?> job, String arg) {
        String usage = simpleName(job.className()) + " takes --arg <field>:<number>, e.g. --arg amount:10; ";
        int colon = arg == null ? -1 : arg.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(usage + "got " + (arg == null ? "none" : "'" + arg + "'"));
        }
        try {
            return FieldDelta.of(arg.substring(0, colon).strip(), new BigDecimal(arg.substring(colon + 1).strip()));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage + "'" + arg.substring(colon + 1) + "' is not a number");
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
