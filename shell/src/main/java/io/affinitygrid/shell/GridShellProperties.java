package io.affinitygrid.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.affinitygrid.shell.connection.Access;
import io.affinitygrid.shell.connection.ConnectionOptions;
import io.affinitygrid.shell.connection.ShellProfiles;

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
     * Saved connection profile to connect with (see 'connect --save'); addresses and user given as well take
     * precedence over the profile's.
     */
    private String profile;

    /**
     * User to log in as, when the grid authenticates clients. The password is read from GRID_PASSWORD, or asked
     * for on the terminal.
     */
    private String user;

    /**
     * Trust store (PKCS#12 or JKS) with the certificates of the nodes, to connect over TLS. Its password is read
     * from GRID_TRUST_STORE_PASSWORD, or asked for on the terminal.
     */
    private Path trustStore;

    /**
     * Key store with the shell's own certificate, when the nodes ask clients for one. Its password is read from
     * GRID_KEY_STORE_PASSWORD, or asked for on the terminal.
     */
    private Path keyStore;

    /**
     * File of the saved connection profiles.
     */
    private Path profilesFile = ShellProfiles.defaultFile();

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

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public Path getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(Path trustStore) {
        this.trustStore = trustStore;
    }

    public Path getKeyStore() {
        return keyStore;
    }

    public void setKeyStore(Path keyStore) {
        this.keyStore = keyStore;
    }

    public Path getProfilesFile() {
        return profilesFile;
    }

    public void setProfilesFile(Path profilesFile) {
        this.profilesFile = profilesFile;
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
        return new ConnectionOptions(addresses, profile, embedded.isEnabled(), new Access(user, trustStore, keyStore),
                connectTimeout, requestTimeout, new ConnectionOptions.Embedded(embedded.getSampleOrders(),
                embedded.getSampleLines(), embedded.getDataRegionSize().toBytes(), embedded.getBackups()));
    }

    /** The embedded grid, started when no address is given. */
    public static class Embedded {

        /**
         * Whether the embedded grid was asked for explicitly (the --embedded flag): a command or script given on
         * the command line needs a target, and this is one.
         */
        private boolean enabled;

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

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

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
