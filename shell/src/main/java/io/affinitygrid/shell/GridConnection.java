package io.affinitygrid.shell;

import java.util.List;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridConfig;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's connection to the grid: to the configured cluster ({@code grid.addresses}) or, when none is
 * configured, to an embedded single-node grid started in this process with the sample orders loaded.
 *
 * <p>Connects on first use, so that the shell starts (and {@code help} works) even when the cluster is
 * down; a failed attempt is retried on the next use. Closing it closes the SDK's connection and stops the
 * embedded grid. Thread-safe.
 */
public final class GridConnection implements AutoCloseable {

    /** Map of the sample orders. */
    public static final String ORDERS = "orders";

    /** Map for text, e.g. for word counts. */
    public static final String WORDS = "words";

    private static final Logger log = LoggerFactory.getLogger(GridConnection.class);

    private final GridShellProperties properties;

    private LocalCluster embedded;
    private Grid grid;
    private boolean closed;

    public GridConnection(GridShellProperties properties) {
        this.properties = properties;
    }

    /**
     * Whether a map is the grid's own bookkeeping (its name starts with {@code __}, e.g. the progress of
     * running computations) rather than user data; the shell does not list those.
     */
    public static boolean isInternal(String mapName) {
        return mapName.startsWith("__");
    }

    /** Whether the shell runs its own embedded grid (no {@code grid.addresses} given). */
    public boolean isEmbedded() {
        return properties.getAddresses().isEmpty();
    }

    /**
     * The SDK's grid, connecting first if needed (and, in embedded mode, starting the grid and loading the
     * sample orders).
     *
     * @throws io.affinitygrid.client.GridUnavailableException when the cluster cannot be reached
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized Grid grid() {
        if (closed) {
            throw new IllegalStateException("The shell's grid connection is closed");
        }
        if (grid == null) {
            grid = isEmbedded() ? connectEmbedded() : connect(properties.getAddresses());
        }
        return grid;
    }

    /** Whether {@link #grid()} has connected. */
    public synchronized boolean isConnected() {
        return grid != null;
    }

    /** The addresses the shell connects (or connected) to; in embedded mode, empty until started. */
    public synchronized List<String> addresses() {
        if (isEmbedded()) {
            return embedded == null ? List.of() : embedded.clientAddresses();
        }
        return List.copyOf(properties.getAddresses());
    }

    /** One line saying what the shell is connected to, e.g. for the start of an interactive session. */
    public synchronized String describe() {
        if (isEmbedded()) {
            return "embedded grid (1 node, thin clients on " + String.join(", ", addresses()) + ")";
        }
        return "grid at " + String.join(", ", addresses());
    }

    private Grid connect(List<String> addresses) {
        GridConfig config = GridConfig.builder()
                .addresses(addresses)
                .connectTimeout(properties.getConnectTimeout())
                .requestTimeout(properties.getRequestTimeout())
                .build();
        return Grid.connect(config);
    }

    private Grid connectEmbedded() {
        GridShellProperties.Embedded settings = properties.getEmbedded();
        long started = System.nanoTime();
        LocalCluster cluster = LocalCluster.builder()
                .nodes(1)
                .namePrefix("shell-" + ProcessHandle.current().pid() + "-" + System.identityHashCode(this) + "-")
                .cache(CacheSettings.partitioned(ORDERS).withBackups(settings.getBackups()))
                .cache(CacheSettings.partitioned(WORDS).withBackups(settings.getBackups()))
                .dataRegionSizeBytes(settings.getDataRegionSize().toBytes())
                .start();
        Grid connected = null;
        try {
            connected = connect(cluster.clientAddresses());
            GridMap<Long, SampleOrder> orders = connected.map(ORDERS, Long.class, SampleOrder.class);
            SampleData.standard().load(orders, settings.getSampleOrders(), loaded -> { });
        }
        catch (RuntimeException e) {
            if (connected != null) {
                connected.close();
            }
            cluster.close();
            throw e;
        }
        embedded = cluster;
        log.info("Embedded grid started with {} sample orders in {} ms", settings.getSampleOrders(),
                (System.nanoTime() - started) / 1_000_000);
        return connected;
    }

    /** Closes the SDK's connection, then stops the embedded grid, if any. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (grid != null) {
                grid.close();
            }
        }
        finally {
            grid = null;
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
        }
    }
}
