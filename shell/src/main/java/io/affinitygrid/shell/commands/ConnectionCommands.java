package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.output.ShellErrors;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** {@code connect} and {@code disconnect}: which grid the shell works with. */
@Component
class ConnectionCommands {

    private final GridConnection connection;

    public ConnectionCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "connect", group = GridCommandGroup.CONNECTION,
            description = "Connect to a cluster (host:port,...), to an embedded grid, or back to the configured one",
            help = """
                    connect [host:port,...|embedded] - connect the shell to a grid.

                      connect 10.0.0.1:10800,10.0.0.2:10800   a cluster, by the thin-client addresses of its nodes
                                                              (give several: the shell moves to another node when
                                                              one leaves; the port defaults to 10800)
                      connect embedded                        a single-node grid in this process, started with the
                                                              sample data (unless the shell is on one already)
                      connect                                 the configured grid again: grid.addresses, or an
                                                              embedded grid when none is configured

                    The new connection is made first: if it fails, the shell stays where it was. The previous
                    connection is then closed (an embedded grid is stopped, its data is gone). The prompt shows
                    where the shell is and how many server nodes the grid has.

                    Example:
                      connect 127.0.0.1:10800
                      connect embedded""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void connect(CommandContext context,
            @Argument(index = 0, description = "host:port,... of the cluster's nodes, or 'embedded'", defaultValue = "") String where) {
        ShellErrors.run(context, () -> {
            List<String> addresses = addresses(where);
            PrintWriter out = context.outputWriter();
            out.println(addresses.isEmpty() ? "Starting an embedded grid with sample data..." : "Connecting to " + String.join(", ", addresses) + "...");
            out.flush();
            out.println("Connected to the " + connection.connect(addresses) + ".");
        });
    }

    /** The addresses {@code connect} was given: the configured ones when none, empty for the embedded grid. */
    List<String> addresses(String where) {
        String text = where == null ? "" : where.strip();
        if (text.isEmpty()) {
            return connection.configuredAddresses();
        }
        if (text.equalsIgnoreCase(GridConnection.EMBEDDED)) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (String address : text.split("[,\\s]+")) {
            if (!address.isBlank()) {
                addresses.add(address.strip());
            }
        }
        return addresses;
    }

    @Command(name = "disconnect", group = GridCommandGroup.CONNECTION,
            description = "Close the connection to the grid (an embedded grid is stopped)",
            help = """
                    disconnect - close the connection to the grid.

                    An embedded grid is stopped and its data is gone. Until the next 'connect', the commands
                    that need the grid fail with "Not connected".

                    Example:
                      disconnect
                      connect 127.0.0.1:10800""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void disconnect(CommandContext context) {
        ShellErrors.run(context, () -> {
            String from = connection.describe();
            boolean was = connection.disconnect();
            context.outputWriter().println(was ? "Disconnected from the " + from + "." : "Not connected.");
        });
    }
}
