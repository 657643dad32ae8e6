package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.MapInfo;
import io.affinitygrid.compute.NodeSummary;
import io.affinitygrid.compute.PartitionOwners;
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

/**
 * Where the data lives: {@code topology} (the server nodes), {@code partitions} (which node is primary and
 * backup for each partition of a map), {@code affinity} (where one key lives) and {@code metrics}.
 */
@Component
class TopologyCommands {

    /** Marks the node the shell's request went to. */
    static final String CONNECTED_MARK = "*";

    /** Round trips {@code metrics} times to tell the latency to the grid. */
    static final int PINGS = 5;

    private final GridConnection connection;

    public TopologyCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "topology", group = GridCommandGroup.CLUSTER,
            description = "Show the grid's nodes and how many partitions of each map they hold",
            help = """
                    topology [--json] - the grid's server nodes.

                    One row per server node: its name, its network addresses, and for each map the number of
                    partitions the node holds as primary and as backup copy (primary/backup). The node the
                    shell's request was served by is marked with '*'. The grid's internal maps (names
                    starting with __) are left out.

                    Example:
                      topology""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void topology(CommandContext context,
            @Option(longName = "json", description = "print the nodes as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            List<NodeSummary> nodes = connection.grid().topology();
            context.outputWriter().println(json ? Json.write(nodes.stream().map(TopologyCommands::json).toList()) : render(nodes));
        });
    }

    static String render(List<NodeSummary> nodes) {
        TreeSet<String> maps = new TreeSet<>();
        for (NodeSummary node : nodes) {
            maps.addAll(node.primaryPartitions().keySet());
            maps.addAll(node.backupPartitions().keySet());
        }
        maps.removeIf(GridConnection::isInternal);
        List<String> header = new ArrayList<>(List.of("", "node", "addresses"));
        for (String map : maps) {
            header.add(map + " (primary/backup)");
        }
        TextTable table = TextTable.withHeader(header.toArray(String[]::new));
        for (NodeSummary node : nodes) {
            List<Object> row = new ArrayList<>(List.of(node.local() ? CONNECTED_MARK : "", node.name(),
                    String.join(", ", node.addresses())));
            for (String map : maps) {
                row.add(node.primaryPartitions().getOrDefault(map, 0) + "/" + node.backupPartitions().getOrDefault(map, 0));
            }
            table.row(row.toArray());
        }
        return table.render() + System.lineSeparator()
                + nodes.size() + (nodes.size() == 1 ? " server node" : " server nodes")
                + "; " + CONNECTED_MARK + " = the node that served this request";
    }

    static Map<String, Object> json(NodeSummary node) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", node.name());
        json.put("id", node.id());
        json.put("addresses", node.addresses());
        json.put("connected", node.local());
        json.put("primaryPartitions", userMaps(node.primaryPartitions()));
        json.put("backupPartitions", userMaps(node.backupPartitions()));
        return json;
    }

    private static Map<String, Integer> userMaps(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new TreeMap<>(counts);
        sorted.keySet().removeIf(GridConnection::isInternal);
        return sorted;
    }

    @Command(name = "partitions", group = GridCommandGroup.CLUSTER,
            description = "Show which nodes hold each partition of a map, as primary and as backups",
            help = """
                    partitions --map <map> [--all] [--partition <P>] [--json] - the partition map.

                    By default, one row per node: how many partitions of the map it holds as primary and as
                    backup, and its share of the primaries; partitions without an owner (lost) are counted.
                      --all            also list every partition with its primary and backup nodes
                      --partition P    only partition P (a number, or several: 0,7,42)
                      --json           the per-node summary and every partition's owners, as JSON
                    The owners are the nodes' current affinity assignment.

                    Examples:
                      partitions --map orders
                      partitions --map orders --all
                      partitions --map orders --partition 0,1,2""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void partitions(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map", required = true) String map,
            @Option(longName = "all", description = "list every partition's owners") boolean all,
            @Option(longName = "partition", shortName = 'p', description = "only these partitions, e.g. 7 or 0,7,42") String partition,
            @Option(longName = "json", description = "print the summary and the map as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText(OptionNames.MAP, map);
            List<PartitionOwners> owners = connection.grid().compute().partitionMap(name);
            List<PartitionOwners> shown = owners;
            if (partition != null) {
                shown = select(owners, partition);
            }
            Map<String, int[]> perNode = perNode(owners);
            long lost = owners.stream().filter(o -> o.primary() == null).count();
            PrintWriter out = context.outputWriter();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                Results.putMap(result, name);
                result.put("partitions", owners.size());
                result.put("lost", lost);
                List<Object> nodes = new ArrayList<>();
                perNode.forEach((node, counts) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("node", node);
                    row.put("primary", counts[0]);
                    row.put("backup", counts[1]);
                    nodes.add(row);
                });
                result.put("nodes", nodes);
                List<Object> rows = new ArrayList<>();
                for (PartitionOwners o : shown) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("partition", o.partition());
                    row.put("primary", o.primary());
                    row.put("backups", o.backups());
                    rows.add(row);
                }
                result.put("map", rows);
                out.println(Json.write(result));
                return;
            }
            TextTable summary = TextTable.withHeader("node", "primary", "backup", "share of primaries").alignRight(1, 2, 3);
            perNode.forEach((node, counts) -> summary.row(node, counts[0], counts[1],
                    String.format(Locale.ROOT, "%.1f %%", owners.isEmpty() ? 0.0 : 100.0 * counts[0] / owners.size())));
            out.println(summary.render());
            out.println(String.format(Locale.ROOT, "%,d partitions of '%s' on %d %s%s", owners.size(), name, perNode.size(),
                    perNode.size() == 1 ? "node" : "nodes", lost == 0 ? ", none lost" : ", " + lost + " without an owner (lost)"));
            if (all || partition != null) {
                TextTable table = TextTable.withHeader("partition", "primary", "backups").alignRight(0);
                for (PartitionOwners o : shown) {
                    table.row(o.partition(), o.primary() == null ? "(none: lost)" : o.primary(),
                            o.backups().isEmpty() ? "-" : String.join(", ", o.backups()));
                }
                out.println(table.render());
            }
        });
    }

    /** Primary and backup counts per node name, sorted by name. */
    static Map<String, int[]> perNode(List<PartitionOwners> owners) {
        Map<String, int[]> perNode = new TreeMap<>();
        for (PartitionOwners o : owners) {
            if (o.primary() != null) {
                perNode.computeIfAbsent(o.primary(), n -> new int[2])[0]++;
            }
            for (String backup : o.backups()) {
                perNode.computeIfAbsent(backup, n -> new int[2])[1]++;
            }
        }
        return perNode;
    }

    private static List<PartitionOwners> select(List<PartitionOwners> owners, String partitions) {
        List<PartitionOwners> selected = new ArrayList<>();
        for (String part : Inputs.requireText("partition", partitions).split("[,\\s]+")) {
            int p;
            try {
                p = Integer.parseInt(part.strip());
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("--partition must be partition numbers, e.g. 7 or 0,7,42; got '" + partitions + "'");
            }
            if (p < 0 || p >= owners.size()) {
                throw new IllegalArgumentException("Partition " + p + " does not exist: the map has partitions 0 to " + (owners.size() - 1));
            }
            selected.add(owners.get(p));
        }
        return selected;
    }

    @Command(name = "affinity", group = GridCommandGroup.CLUSTER,
            description = "Show where a key lives: its partition, primary node and backup nodes",
            help = """
                    affinity --map <map> --key <key> [--json] - where a key lives.

                    The key's partition and the nodes holding it (primary first), as the grid's affinity
                    function places it, and whether the map holds an entry for it now. The key is read as a
                    whole number (Long) when it reads as one, else as text: the same rule as put and get.

                    Example:
                      affinity --map orders --key 42""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void affinity(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map", required = true) String map,
            @Option(longName = "key", shortName = 'k', description = "the key; a whole number is read as a Long", required = true) String key,
            @Option(longName = "json", description = "print the answer as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String name = Inputs.requireText(OptionNames.MAP, map);
            Object typedKey = Inputs.key(key);
            Grid grid = connection.grid();
            PartitionOwners owners = grid.compute().keyOwners(name, typedKey);
            boolean stored = grid.map(name, Object.class, Object.class).containsKey(typedKey);
            PrintWriter out = context.outputWriter();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                Results.putMap(result, name);
                result.put("key", typedKey);
                result.put("partition", owners.partition());
                result.put("primary", owners.primary());
                result.put("backups", owners.backups());
                result.put("stored", stored);
                out.println(Json.write(result));
            }
            else {
                out.println(TextTable.withHeader("map", "key", "partition", "primary", "backups", "stored")
                        .alignRight(typedKey instanceof Number ? new int[] { 1, 2 } : new int[] { 2 })
                        .row(name, Values.cell(typedKey), owners.partition(), owners.primary() == null ? "(none: lost)" : owners.primary(),
                                owners.backups().isEmpty() ? "-" : String.join(", ", owners.backups()), stored ? "yes" : "no")
                        .render());
            }
        });
    }

    @Command(name = "metrics", group = GridCommandGroup.CLUSTER,
            description = "Cluster figures: nodes, maps, entries, partitions per node, round-trip time",
            help = """
                    metrics [--json] - figures of the grid, as the shell sees it.

                    The cluster: server nodes, maps and entries, and the round-trip time from the shell to
                    the grid (the median of a few small requests). Per map: mode, backups, partitions,
                    entries, and entries per partition. Per node: primary and backup partitions of every map
                    together. The nodes' own meters (JVM, off-heap, compute) are on each node's
                    /actuator/prometheus.

                    Example:
                      metrics""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void metrics(CommandContext context,
            @Option(longName = "json", description = "print the figures as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            Grid grid = connection.grid();
            double[] pings = new double[PINGS];
            for (int i = 0; i < PINGS; i++) {
                long started = System.nanoTime();
                grid.mapNames();
                pings[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(pings);
            double roundTrip = pings[PINGS / 2];
            List<NodeSummary> nodes = grid.topology();
            List<MapInfo> maps = GridConnection.userMaps(grid.maps());
            long entries = maps.stream().mapToLong(MapInfo::size).sum();
            PrintWriter out = context.outputWriter();
            if (json) {
                Map<String, Object> cluster = new LinkedHashMap<>();
                cluster.put("connectedTo", connection.location());
                cluster.put("nodes", nodes.size());
                Results.putMaps(cluster, maps.size());
                cluster.put("entries", entries);
                cluster.put("roundTripMs", Math.round(roundTrip * 1000) / 1000.0);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("cluster", cluster);
                Results.putMaps(result, maps.stream().map(Results::mapJson).toList());
                List<Object> nodeRows = new ArrayList<>();
                for (NodeSummary node : nodes) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("node", node.name());
                    row.put("primaryPartitions", total(node.primaryPartitions()));
                    row.put("backupPartitions", total(node.backupPartitions()));
                    nodeRows.add(row);
                }
                result.put("nodes", nodeRows);
                out.println(Json.write(result));
                return;
            }
            out.println(TextTable.withHeader("connected to", "nodes", "maps", "entries", "round trip ms")
                    .alignRight(1, 2, 3, 4)
                    .row(connection.location(), nodes.size(), maps.size(), entries, String.format(Locale.ROOT, "%.2f", roundTrip))
                    .render());
            TextTable cacheTable = TextTable.withHeader("map", "mode", "backups", "partitions", "entries", "entries/partition")
                    .alignRight(2, 3, 4, 5);
            for (MapInfo map : maps) {
                cacheTable.row(map.name(), map.mode(), Results.known(map.backups()), Results.known(map.partitions()),
                        map.size(), map.partitions() > 0 ? String.format(Locale.ROOT, "%.1f", (double) map.size() / map.partitions()) : "?");
            }
            out.println();
            out.println(cacheTable.render());
            out.println();
            TextTable nodeTable = TextTable.withHeader("", "node", "primary partitions", "backup partitions").alignRight(2, 3);
            for (NodeSummary node : nodes) {
                nodeTable.row(node.local() ? CONNECTED_MARK : "", node.name(), total(node.primaryPartitions()), total(node.backupPartitions()));
            }
            out.println(nodeTable.render());
        });
    }

    private static int total(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> !GridConnection.isInternal(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }
}
