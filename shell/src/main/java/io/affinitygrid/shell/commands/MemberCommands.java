package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.affinitygrid.compute.admin.MemberInfo;
import io.affinitygrid.compute.admin.RegionUse;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;
import io.affinitygrid.shell.output.Values;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** The grid's server nodes as they describe themselves ({@code members}), and a graceful {@code node stop}. */
@Component
class MemberCommands {

    /** What {@code members} shows in the role column of the coordinator. */
    static final String COORDINATOR = "coordinator";

    private final GridConnection connection;
    private final ShellSession session;

    public MemberCommands(GridConnection connection, ShellSession session) {
        this.connection = connection;
        this.session = session;
    }

    @Command(name = "members", group = GridCommandGroup.CLUSTER,
            description = "Show each server node's JVM, heap, off-heap data regions and uptime",
            help = """
                    members [--json] - the grid's server nodes, as each describes itself.

                    One row per node: its name, addresses, Java version, heap used/max, each data region's
                    off-heap use (used/max), uptime, and its role: the coordinator is the oldest server node,
                    which leads topology changes. A node that leaves while it is asked is left out.

                    Example:
                      members""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void members(CommandContext context,
            @Option(longName = "json", description = "print the nodes as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            List<MemberInfo> members = connection.grid().admin().members();
            PrintWriter out = context.outputWriter();
            if (json) {
                out.println(Json.write(members.stream().map(MemberCommands::json).toList()));
                return;
            }
            TextTable table = TextTable.withHeader("node", "role", "addresses", "java", "heap used/max", "off-heap used/max", "uptime");
            for (MemberInfo m : members) {
                table.row(m.name(), m.coordinator() ? COORDINATOR : "", String.join(", ", m.addresses()), m.javaVersion(),
                        Values.bytes(m.heapUsedBytes()) + " / " + Values.bytes(m.heapMaxBytes()),
                        m.regions().stream().map(r -> r.name() + " " + Values.bytes(r.usedBytes()) + " / " + Values.bytes(r.maxBytes()))
                                .collect(Collectors.joining("; ")),
                        Values.duration(Duration.ofMillis(m.uptimeMillis())));
            }
            out.println(table.render());
            out.println(members.size() + (members.size() == 1 ? " server node" : " server nodes"));
        });
    }

    @Command(name = "node stop", group = GridCommandGroup.CLUSTER,
            description = "Stop a server node gracefully (asks first; --yes skips)",
            help = """
                    node stop --name <node> [--yes] - take a node out of the grid.

                    The node leaves the topology once its running jobs finish; the backups of its partitions
                    take over (a map without backups loses the node's share of its entries), and the node's
                    application exits. The command returns when the node has been told, before it has left:
                    follow with 'members'. Asks for confirmation; --yes answers in advance, and a one-shot
                    command or a script must give it (without it they stop with exit code 2, having done
                    nothing). With the security profile only the users of grid.deployment.users may.

                    Example:
                      node stop --name grid-node-3 --yes""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void stop(CommandContext context,
            @Option(longName = "name", shortName = 'n', description = "the node's name (see members)", required = true) String name,
            @Option(longName = Confirmation.YES, shortName = 'y', description = "do not ask for confirmation") boolean yes) {
        Confirmation.requireYesOrTerminal(session, yes, "node stop", "stop node '" + name + "'");
        ShellErrors.run(context, () -> {
            String node = Inputs.requireText("name", name);
            PrintWriter out = context.outputWriter();
            if (!yes && !Confirmation.ask(context, "Stop node '" + node + "'? It leaves the grid and its application exits.")) {
                out.println("Node '" + node + "' was not stopped.");
                return;
            }
            connection.grid().admin().stopNode(node);
            out.println("Node '" + node + "' is stopping: it leaves the grid once its running jobs finish, and the backups of"
                    + " its partitions take over.");
        });
    }

    static Map<String, Object> json(MemberInfo m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", m.name());
        json.put("id", m.id());
        json.put("addresses", m.addresses());
        json.put("coordinator", m.coordinator());
        json.put("java", m.javaVersion());
        json.put("heapUsedBytes", m.heapUsedBytes());
        json.put("heapMaxBytes", m.heapMaxBytes());
        json.put("regions", m.regions().stream().map(MemberCommands::json).toList());
        json.put("uptimeMs", m.uptimeMillis());
        return json;
    }

    private static Map<String, Object> json(RegionUse region) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", region.name());
        json.put("usedBytes", region.usedBytes());
        json.put("maxBytes", region.maxBytes());
        return json;
    }
}
