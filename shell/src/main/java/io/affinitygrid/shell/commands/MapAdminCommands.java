package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.affinitygrid.client.Grid;
import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapDescription;
import io.affinitygrid.compute.admin.MapMode;
import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Maps at run time: {@code map create}, {@code map destroy}, {@code map clear} and {@code map describe} (with
 * {@code cache ...} as deprecated aliases), over the SDK's {@code grid.admin()}.
 */
@Component
class MapAdminCommands {

    private final GridConnection connection;
    private final GridCatalog catalog;
    private final ShellSession session;

    public MapAdminCommands(GridConnection connection, GridCatalog catalog, ShellSession session) {
        this.connection = connection;
        this.catalog = catalog;
        this.session = session;
    }

    @Command(name = "map create", alias = "cache create", group = GridCommandGroup.CLUSTER,
            description = "Create a map on every node, kept across restarts",
            help = """
                    map create --name <map> [--backups <B>] [--mode partitioned|replicated] [--partitions <P>] [--eviction] [--json]

                    Creates the map on every server node with the nodes' rules for maps (writes reach the backups
                    before they are acknowledged; a lost partition fails loudly). It survives restarts like a map of
                    grid.maps: a node that restarts or joins gets it, and a full restart brings it back, empty.
                      --backups B      backup copies of each partition (partitioned maps; default 1)
                      --mode M         partitioned (default) or replicated (a copy on every node)
                      --partitions P   number of partitions, 1 to 65000 (default 1024)
                      --eviction       live in the nodes' eviction region: the least recently used entries are
                                       evicted when it fills, instead of writes being refused
                    ('cache create' is a deprecated alias.)

                    Examples:
                      map create --name sessions --backups 2
                      map create --name codes --mode replicated --partitions 64
                      map create --name recent --eviction""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void create(CommandContext context,
            @Option(longName = "name", shortName = 'n', description = "the new map's name", required = true) String name,
            @Option(longName = "backups", shortName = 'b', description = "backup copies of each partition (default 1)") String backups,
            @Option(longName = "mode", description = "partitioned (default) or replicated") String mode,
            @Option(longName = "partitions", shortName = 'p', description = "number of partitions (default 1024)") String partitions,
            @Option(longName = "eviction", description = "evict the least recently used entries when full") boolean eviction,
            @Option(longName = "json", description = "print the new map as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            MapDefinition.Builder definition = MapDefinition.builder(Inputs.requireText("name", name)).eviction(eviction);
            if (mode != null) {
                definition.mode(mode(mode));
            }
            if (backups != null) {
                definition.backups(Inputs.wholeNumber("backups", backups, 0, MapDefinition.MAX_BACKUPS));
            }
            if (partitions != null) {
                definition.partitions(Inputs.wholeNumber("partitions", partitions, 1, MapDefinition.MAX_PARTITIONS));
            }
            MapDescription created = connection.grid().admin().create(definition.build());
            catalog.forget(created.name());
            print(context.outputWriter(), json, "Created map '" + created.name() + "' on every node.", created);
        });
    }

    @Command(name = "map describe", alias = "cache describe", group = GridCommandGroup.CLUSTER,
            description = "Show a map's definition, entries, and whether it was created at run time",
            help = """
                    map describe --name <map> [--json] - one map's definition.

                    Its mode, backups, partitions, whether it evicts, its number of entries, and whether it was
                    created at run time (map create) or configured on the nodes (grid.maps).
                    ('cache describe' is a deprecated alias.)

                    Example:
                      map describe --name orders""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void describe(CommandContext context,
            @Option(longName = "name", shortName = 'n', description = "the map", required = true) String name,
            @Option(longName = "json", description = "print the map as JSON") boolean json) {
        ShellErrors.run(context, () -> print(context.outputWriter(), json, null,
                connection.grid().admin().describe(Inputs.requireText("name", name))));
    }

    @Command(name = "map destroy", alias = "cache destroy", group = GridCommandGroup.CLUSTER,
            description = "Destroy a map and its entries on every node (asks first; --yes skips)",
            help = """
                    map destroy --name <map> [--yes] [--json] - remove a map for good.

                    Its entries and its definition go from every node, and it does not come back on a restart
                    (a map of grid.maps does: the nodes that configure it create it again when they start).
                    Asks for confirmation; --yes answers in advance, and a one-shot command or a script must
                    give it (without it they stop with exit code 2, having done nothing). The grid's own maps
                    (names starting with __) are refused. ('cache destroy' is a deprecated alias.)

                    Example:
                      map destroy --name sessions --yes""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void destroy(CommandContext context,
            @Option(longName = "name", shortName = 'n', description = "the map to destroy", required = true) String name,
            @Option(longName = Confirmation.YES, shortName = 'y', description = "do not ask for confirmation") boolean yes,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        Confirmation.requireYesOrTerminal(session, yes, "map destroy", "destroy map '" + name + "'");
        ShellErrors.run(context, () -> {
            String map = Inputs.requireText("name", name);
            Grid grid = connection.grid();
            PrintWriter out = context.outputWriter();
            if (!yes && !Confirmation.ask(context, "Destroy map '" + map + "' and its " + grid.admin().describe(map).size()
                    + " entries on every node?")) {
                out.println("Map '" + map + "' was not destroyed.");
                return;
            }
            MapDescription destroyed = grid.admin().destroy(map);
            catalog.forget(map);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", map);
                result.put("destroyed", true);
                result.put("entries", destroyed.size());
                out.println(Json.write(result));
            }
            else {
                out.println("Destroyed map '" + map + "' and its " + destroyed.size() + " entries.");
            }
        });
    }

    @Command(name = "map clear", alias = "cache clear", group = GridCommandGroup.CLUSTER,
            description = "Remove every entry of a map (asks first; --yes skips)",
            help = """
                    map clear --name <map> [--yes] [--json] - empty a map; the map stays.

                    Asks for confirmation; --yes answers in advance, and a one-shot command or a script must give
                    it (without it they stop with exit code 2, having done nothing). The grid's own maps (names
                    starting with __) are refused. ('cache clear' is a deprecated alias.)

                    Example:
                      map clear --name sessions --yes""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void clear(CommandContext context,
            @Option(longName = "name", shortName = 'n', description = "the map to empty", required = true) String name,
            @Option(longName = Confirmation.YES, shortName = 'y', description = "do not ask for confirmation") boolean yes,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        Confirmation.requireYesOrTerminal(session, yes, "map clear", "clear map '" + name + "'");
        ShellErrors.run(context, () -> {
            String map = Inputs.requireText("name", name);
            Grid grid = connection.grid();
            PrintWriter out = context.outputWriter();
            if (!yes && !Confirmation.ask(context, "Remove the " + grid.admin().describe(map).size() + " entries of map '"
                    + map + "'?")) {
                out.println("Map '" + map + "' was not cleared.");
                return;
            }
            long removed = grid.admin().clear(map);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", map);
                result.put("removed", removed);
                out.println(Json.write(result));
            }
            else {
                out.println("Cleared map '" + map + "': " + removed + " entries removed.");
            }
        });
    }

    private static MapMode mode(String mode) {
        return switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "partitioned" -> MapMode.PARTITIONED;
            case "replicated" -> MapMode.REPLICATED;
            default -> throw new IllegalArgumentException("--mode must be partitioned or replicated, got '" + mode + "'");
        };
    }

    private static void print(PrintWriter out, boolean json, String headline, MapDescription map) {
        if (json) {
            out.println(Json.write(json(map)));
            return;
        }
        if (headline != null) {
            out.println(headline);
        }
        MapDefinition d = map.definition();
        out.println(TextTable.withHeader("map", "mode", "backups", "partitions", "eviction", "entries", "created")
                .alignRight(2, 3, 5)
                .row(d.name(), d.mode().name().toLowerCase(Locale.ROOT), d.backups(), d.partitions(), d.eviction() ? "yes" : "no",
                        map.size(), map.runtime() ? "at run time" : "configured (grid.maps)")
                .render());
    }

    static Map<String, Object> json(MapDescription map) {
        MapDefinition d = map.definition();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", d.name());
        json.put("mode", d.mode().name());
        json.put("backups", d.backups());
        json.put("partitions", d.partitions());
        json.put("eviction", d.eviction());
        json.put("size", map.size());
        json.put("runtime", map.runtime());
        return json;
    }
}
