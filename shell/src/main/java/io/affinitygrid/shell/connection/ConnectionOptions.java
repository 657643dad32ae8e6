package io.affinitygrid.shell.connection;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the shell connects: the cluster's thin-client addresses (none: an embedded grid), or a saved
 * profile; the user and TLS stores; the SDK's timeouts; and the embedded grid's settings. Immutable.
 *
 * @param addresses host:port of the cluster's nodes; empty for an embedded single-node grid
 * @param profile the saved profile to connect with ({@code grid.profile}), or {@code null}
 * @param embeddedRequested whether the embedded grid was asked for explicitly ({@code --embedded})
 * @param access the user and TLS stores to connect with
 * @param connectTimeout how long to wait for a connection to a node
 * @param requestTimeout how long to wait for the answer to one request, computations included
 * @param embedded the embedded grid, started when there are no addresses
 */
public record ConnectionOptions(List<String> addresses, String profile, boolean embeddedRequested, Access access,
        Duration connectTimeout, Duration requestTimeout, Embedded embedded) {

    public ConnectionOptions {
        addresses = List.copyOf(addresses);
        profile = profile == null || profile.isBlank() ? null : profile.strip();
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(embedded, "embedded");
    }

    /** Whether a grid to work with was named: addresses, a profile, or the embedded grid explicitly. */
    public boolean hasTarget() {
        return !addresses.isEmpty() || profile != null || embeddedRequested;
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
