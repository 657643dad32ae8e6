package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.affinitygrid.compute.NodeSummary;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** The {@code topology} command: the grid's server nodes and the partitions each holds. */
@Component
public class TopologyCommands {

    /** Marks the node the shell's request went to. */
    static final String CONNECTED_MARK = "*";

    private final GridConnection connection;

    public TopologyCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "topology", group = GridCommandGroup.NAME,
            description = "Show the grid's nodes and how many partitions of each map they hold",
            help = """
                    topology - the grid's server nodes.

                    One row per server node: its name, its network addresses, and for each map the number of
                    partitions the node holds as primary and as backup copy (primary/backup). The node the
                    shell's request was served by is marked with '*'. The grid's internal caches (names
                    starting with __) are left out.

                    Example:
                      topology""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void topology(CommandContext context) {
        ShellErrors.run(context, () -> context.outputWriter().println(render(connection.grid().topology())));
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
}
