package io.affinitygrid.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.affinitygrid.shell.connection.ConnectionOptions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the shell reaches the grid, bound from the {@code grid.*} properties.
 */
@ConfigurationProperties("grid")
public class GridShellProperties {

    /**
     * Thin-client addresses of the grid's nodes, host:port, comma-separated. When empty, the shell starts
     * an embedded single-node grid in its own process and connects to it.
     */
    private List<String> addresses = new ArrayList<>();

    /**
     * How long to wait for a connection to a node.
     */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /**
     * How long to wait for the answer to one request, computations included.
     */
    private Duration requestTimeout = Duration.ofSeconds(60);

    /**
     * Whether a failed command prints the stack trace of its cause after the one-line error. A single command
     * asks for that with --debug.
     */
    private boolean debug;

    private final Embedded embedded = new Embedded();

    public List<String> getAddresses() {
        return addresses;
    }

    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public boolean isDebug() {
        return debug;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    /** What the shell's grid connection needs of these properties. */
    public ConnectionOptions connectionOptions() {
        return new ConnectionOptions(addresses, connectTimeout, requestTimeout, new ConnectionOptions.Embedded(
                embedded.getSampleOrders(), embedded.getSampleLines(), embedded.getDataRegionSize().toBytes(), embedded.getBackups()));
    }

    /** The embedded grid, started when no address is given. */
    public static class Embedded {

        /**
         * Number of sample orders loaded into the 'orders' map of the embedded grid at start.
         */
        private int sampleOrders = 10_000;

        /**
         * Number of sample lines of text loaded into the 'words' map of the embedded grid at start.
         */
        private int sampleLines = 1_000;

        /**
         * Maximum size of the embedded node's data region, where entries live off-heap.
         */
        private DataSize dataRegionSize = DataSize.ofMegabytes(256);

        /**
         * Number of backup copies of each partition of the embedded grid's maps.
         */
        private int backups = 1;

        public int getSampleOrders() {
            return sampleOrders;
        }

        public void setSampleOrders(int sampleOrders) {
            this.sampleOrders = sampleOrders;
        }

        public int getSampleLines() {
            return sampleLines;
        }

        public void setSampleLines(int sampleLines) {
            this.sampleLines = sampleLines;
        }

        public DataSize getDataRegionSize() {
            return dataRegionSize;
        }

        public void setDataRegionSize(DataSize dataRegionSize) {
            this.dataRegionSize = dataRegionSize;
        }

        public int getBackups() {
            return backups;
        }

        public void setBackups(int backups) {
            this.backups = backups;
        }
    }
}
