package io.affinitygrid.shell;

import java.io.PrintWriter;
import java.util.List;

import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.MapInfo;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Commands on the grid's maps (caches): {@code caches}, {@code put}, {@code get}. */
@Component
public class MapCommands {

    private final GridConnection connection;

    public MapCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "caches", group = GridCommandGroup.NAME,
            description = "List the grid's caches (maps) with their mode, backups, partitions and size",
            help = """
                    caches - the grid's caches (maps).

                    One row per cache: name, mode (PARTITIONED or REPLICATED), number of backup copies of each
                    partition, number of partitions, and number of entries (primary copies). '?' means the grid
                    could not tell. The grid's internal caches (names starting with __) are not listed.

                    Example:
                      caches""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void caches(CommandContext context) {
        ShellErrors.run(context, () -> context.outputWriter().println(render(connection.grid().maps())));
    }

    static String render(List<MapInfo> maps) {
        TextTable table = TextTable.withHeader("name", "mode", "backups", "partitions", "size").alignRight(2, 3, 4);
        for (MapInfo map : maps) {
            if (GridConnection.isInternal(map.name())) {
                continue;
            }
            table.row(map.name(), map.mode(), known(map.backups()), known(map.partitions()), map.size());
        }
        return table.render();
    }

    private static String known(int value) {
        return value == MapInfo.UNKNOWN ? "?" : Integer.toString(value);
    }

    @Command(name = "put", group = GridCommandGroup.NAME,
            description = "Store a value under a key in a cache",
            help = """
                    put --cache <cache> --key <key> --value <value> - store a value.

                    The key is stored as a whole number (Long) when it reads as one, like the keys of the sample
                    orders, else as text. The value is stored as text. Quote values with spaces: --value "a b".

                    Example:
                      put --cache words --key 1 --value "to be or not to be"
                      get --cache words --key 1""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void put(CommandContext context,
            @Option(longName = "cache", description = "the cache to write to", required = true) String cache,
            @Option(longName = "key", description = "the key; a whole number is stored as a Long", required = true) String key,
            @Option(longName = "value", description = "the value, stored as text", required = true) String value) {
        ShellErrors.run(context, () -> {
            Object typedKey = Inputs.key(key);
            GridMap<Object, Object> map = connection.grid().map(Inputs.requireText("cache", cache), Object.class, Object.class);
            map.put(typedKey, value);
            context.outputWriter().println("Stored " + describeKey(typedKey) + " in '" + cache + "'");
        });
    }

    @Command(name = "get", group = GridCommandGroup.NAME,
            description = "Print the value stored under a key in a cache",
            help = """
                    get --cache <cache> --key <key> - print a value.

                    The key is read as a whole number (Long) when it reads as one, like the keys of the sample
                    orders, else as text. Objects are printed with their fields.

                    Example:
                      get --cache orders --key 42""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void get(CommandContext context,
            @Option(longName = "cache", description = "the cache to read from", required = true) String cache,
            @Option(longName = "key", description = "the key; a whole number is read as a Long", required = true) String key) {
        ShellErrors.run(context, () -> {
            Object typedKey = Inputs.key(key);
            GridMap<Object, Object> map = connection.grid().map(Inputs.requireText("cache", cache), Object.class, Object.class);
            Object value = map.get(typedKey);
            PrintWriter out = context.outputWriter();
            out.println(value == null ? "No value for " + describeKey(typedKey) + " in '" + cache + "'" : String.valueOf(value));
        });
    }

    private static String describeKey(Object key) {
        return key instanceof Long ? "key " + key : "key '" + key + "'";
    }
}
