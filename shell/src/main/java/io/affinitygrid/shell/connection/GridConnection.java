package io.affinitygrid.shell.connection;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.affinitygrid.compute.InternalMaps;
import io.affinitygrid.client.AuthenticationFailedException;
import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridConfig;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.GridUnavailableException;
import io.affinitygrid.client.MapInfo;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.shell.sample.SampleOrder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's connection to the grid: to a cluster (given by its thin-client addresses) or to an embedded
 * single-node grid started in this process with the sample data loaded.
 *
 * <p>It starts with the configured target ({@code grid.addresses}, or embedded when none is given) and
 * connects on first use, so that the shell starts (and {@code help} works) even when the cluster is down; a
 * failed attempt is retried on the next use. {@link #connect(List)} switches to another target and
 * {@link #disconnect()} leaves the grid: after that, commands fail with "Not connected" until the next
 * {@code connect}. Closing it closes the SDK's connection and stops the embedded grid. Thread-safe.
 */
public final class GridConnection implements AutoCloseable {

    /** Map of the sample orders. */
    public static final String ORDERS = "orders";

    /** Map for text, e.g. for word counts. */
    public static final String WORDS = "words";

    /** How the embedded grid is named where the shell shows where it is connected. */
    public static final String EMBEDDED = "embedded";

    private static final Logger log = LoggerFactory.getLogger(GridConnection.class);

    private static final AtomicInteger EMBEDDED_GRIDS = new AtomicInteger();

    private final ConnectionOptions options;
    private final Passwords passwords;
    private final ShellProfiles profiles;

    /** The addresses to connect to; empty for the embedded grid. */
    private List<String> target;
    /** Who to connect as, and the TLS stores. */
    private Access access;
    /** The configured profile, until it is read on first use. */
    private String unreadProfile;
    private boolean detached;
    private LocalCluster embedded;
    private Grid grid;
    private long generation;
    private boolean closed;

    public GridConnection(ConnectionOptions options, Passwords passwords, ShellProfiles profiles) {
        this.options = options;
        this.passwords = passwords;
        this.profiles = profiles;
        this.target = options.addresses();
        this.access = options.access();
        this.unreadProfile = options.profile();
    }

    /**
     * Whether a map is the grid's own bookkeeping (its name starts with {@code __}, e.g. the progress of
     * running computations) rather than user data; the shell does not list those.
     */
    public static boolean isInternal(String mapName) {
        return InternalMaps.isInternal(mapName);
    }

    /** The maps that hold user data: {@code maps} without the {@linkplain #isInternal(String) internal} ones. */
    public static List<MapInfo> userMaps(List<MapInfo> maps) {
        return maps.stream().filter(map -> !isInternal(map.name())).toList();
    }

    /** Whether the shell's target is its own embedded grid rather than a cluster given by addresses. */
    public synchronized boolean isEmbedded() {
        return target.isEmpty();
    }

    /**
     * The SDK's grid, connecting first if needed (and, for the embedded grid, starting it and loading the
     * sample data).
     *
     * @throws io.affinitygrid.client.GridUnavailableException when the cluster cannot be reached
     * @throws NotConnectedException after {@link #disconnect()}, until the next {@link #connect(List)}
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized Grid grid() {
        if (closed) {
            throw new IllegalStateException("The shell's grid connection is closed");
        }
        if (grid == null) {
            if (detached) {
                throw new NotConnectedException();
            }
            readConfiguredProfile();
            use(open(target, access));
        }
        return grid;
    }

    /** The SDK's grid if connected, else {@code null}; never connects. */
    public synchronized Grid gridIfConnected() {
        return grid;
    }

    /** Whether {@link #grid()} has connected. */
    public synchronized boolean isConnected() {
        return grid != null;
    }

    /**
     * Connects to another target: a cluster at {@code addresses}, or (when empty) an embedded grid. The new
     * connection is made first; only when it succeeds is the current one closed (and the embedded grid
     * stopped), so a failed attempt leaves the shell where it was.
     *
     * @return a description of the new connection, see {@link #describe()}
     * @throws io.affinitygrid.client.GridUnavailableException when the cluster cannot be reached
     * @throws IllegalArgumentException when an address cannot be read
     */
    public synchronized String connect(List<String> addresses, Access as) {
        if (closed) {
            throw new IllegalStateException("The shell's grid connection is closed");
        }
        List<String> next = List.copyOf(addresses);
        if (grid != null && next.equals(target) && as.equals(access)) {
            return describe();
        }
        Opened opened = open(next, as);
        closeCurrent();
        use(opened);
        target = next;
        access = as;
        detached = false;
        return describe();
    }

    /** Connects to the configured target again: {@code grid.addresses} or {@code grid.profile}, else embedded. */
    public synchronized String connectConfigured() {
        Configured configured = configured();
        unreadProfile = null;
        return connect(configured.addresses(), configured.access());
    }

    /**
     * The configured target: {@code grid.addresses} and the user and stores given, each taking precedence over the
     * saved profile's ({@code grid.profile}), when there is one.
     */
    private Configured configured() {
        if (options.profile() == null) {
            return new Configured(options.addresses(), options.access());
        }
        ShellProfiles.Profile profile = profiles.get(options.profile());
        return new Configured(options.addresses().isEmpty() ? profile.addresses() : options.addresses(),
                profile.access().overriddenBy(options.access()));
    }

    private record Configured(List<String> addresses, Access access) {
    }

    /** Connects with a saved profile. */
    public synchronized String connectProfile(String name) {
        ShellProfiles.Profile profile = profiles.get(name);
        return connect(profile.addresses(), profile.access());
    }

    /** Saves the current cluster connection (addresses, user, TLS stores; never passwords) as profile {@code name}. */
    public synchronized void saveAs(String name) {
        profiles.save(name, target, access);
    }

    /** The saved profiles. */
    public ShellProfiles profiles() {
        return profiles;
    }

    private void readConfiguredProfile() {
        if (unreadProfile != null) {
            Configured configured = configured();
            target = configured.addresses();
            access = configured.access();
            unreadProfile = null;
        }
    }

    /**
     * Closes the connection (and stops the embedded grid, if it is the one). Until the next
     * {@link #connect(List)}, commands fail with {@link NotConnectedException}.
     *
     * @return whether there was a connection to close
     */
    public synchronized boolean disconnect() {
        boolean wasConnected = grid != null;
        closeCurrent();
        detached = true;
        generation++;
        return wasConnected;
    }

    /** Whether the user left the grid with {@link #disconnect()} and has not connected again. */
    public synchronized boolean isDetached() {
        return detached;
    }

    /**
     * A number that changes whenever the shell connects, reconnects or disconnects, so that what was learnt
     * about the grid (map names, fields) can be forgotten.
     */
    public synchronized long generation() {
        return generation;
    }

    /** The addresses of the target: the cluster's, or the embedded grid's once started (else empty). */
    public synchronized List<String> addresses() {
        if (target.isEmpty()) {
            return embedded == null ? List.of() : embedded.clientAddresses();
        }
        return target;
    }

    /** The configured target's addresses ({@code grid.addresses}); empty for an embedded grid or a profile. */
    public List<String> configuredAddresses() {
        return options.addresses();
    }

    /** Whether a target was configured: addresses, a profile, or the embedded grid asked for explicitly. */
    public boolean hasConfiguredTarget() {
        return options.hasTarget();
    }

    /** One line saying what the shell is connected to, e.g. for the start of an interactive session. */
    public synchronized String describe() {
        if (detached && grid == null) {
            return "no grid (disconnected)";
        }
        if (target.isEmpty()) {
            List<String> addresses = addresses();
            return "embedded grid (1 node" + (addresses.isEmpty() ? "" : ", thin clients on " + String.join(", ", addresses)) + ")";
        }
        return "grid at " + String.join(", ", target) + access.describe();
    }

    /**
     * Where the shell is, in a few characters, for the prompt: {@code embedded}, the first address of the
     * cluster, or {@code disconnected}.
     */
    public synchronized String location() {
        if (detached && grid == null) {
            return "disconnected";
        }
        return target.isEmpty() ? EMBEDDED : target.get(0);
    }

    private Opened open(List<String> addresses, Access as) {
        return addresses.isEmpty() ? startEmbedded() : new Opened(connectTo(addresses, as), null);
    }

    private void use(Opened opened) {
        grid = opened.grid();
        embedded = opened.embedded();
        generation++;
    }

    private void closeCurrent() {
        try {
            closeQuietly(grid);
        }
        finally {
            grid = null;
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
        }
    }

    private Grid connectTo(List<String> addresses, Access as) {
        GridConfig.Builder config = GridConfig.builder()
                .addresses(addresses)
                .connectTimeout(options.connectTimeout())
                .requestTimeout(options.requestTimeout());
        if (as.user() != null) {
            config.credentials(as.user(), passwords.forUser(as.user()));
        }
        if (as.trustStore() != null) {
            config.trustStore(as.trustStore(), passwords.forTrustStore(as.trustStore()));
        }
        if (as.keyStore() != null) {
            config.keyStore(as.keyStore(), passwords.forKeyStore(as.keyStore()));
        }
        try {
            return Grid.connect(config.build());
        }
        catch (AuthenticationFailedException e) {
            throw new AuthenticationFailedException(e.addresses(), as.user(), as.user() == null
                    ? "The grid at " + e.addresses() + " requires a user: connect with --user NAME (the password comes from"
                            + " " + Passwords.USER_PASSWORD + ", or is asked for)."
                    : "The grid at " + e.addresses() + " refused user '" + as.user() + "': wrong user name or password."
                            + " Check --user (grid.user) and the password (" + Passwords.USER_PASSWORD + ").", e);
        }
        catch (GridUnavailableException e) {
            throw new GridUnavailableException(e.addresses(), e.reason(), unavailable(e, as), e);
        }
    }

    /** Why the grid cannot be reached, with advice in the shell's words (options, not SDK methods). */
    private String unavailable(GridUnavailableException e, Access as) {
        String tlsAdvice = as.trustStore() == null ? " If the grid has TLS on, connect with --trust-store FILE." : "";
        return switch (e.reason()) {
            case TLS_HANDSHAKE -> "Cannot connect to the grid at " + e.addresses() + ": the TLS handshake failed. " + (as.trustStore() == null
                    ? "The grid has TLS on: connect with --trust-store FILE holding its nodes' certificate."
                    : "Check that " + as.trustStore() + " holds the certificate of the grid's nodes (or of the authority that"
                            + " signed it), and give --key-store FILE if the nodes require client certificates.");
            case NO_ANSWER -> "Cannot reach the grid at " + e.addresses() + ": no answer within " + options.connectTimeout().toMillis()
                    + " ms. Check that a grid node is running there and that the address and thin-client port are right."
                    + tlsAdvice;
            case UNREACHABLE -> "Cannot reach the grid at " + e.addresses() + ": nothing accepted the connection. Check that a"
                    + " grid node is running there and that the address and thin-client port (10800 by default) are right."
                    + tlsAdvice;
            case UNRESOLVED_HOST, CONNECTION_LOST -> e.getMessage();
        };
    }

    private Opened startEmbedded() {
        ConnectionOptions.Embedded settings = options.embedded();
        long started = System.nanoTime();
        LocalCluster cluster = LocalCluster.builder()
                .nodes(1)
                .namePrefix(embeddedNamePrefix())
                .cache(CacheSettings.partitioned(ORDERS).withBackups(settings.backups()))
                .cache(CacheSettings.partitioned(WORDS).withBackups(settings.backups()))
                .dataRegionSizeBytes(settings.dataRegionSizeBytes())
                // the embedded grid is for trying things out: it accepts deployed task jars
                .nodeSettings(node -> node.deployment(io.affinitygrid.node.deploy.DeploymentSettings.of(true,
                        io.affinitygrid.node.deploy.DeploymentSettings.DEFAULT_MAX_JAR_SIZE_BYTES, java.util.List.of())))
                .start();
        Grid connected = null;
        try {
            connected = connectTo(cluster.clientAddresses(), Access.NONE);
            GridMap<Long, SampleOrder> orders = connected.map(ORDERS, Long.class, SampleOrder.class);
            SampleData.standard().load(orders, settings.sampleOrders(), loaded -> { });
            GridMap<Long, String> lines = connected.map(WORDS, Long.class, String.class);
            SampleData.standard().loadLines(lines, settings.sampleLines(), loaded -> { });
        }
        catch (RuntimeException e) {
            closeQuietly(connected);
            cluster.close();
            throw e;
        }
        log.info("Embedded grid started with {} sample orders and {} lines in {} ms", settings.sampleOrders(),
                settings.sampleLines(), (System.nanoTime() - started) / 1_000_000);
        return new Opened(connected, cluster);
    }

    /**
     * {@code embedded-} for the first embedded grid of this JVM, then {@code embedded2-}, ...: node names must
     * be unique in the JVM (they name Ignite instances), not across processes (embedded grids are isolated).
     */
    private static String embeddedNamePrefix() {
        int n = EMBEDDED_GRIDS.incrementAndGet();
        return EMBEDDED + (n == 1 ? "" : Integer.toString(n)) + "-";
    }

    private static void closeQuietly(Grid grid) {
        if (grid == null) {
            return;
        }
        try {
            grid.close();
        }
        catch (RuntimeException e) {
            log.debug("Closing the grid connection failed", e);
        }
    }

    /** Closes the SDK's connection, then stops the embedded grid, if any. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        closeCurrent();
    }

    /** A new connection, and the embedded grid it goes to, if it was started for it. */
    private record Opened(Grid grid, LocalCluster embedded) {
    }

    /** A command needs the grid but the user has disconnected from it. */
    public static final class NotConnectedException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        NotConnectedException() {
            super("Not connected to a grid. Type 'connect' to reconnect, 'connect host:port,...' for a cluster "
                    + "or 'connect embedded' for an embedded grid.");
        }
    }
}
