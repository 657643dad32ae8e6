package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.shell.connection.Access;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellProfiles;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.output.TextTable;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code connect}, {@code disconnect} and the saved profiles: which grid the shell works with, and as whom. */
@Component
class ConnectionCommands {

    private final GridConnection connection;

    public ConnectionCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "connect", group = GridCommandGroup.CONNECTION,
            description = "Connect to a cluster (host:port,...), to an embedded grid, to a saved profile, or back to the configured one",
            help = """
                    connect [host:port,...|embedded] [--user U] [--trust-store FILE] [--key-store FILE] [--save NAME]
                    connect --profile NAME - connect the shell to a grid.

                      connect 10.0.0.1:10800,10.0.0.2:10800   a cluster, by the thin-client addresses of its nodes
                                                              (give several: the shell moves to another node when
                                                              one leaves; the port defaults to 10800)
                      connect embedded                        a single-node grid in this process, started with the
                                                              sample data (unless the shell is on one already)
                      connect --profile prod                  a saved profile: addresses, user and TLS stores
                      connect                                 the configured grid again: grid.addresses or
                                                              grid.profile, or an embedded grid when none

                    --user logs in (grids with the security profile); --trust-store connects over TLS, trusting
                    the nodes' certificates in that store; --key-store adds the shell's own certificate when the
                    nodes ask for one. Passwords are never options: the shell reads GRID_PASSWORD,
                    GRID_TRUST_STORE_PASSWORD and GRID_KEY_STORE_PASSWORD, or asks on the terminal without
                    echoing. --save NAME saves the new connection (not its passwords) as a profile, in
                    ~/.config/affinity-grid/profiles.json; 'profiles' lists them.

                    The new connection is made first: if it fails, the shell stays where it was. The previous
                    connection is then closed (an embedded grid is stopped, its data is gone). The prompt shows
                    where the shell is and how many server nodes the grid has.

                    Example:
                      connect 127.0.0.1:10800
                      connect 10.0.0.1:10800 --user ops --trust-store certs/trust.p12 --save prod
                      connect --profile prod
                      connect embedded""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void connect(CommandContext context,
            @Argument(index = 0, description = "host:port,... of the cluster's nodes, or 'embedded'", defaultValue = "") String where,
            @Option(longName = "user", description = "log in as this user (password: GRID_PASSWORD, or asked for)") String user,
            @Option(longName = "trust-store", description = "connect over TLS, trusting the certificates in this store") String trustStore,
            @Option(longName = "key-store", description = "the shell's own certificate, when the nodes ask for one") String keyStore,
            @Option(longName = "profile", description = "connect with a saved profile") String profile,
            @Option(longName = "save", description = "save the new connection as a profile of this name") String save) {
        boolean hasAddress = where != null && !where.isBlank();
        boolean hasAccess = user != null || trustStore != null || keyStore != null;
        // written wrongly: exit 2, before anything runs
        if (profile != null && (hasAddress || hasAccess)) {
            throw new IllegalArgumentException("connect --profile takes no address, --user or store: the profile has"
                    + " them. Give either a profile or an address.");
        }
        if (hasAccess && (!hasAddress || where.strip().equalsIgnoreCase(GridConnection.EMBEDDED))) {
            throw new IllegalArgumentException("--user, --trust-store and --key-store are for a cluster: give its address,"
                    + " e.g. connect 10.0.0.1:10800 --user ops");
        }
        ShellErrors.run(context, () -> {
            Access access = new Access(user, path(trustStore), path(keyStore));
            PrintWriter out = context.outputWriter();
            String connected;
            if (profile != null) {
                out.println("Connecting with profile '" + profile + "'...");
                out.flush();
                connected = connection.connectProfile(profile);
            }
            else if (!hasAddress) {
                out.println(!connection.configuredAddresses().isEmpty()
                        ? "Connecting to " + String.join(", ", connection.configuredAddresses()) + "..." : "Connecting...");
                out.flush();
                connected = connection.connectConfigured();
            }
            else {
                List<String> addresses = addresses(where);
                out.println(addresses.isEmpty() ? "Starting an embedded grid with sample data..." : "Connecting to " + String.join(", ", addresses) + "...");
                out.flush();
                connected = connection.connect(addresses, access);
            }
            out.println("Connected to the " + connected + ".");
            if (save != null) {
                connection.saveAs(save);
                out.println("Saved as profile '" + save + "' in " + connection.profiles().file() + " (without passwords).");
            }
        });
    }

    private static Path path(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Path path = Path.of(text.strip());
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("Cannot read the store " + path.toAbsolutePath()
                    + ": no such file, or not readable. Give the path of a PKCS#12 or JKS file.");
        }
        return path;
    }

    /** The addresses {@code connect} was given: empty for the embedded grid. */
    List<String> addresses(String where) {
        String text = where == null ? "" : where.strip();
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

    @Command(name = "profiles", group = GridCommandGroup.CONNECTION,
            description = "List the saved connection profiles",
            help = """
                    profiles [--json] - the saved connection profiles: name, addresses, user, trust store, key store.

                    Save one with 'connect ... --save NAME', use it with 'connect --profile NAME' or, on the command
                    line, 'bin/grid-shell --profile NAME ...'. Passwords are never saved.

                    Example:
                      profiles""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void profiles(CommandContext context, @Option(longName = "json", description = "print the profiles as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            Map<String, ShellProfiles.Profile> all = connection.profiles().all();
            PrintWriter out = context.outputWriter();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                all.forEach((name, p) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", name);
                    row.put("addresses", p.addresses());
                    row.put("user", p.user());
                    row.put("trustStore", p.trustStore());
                    row.put("keyStore", p.keyStore());
                    rows.add(row);
                });
                out.println(Json.write(rows));
                return;
            }
            if (all.isEmpty()) {
                out.println("No saved profile. Save one with: connect HOST:PORT --save NAME");
                return;
            }
            TextTable table = TextTable.withHeader("name", "addresses", "user", "trust store", "key store");
            all.forEach((name, p) -> table.row(name, String.join(",", p.addresses()), dash(p.user()), dash(p.trustStore()), dash(p.keyStore())));
            out.println(table.render());
        });
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    @Command(name = "profile delete", group = GridCommandGroup.CONNECTION,
            description = "Delete a saved connection profile",
            help = """
                    profile delete --name NAME - delete a saved profile (the current connection stays).

                    Example:
                      profile delete --name prod""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void deleteProfile(CommandContext context,
            @Option(longName = "name", description = "the profile to delete", required = true) String name) {
        ShellErrors.run(context, () -> {
            if (!connection.profiles().delete(name)) {
                connection.profiles().get(name);
            }
            context.outputWriter().println("Deleted profile '" + name + "'.");
        });
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
