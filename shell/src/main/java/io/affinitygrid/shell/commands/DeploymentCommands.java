package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.client.Deployment;
import io.affinitygrid.compute.Filter;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.shell.connection.DeploymentCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.OutputFormat;
import io.affinitygrid.shell.output.Results;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;
import io.affinitygrid.shell.output.Values;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Your own computations on the grid: {@code deploy} a jar of tasks to every node, {@code undeploy} it, list the
 * {@code deployments}, and {@code compute run} a deployed task (or any task on the nodes) by class name.
 */
@Component
class DeploymentCommands {

    private final GridConnection connection;
    private final DeploymentCatalog catalog;

    public DeploymentCommands(GridConnection connection, DeploymentCatalog catalog) {
        this.connection = connection;
        this.catalog = catalog;
    }

    @Command(name = "deploy", group = GridCommandGroup.COMPUTE,
            description = "Deploy a jar of tasks and key jobs to every grid node, as a new version of a name",
            help = """
                    deploy --name <name> --jar <path> [--json] - ship your own computations to the grid.

                    Every server node loads and checks the jar before any registers it: the deploy reaches all
                    nodes or none. Deploying a name again makes a new version; computations already running
                    finish on the old one. Nodes that join or restart load it before they serve. The nodes need
                    grid.deployment.enabled=true. The jar holds public ComputeTask (e.g. ScanTask) or KeyJob
                    classes and their dependencies, but not Ignite or the grid's own classes.

                    Example:
                      deploy --name order-analytics --jar target/order-analytics.jar
                      compute run --task com.example.MaxQuantityTask --map orders""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void deploy(CommandContext context,
            @Option(longName = "name", shortName = 'n', description = "the deployment's name: letters, digits, . _ -", required = true) String name,
            @Option(longName = "jar", shortName = 'j', description = "path of the jar file", required = true) String jar,
            @Option(longName = "json", description = "print the deployment as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            io.affinitygrid.client.Grid grid = connection.grid(); // may start the embedded grid: not part of the deploy's time
            long started = System.nanoTime();
            Deployment deployment = grid.deployments().deploy(Inputs.requireText("name", name),
                    Path.of(Inputs.requireText("jar", jar)));
            catalog.forget();
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            PrintWriter out = context.outputWriter();
            if (json) {
                Map<String, Object> object = json(deployment);
                object.put("elapsedMs", elapsed);
                out.println(Json.write(object));
            }
            else {
                out.println("Deployed '" + deployment.name() + "' version " + deployment.version() + " in " + elapsed + " ms"
                        + " (sha256 " + deployment.checksum() + ")");
                out.println(render(List.of(deployment)));
            }
        });
    }

    @Command(name = "undeploy", group = GridCommandGroup.COMPUTE,
            description = "Remove a deployment from every grid node",
            help = """
                    undeploy --name <name> [--json] - remove a deployment everywhere.

                    Computations running finish; later calls of its tasks fail, naming the deployment.

                    Example:
                      undeploy --name order-analytics""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void undeploy(CommandContext context,
            @Option(longName = "name", shortName = 'n', description = "the deployment to remove", required = true) String name,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            Deployment removed = connection.grid().deployments().undeploy(Inputs.requireText("name", name));
            catalog.forget();
            context.outputWriter().println(json ? Json.write(json(removed))
                    : "Undeployed '" + removed.name() + "' (version " + removed.version() + ")");
        });
    }

    @Command(name = "deployments", group = GridCommandGroup.COMPUTE,
            description = "List the deployments: name, version, checksum, size, classes, who and when",
            help = """
                    deployments [--json] - the jars deployed on the grid.

                    One row per deployment: name, version, SHA-256 of the jar (compare with sha256sum), size in
                    bytes, the task and key-job classes found in it, who deployed it and when.

                    Example:
                      deployments""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void deployments(CommandContext context,
            @Option(longName = "json", description = "print the deployments as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            List<Deployment> deployments = connection.grid().deployments().list();
            catalog.forget();
            PrintWriter out = context.outputWriter();
            if (json) {
                out.println(Json.write(deployments.stream().map(DeploymentCommands::json).toList()));
            }
            else {
                out.println(deployments.isEmpty() ? "No deployments. Deploy a jar with: deploy --name <name> --jar <path>"
                        : render(deployments));
            }
        });
    }

    @Command(name = "compute run", group = GridCommandGroup.COMPUTE,
            description = "Run a task by class name, e.g. one you deployed, over a map or with an argument",
            help = """
                    compute run --task <class> [--map <map> [--field <field>] [--where <filter>]] [--arg <value>]
                                [--format table|json|csv]

                    With --map the task gets a QueryArgument over that map (what ScanTask subclasses take),
                    with the optional field and filter. Without it, the task gets --arg: a whole number is passed
                    as a Long, anything else as text; no --arg passes null. The result is printed as a table
                    (maps and lists) or as a value.

                    Examples:
                      compute run --task com.example.MaxQuantityTask --map orders
                      compute run --task com.example.MaxQuantityTask --map orders --where "region = north\"""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void run(CommandContext context,
            @Option(longName = "task", shortName = 't', description = "the task's class name", required = true) String task,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map the task scans") String map,
            @Option(longName = OptionNames.FIELD, shortName = OptionNames.FIELD_SHORT, description = "the field the task reads, when it takes one") String field,
            @Option(longName = OptionNames.WHERE, shortName = OptionNames.WHERE_SHORT, description = OptionNames.WHERE_HELP) String where,
            @Option(longName = "arg", shortName = 'a', description = "the argument, when there is no --map") String arg,
            @Option(longName = OptionNames.FORMAT, description = OutputFormat.HELP) String format,
            @Option(longName = "json", description = "short for --format json") boolean json) {
        ShellErrors.run(context, () -> {
            OutputFormat output = OutputFormat.of(format, json);
            String taskName = Inputs.requireText("task", task);
            Object argument;
            if (map != null) {
                QueryArgument.Builder query = QueryArgument.on(Inputs.requireText(OptionNames.MAP, map));
                if (field != null) {
                    query.field(field);
                }
                if (where != null) {
                    query.where(Filter.parse(where));
                }
                argument = query.build();
            }
            else {
                argument = arg == null ? null : Inputs.key(arg);
            }
            io.affinitygrid.client.Grid grid = connection.grid();
            long started = System.nanoTime();
            Object result = grid.compute().execute(taskName, argument);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("task", taskName);
            Results.putMap(object, map);
            object.put("result", Values.plain(result));
            object.put("elapsedMs", elapsed);
            TextTable table = resultTable(result);
            Results.print(context.outputWriter(), output, table.render() + System.lineSeparator() + "elapsed " + elapsed + " ms", table, object);
        });
    }

    static String renderResult(Object result) {
        return resultTable(result).render();
    }

    private static TextTable resultTable(Object result) {
        if (result instanceof Map<?, ?> map) {
            TextTable table = TextTable.withHeader("key", "value");
            new java.util.TreeMap<>(stringKeys(map)).forEach((key, value) -> table.row(key, Values.cell(value)));
            return table;
        }
        if (result instanceof List<?> list) {
            TextTable table = TextTable.withHeader("#", "value").alignRight(0);
            for (int i = 0; i < list.size(); i++) {
                table.row(i + 1, Values.cell(list.get(i)));
            }
            return table;
        }
        return TextTable.withHeader("result").row(Values.cell(result));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> keys = new LinkedHashMap<>();
        map.forEach((key, value) -> keys.put(String.valueOf(key), value));
        return keys;
    }

    static String render(List<Deployment> deployments) {
        TextTable table = TextTable.withHeader("name", "version", "sha256", "bytes", "tasks", "key jobs", "by", "deployed at")
                .alignRight(1, 3);
        for (Deployment d : deployments) {
            table.row(d.name(), d.version(), d.checksum().substring(0, 12), d.size(), String.join(", ", d.taskClasses()),
                    String.join(", ", d.keyJobClasses()), d.deployedBy(), d.deployedAt().toString());
        }
        return table.render();
    }

    static Map<String, Object> json(Deployment d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", d.name());
        json.put("version", d.version());
        json.put("sha256", d.checksum());
        json.put("size", d.size());
        json.put("taskClasses", new ArrayList<>(d.taskClasses()));
        json.put("keyJobClasses", new ArrayList<>(d.keyJobClasses()));
        json.put("deployedBy", d.deployedBy());
        json.put("deployedAt", d.deployedAt().toString());
        return json;
    }
}
