package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.client.ComputeScope;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.GridRecord;
import io.affinitygrid.client.MapInfo;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.data.KeyType;
import io.affinitygrid.shell.data.Records;
import io.affinitygrid.shell.data.ValueType;
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
                    maps [--format table|json|csv] - the grid's maps ('caches' is a deprecated alias).

                    One row per map: name, mode (PARTITIONED or REPLICATED), number of backup copies of each
                    partition, number of partitions, and number of entries (primary copies). '?' means the grid
                    could not tell. The grid's internal maps (names starting with __) are not listed.

                    Example:
                      maps""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void maps(CommandContext context,
            @Option(longName = OptionNames.FORMAT, description = OutputFormat.HELP) String format,
            @Option(longName = "json", description = "short for --format json") boolean json) {
        ShellErrors.run(context, () -> {
            OutputFormat output = OutputFormat.of(format, json);
            List<MapInfo> maps = GridConnection.userMaps(connection.grid().maps());
            TextTable table = table(maps);
            Results.print(context.outputWriter(), output, table.render(), table, maps.stream().map(Results::mapJson).toList());
        });
    }

    static String render(List<MapInfo> maps) {
        return table(maps).render();
    }

    private static TextTable table(List<MapInfo> maps) {
        TextTable table = TextTable.withHeader("name", "mode", "backups", "partitions", "size").alignRight(2, 3, 4);
        for (MapInfo map : maps) {
            table.row(map.name(), map.mode(), Results.known(map.backups()), Results.known(map.partitions()), map.size());
        }
        return table;
    }

    @Command(name = "put", group = GridCommandGroup.DATA,
            description = "Store a value under a key in a map: text, a number, or a JSON object stored with its fields",
            help = """
                    put --map <map> --key <key> --value <value> [--key-type long|int|string|uuid]
                        [--value-type string|long|double|json] [--type-name <type>] [--format table|json|csv]
                        - store a value.

                    Without --key-type, a key that reads as a whole number is stored as a Long, like the keys of
                    the sample data, else as text. The value is text unless --value-type says otherwise; with
                    json, an object is stored as an object with fields (of type --type-name, by default the
                    map's name), so that computations read its fields (--field, --where) like those of the
                    sample orders; other JSON values are stored as they are. Quote a value with spaces whole:
                    --value "a b"; in JSON with spaces, escape its quotes: --value "{\\"id\\": 7}" (from the operating
                    system's shell, '{"id": 7}' will do), or write it without spaces.

                    Examples:
                      put --map words --key 1 --value "to be or not to be"
                      put --map orders --key 20001 --value-type json --value {"id":20001,"region":"north","amount":12.5}
                      put --map sessions --key-type uuid --key 123e4567-e89b-12d3-a456-426614174000 --value active""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void put(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to write to", required = true) String map,
            @Option(longName = "key", shortName = 'k', description = "the key", required = true) String key,
            @Option(longName = "value", shortName = 'v', description = "the value", required = true) String value,
            @Option(longName = OptionNames.KEY_TYPE, description = KeyType.HELP) String keyType,
            @Option(longName = "value-type", description = ValueType.HELP) String valueType,
            @Option(longName = OptionNames.TYPE_NAME, description = "the type of a JSON object value (default: the map's name)") String typeName,
            @Option(longName = OptionNames.FORMAT, description = OutputFormat.HELP) String format,
            @Option(longName = "json", description = "short for --format json") boolean json) {
        ShellErrors.run(context, () -> {
            OutputFormat output = OutputFormat.of(format, json);
            String name = Inputs.requireText(OptionNames.MAP, map);
            Object typedKey = KeyType.of(keyType).key(Inputs.requireText("key", key));
            Object typedValue = ValueType.of(valueType).value(value, typeName == null ? name : Inputs.requireText(OptionNames.TYPE_NAME, typeName));
            records(name).put(typedKey, typedValue);
            catalog.forget(name);
            Results.print(context.outputWriter(), output, "Stored " + KeyType.describe(typedKey) + " in '" + name + "'",
                    TextTable.withHeader("map", "key", "stored").row(name, Values.cell(typedKey), true), keyResult(name, typedKey, "stored", true));
        });
    }

    @Command(name = "get", group = GridCommandGroup.DATA,
            description = "Print the value stored under a key in a map, objects with their fields",
            help = """
                    get --map <map> --key <key> [--key-type long|int|string|uuid] [--format table|json|csv]
                        - print a value.

                    Without --key-type, a key that reads as a whole number is read as a Long, like the keys of
                    the sample data, else as text. An object is printed with its fields (a table with the key and
                    a column per field, one JSON object, or CSV); a plain value as it is. The bookkeeping field
                    _lastUpdate of 'compute update' is left out.

                    Examples:
                      get --map orders --key 42
                      get --map orders --key 42 --format json""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void get(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to read from", required = true) String map,
            @Option(longName = "key", shortName = 'k', description = "the key", required = true) String key,
            @Option(longName = OptionNames.KEY_TYPE, description = KeyType.HELP) String keyType,
            @Option(longName = OptionNames.FORMAT, description = OutputFormat.HELP) String format,
            @Option(longName = "json", description = "short for --format json (value null when absent)") boolean json) {
        ShellErrors.run(context, () -> {
            OutputFormat output = OutputFormat.of(format, json);
            String name = Inputs.requireText(OptionNames.MAP, map);
            Object typedKey = KeyType.of(keyType).key(Inputs.requireText("key", key));
            Object value = Records.withoutBookkeeping(records(name).get(typedKey));
            PrintWriter out = context.outputWriter();
            if (value == null && output == OutputFormat.TABLE) {
                out.println("No value for " + KeyType.describe(typedKey) + " in '" + name + "'");
                return;
            }
            TextTable table = Records.table(List.of(new java.util.AbstractMap.SimpleImmutableEntry<>(typedKey, value)));
            Results.print(out, output, value instanceof GridRecord ? table.render() : Values.cell(value), table,
                    keyResult(name, typedKey, "value", Values.plain(value)));
        });
    }

    @Command(name = "remove", group = GridCommandGroup.DATA,
            description = "Remove the entry of a key from a map",
            help = """
                    remove --map <map> --key <key> [--key-type long|int|string|uuid] [--json] - remove an entry.

                    Without --key-type, the key is read as a whole number (Long) when it reads as one, else as
                    text. Says whether there was an entry to remove.

                    Example:
                      remove --map orders --key 42""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void remove(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to remove from", required = true) String map,
            @Option(longName = "key", shortName = 'k', description = "the key", required = true) String key,
            @Option(longName = OptionNames.KEY_TYPE, description = KeyType.HELP) String keyType,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            Object typedKey = KeyType.of(keyType).key(Inputs.requireText("key", key));
            boolean removed = map(map).remove(typedKey);
            PrintWriter out = context.outputWriter();
            if (json) {
                out.println(Json.write(keyResult(map, typedKey, "removed", removed)));
            }
            else {
                out.println(removed ? "Removed " + KeyType.describe(typedKey) + " from '" + map + "'"
                        : "No value for " + KeyType.describe(typedKey) + " in '" + map + "'");
            }
        });
    }

    @Command(name = "scan", group = GridCommandGroup.DATA,
            description = "Show the first entries of a map, in the order of a field",
            help = """
                    scan --map <map> [--limit <N>] [--by <field>] [--where <filter>] [--format table|json|csv]
                        - browse entries.

                    Shows the N entries (default 10) with the smallest values of a field, with their keys and
                    fields: the nodes scan their own partitions and send only their first N. The field defaults
                    to 'id' when the values have one, '_value' for plain values (text, numbers), else the first
                    field. Entries without the field are not shown. --where narrows the entries first. The
                    bookkeeping field _lastUpdate of 'compute update' is left out.

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
            @Option(longName = OptionNames.FORMAT, description = OutputFormat.HELP) String format,
            @Option(longName = "json", description = "short for --format json") boolean json) {
        ShellErrors.run(context, () -> {
            OutputFormat output = OutputFormat.of(format, json);
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
            Map<String, Object> result = new LinkedHashMap<>();
            Results.putMap(result, map);
            result.put("by", field);
            result.put("where", where);
            result.put("entries", Results.entriesJson(entries));
            result.put("elapsedMs", elapsed);
            TextTable table = Results.entries(entries, false, field);
            Results.print(context.outputWriter(), output, table.render() + System.lineSeparator()
                    + Results.footer(Results.count(entries.size(), "entry", "entries") + " by " + field, where, elapsed), table, result);
        });
    }

    private GridMap<Object, Object> records(String name) {
        return connection.grid().records(name, Object.class);
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

}
