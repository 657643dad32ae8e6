package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.client.ComputeScope;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.MapInfo;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.Results;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;
import io.affinitygrid.shell.output.Values;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Commands on the grid's maps: {@code maps} (the list of maps), {@code put}, {@code get}, {@code remove}, {@code scan}. */
@Component
class MapCommands {

    /** Entries {@code scan} shows when no limit is given. */
    static final int DEFAULT_SCAN_LIMIT = 10;

    private final GridConnection connection;
    private final GridCatalog catalog;

    public MapCommands(GridConnection connection, GridCatalog catalog) {
        this.connection = connection;
        this.catalog = catalog;
    }

    @Command(name = "maps", alias = "caches", group = GridCommandGroup.CLUSTER,
            description = "List the grid's maps with their mode, backups, partitions and size",
            help = """
                    maps [--json] - the grid's maps ('caches' is a deprecated alias).

                    One row per map: name, mode (PARTITIONED or REPLICATED), number of backup copies of each
                    partition, number of partitions, and number of entries (primary copies). '?' means the grid
                    could not tell. The grid's internal maps (names starting with __) are not listed.

                    Example:
                      maps""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void maps(CommandContext context,
            @Option(longName = "json", description = "print the maps as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            List<MapInfo> maps = GridConnection.userMaps(connection.grid().maps());
            context.outputWriter().println(json ? Json.write(maps.stream().map(Results::mapJson).toList()) : render(maps));
        });
    }

    static String render(List<MapInfo> maps) {
        TextTable table = TextTable.withHeader("name", "mode", "backups", "partitions", "size").alignRight(2, 3, 4);
        for (MapInfo map : maps) {
            table.row(map.name(), map.mode(), Results.known(map.backups()), Results.known(map.partitions()), map.size());
        }
        return table.render();
    }

    @Command(name = "put", group = GridCommandGroup.DATA,
            description = "Store a value under a key in a map",
            help = """
                    put --map <map> --key <key> --value <value> [--json] - store a value.

                    The key is stored as a whole number (Long) when it reads as one, like the keys of the sample
                    data, else as text. The value is stored as text. Quote values with spaces: --value "a b".

                    Example:
                      put --map words --key 1 --value "to be or not to be"
                      get --map words --key 1""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void put(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to write to", required = true) String map,
            @Option(longName = "key", shortName = 'k', description = "the key; a whole number is stored as a Long", required = true) String key,
            @Option(longName = "value", shortName = 'v', description = "the value, stored as text", required = true) String value,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            Object typedKey = Inputs.key(key);
            map(map).put(typedKey, value);
            catalog.forget(map);
            PrintWriter out = context.outputWriter();
            out.println(json ? Json.write(keyResult(map, typedKey, "stored", true)) : "Stored " + describeKey(typedKey) + " in '" + map + "'");
        });
    }

    @Command(name = "get", group = GridCommandGroup.DATA,
            description = "Print the value stored under a key in a map",
            help = """
                    get --map <map> --key <key> [--json] - print a value.

                    The key is read as a whole number (Long) when it reads as one, like the keys of the sample
                    data, else as text. Objects are printed with their fields.

                    Example:
                      get --map orders --key 42
                      get --map orders --key 42 --json""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void get(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to read from", required = true) String map,
            @Option(longName = "key", shortName = 'k', description = "the key; a whole number is read as a Long", required = true) String key,
            @Option(longName = "json", description = "print the entry as JSON (value null when absent)") boolean json) {
        ShellErrors.run(context, () -> {
            Object typedKey = Inputs.key(key);
            Object value = map(map).get(typedKey);
            PrintWriter out = context.outputWriter();
            if (json) {
                out.println(Json.write(keyResult(map, typedKey, "value", Values.plain(value))));
            }
            else {
                out.println(value == null ? "No value for " + describeKey(typedKey) + " in '" + map + "'" : String.valueOf(value));
            }
        });
    }

    @Command(name = "remove", group = GridCommandGroup.DATA,
            description = "Remove the entry of a key from a map",
            help = """
                    remove --map <map> --key <key> [--json] - remove an entry.

                    The key is read as a whole number (Long) when it reads as one, else as text. Says whether
                    there was an entry to remove.

                    Example:
                      remove --map orders --key 42""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void remove(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to remove from", required = true) String map,
            @Option(longName = "key", shortName = 'k', description = "the key; a whole number is read as a Long", required = true) String key,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            Object typedKey = Inputs.key(key);
            boolean removed = map(map).remove(typedKey);
            PrintWriter out = context.outputWriter();
            if (json) {
                out.println(Json.write(keyResult(map, typedKey, "removed", removed)));
            }
            else {
                out.println(removed ? "Removed " + describeKey(typedKey) + " from '" + map + "'"
                        : "No value for " + describeKey(typedKey) + " in '" + map + "'");
            }
        });
    }

    @Command(name = "scan", group = GridCommandGroup.DATA,
            description = "Show the first entries of a map, in the order of a field",
            help = """
                    scan --map <map> [--limit <N>] [--by <field>] [--where <filter>] [--json] - browse entries.

                    Shows the N entries (default 10) with the smallest values of a field, with their keys and
                    fields: the nodes scan their own partitions and send only their first N. The field defaults
                    to 'id' when the values have one, '_value' for plain values (text, numbers), else the first
                    field. Entries without the field are not shown. --where narrows the entries first.

                    Examples:
                      scan --map orders --limit 5
                      scan --map orders --by amount --where "region = north"
                      scan --map words --limit 3""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void scan(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to browse", required = true) String mapName,
            @Option(longName = OptionNames.LIMIT, shortName = OptionNames.LIMIT_SHORT, description = "how many entries (default 10)") String limit,
            @Option(longName = OptionNames.BY, shortName = OptionNames.BY_SHORT, description = "the field to order the entries by") String by,
            @Option(longName = OptionNames.WHERE, shortName = OptionNames.WHERE_SHORT, description = OptionNames.WHERE_HELP) String where,
            @Option(longName = "json", description = "print the entries as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String map = Inputs.requireText(OptionNames.MAP, mapName);
            int n = limit == null ? DEFAULT_SCAN_LIMIT : Inputs.limit(limit);
            String field = by;
            if (field == null) {
                field = catalog.defaultOrderField(map);
                if (field == null) {
                    connection.grid().map(map, Object.class, Object.class); // an unknown map is the better error
                    throw new IllegalArgumentException("The fields of '" + map + "' are not known; say which one to order by: --by <field>");
                }
            }
            ComputeScope scope = connection.grid().compute().on(map);
            if (where != null) {
                scope = scope.where(where);
            }
            long started = System.nanoTime();
            List<TopEntry> entries = scope.bottom(Inputs.requireText("by", field), n);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            entries.forEach(entry -> catalog.remember(map, entry.fields().keySet()));
            PrintWriter out = context.outputWriter();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                Results.putMap(result, map);
                result.put("by", field);
                result.put("where", where);
                result.put("entries", Results.entriesJson(entries));
                result.put("elapsedMs", elapsed);
                out.println(Json.write(result));
            }
            else {
                out.println(Results.entriesTable(entries, false, field));
                out.println(Results.footer(Results.count(entries.size(), "entry", "entries") + " by " + field,
                        where, elapsed));
            }
        });
    }

    private GridMap<Object, Object> map(String name) {
        return connection.grid().map(Inputs.requireText(OptionNames.MAP, name), Object.class, Object.class);
    }

    private static Map<String, Object> keyResult(String map, Object key, String name, Object value) {
        Map<String, Object> result = new LinkedHashMap<>();
        Results.putMap(result, map);
        result.put("key", key);
        result.put(name, value);
        return result;
    }

    private static String describeKey(Object key) {
        return key instanceof Long ? "key " + key : "key '" + key + "'";
    }
}
