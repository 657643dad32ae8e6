package io.affinitygrid.shell.connection;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the shell connects: the cluster's thin-client addresses (none: an embedded grid), the SDK's
 * timeouts, and the embedded grid's settings. Immutable.
 *
 * @param addresses host:port of the cluster's nodes; empty for an embedded single-node grid
 * @param connectTimeout how long to wait for a connection to a node
 * @param requestTimeout how long to wait for the answer to one request, computations included
 * @param embedded the embedded grid, started when there are no addresses
 */
public record ConnectionOptions(List<String> addresses, Duration connectTimeout, Duration requestTimeout, Embedded embedded) {

    public ConnectionOptions {
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(embedded, "embedded");
    }

    /**
     * The embedded grid: one node in the shell's process, with sample data.
     *
     * @param sampleOrders sample orders loaded into its 'orders' map
     * @param sampleLines sample lines of text loaded into its 'words' map
     * @param dataRegionSizeBytes the most memory its entries may take, off-heap
     * @param backups backup copies of each partition of its maps
     */
    public record Embedded(int sampleOrders, int sampleLines, long dataRegionSizeBytes, int backups) {
    }
}
