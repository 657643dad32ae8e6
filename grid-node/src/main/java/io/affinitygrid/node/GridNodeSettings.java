package io.affinitygrid.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.affinitygrid.node.deploy.DeploymentSettings;

/**
 * Everything a grid node needs to start. Immutable; created by {@link #builder()}, whose
 * {@link Builder#build()} checks every value and throws a {@link GridConfigurationException} naming the
 * offending {@code grid.*} property, so that a node started from Spring Boot properties and one started
 * in-process are checked the same way.
 */
public final class GridNodeSettings {

    /** Default discovery port. */
    public static final int DEFAULT_DISCOVERY_PORT = 47500;
    /** Default communication port. */
    public static final int DEFAULT_COMMUNICATION_PORT = 47100;
    /** Default thin-client port. */
    public static final int DEFAULT_CLIENT_PORT = 10800;
    /** Default node name. */
    public static final String DEFAULT_NODE_NAME = "grid-node";
    /** Default discovery addresses: up to ten nodes on this machine. */
    public static final List<String> DEFAULT_DISCOVERY_ADDRESSES = List.of("127.0.0.1:47500..47509");
    /** Default discovery port range: exactly the configured port. */
    public static final int DEFAULT_DISCOVERY_PORT_RANGE = 0;
    /** Default number of compute tasks one thin-client connection may run at once. */
    public static final int DEFAULT_CLIENT_MAX_COMPUTE_TASKS = 64;
    /** Default maximum size of the data region, in bytes (256 MB). */
    public static final long DEFAULT_DATA_REGION_SIZE_BYTES = 256L * 1024 * 1024;
    /** Default high-water mark of the data region, in percent: writes to caches that reject are refused above it. */
    public static final int DEFAULT_HIGH_WATER_MARK_PERCENT = 90;
    /** Default maximum size of the eviction region (caches with {@link CapacityPolicy#EVICT}), in bytes (64 MB). */
    public static final long DEFAULT_EVICTION_REGION_SIZE_BYTES = 64L * 1024 * 1024;
    /** Smallest data or eviction region the node accepts (16 MB). */
    static final long MIN_REGION_SIZE_BYTES = 16L * 1024 * 1024;
    /** Default failure detection timeout. */
    public static final Duration DEFAULT_FAILURE_DETECTION_TIMEOUT = Duration.ofSeconds(10);

    private final String nodeName;
    private final String localAddress;
    private final List<String> discoveryAddresses;
    private final int discoveryPort;
    private final int discoveryPortRange;
    private final int communicationPort;
    private final int clientPort;
    private final int clientMaxComputeTasks;
    private final boolean clientInlineReads;
    private final long dataRegionSizeBytes;
    private final int highWaterMarkPercent;
    private final long evictionRegionSizeBytes;
    private final Duration failureDetectionTimeout;
    private final Path workDirectory;
    private final List<CacheSettings> caches;
    private final SecuritySettings security;
    private final ComputeSettings compute;
    private final DeploymentSettings deployment;

    private GridNodeSettings(Builder b) {
        this.nodeName = b.nodeName;
        this.localAddress = b.localAddress;
        this.discoveryAddresses = List.copyOf(b.discoveryAddresses);
        this.discoveryPort = b.discoveryPort;
        this.discoveryPortRange = b.discoveryPortRange;
        this.communicationPort = b.communicationPort;
        this.clientPort = b.clientPort;
        this.clientMaxComputeTasks = b.clientMaxComputeTasks;
        this.clientInlineReads = b.clientInlineReads;
        this.dataRegionSizeBytes = b.dataRegionSizeBytes;
        this.highWaterMarkPercent = b.highWaterMarkPercent;
        this.evictionRegionSizeBytes = b.evictionRegionSizeBytes;
        this.failureDetectionTimeout = b.failureDetectionTimeout;
        this.workDirectory = b.workDirectory != null ? b.workDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "affinity-grid", b.nodeName);
        this.caches = List.copyOf(b.caches);
        this.security = b.security;
        this.compute = b.compute;
        this.deployment = b.deployment;
    }

    /** A builder with the defaults of a single node on this machine. */
    public static Builder builder() {
        return new Builder();
    }

    public String nodeName() { return nodeName; }

    /** Address the node binds and advertises, or {@code null} for every interface. */
    public String localAddress() { return localAddress; }

    public List<String> discoveryAddresses() { return discoveryAddresses; }

    public int discoveryPort() { return discoveryPort; }

    public int discoveryPortRange() { return discoveryPortRange; }

    public int communicationPort() { return communicationPort; }

    public int clientPort() { return clientPort; }

    public int clientMaxComputeTasks() { return clientMaxComputeTasks; }

    /** Whether a thin client's get of a key this node is primary for runs on the connector's I/O thread. */
    public boolean clientInlineReads() { return clientInlineReads; }

    public long dataRegionSizeBytes() { return dataRegionSizeBytes; }

    /**
     * Percentage of the data region above which writes to caches with {@link CapacityPolicy#REJECT} are refused
     * ({@code grid.capacity.high-water-mark}).
     */
    public int highWaterMarkPercent() { return highWaterMarkPercent; }

    /** Maximum size of the eviction region that holds the caches with {@link CapacityPolicy#EVICT}. */
    public long evictionRegionSizeBytes() { return evictionRegionSizeBytes; }

    /** Whether some cache evicts, so that the node has an eviction region. */
    public boolean hasEvictingCaches() {
        return caches.stream().anyMatch(cache -> cache.capacityPolicy() == CapacityPolicy.EVICT);
    }

    public Duration failureDetectionTimeout() { return failureDetectionTimeout; }

    public Path workDirectory() { return workDirectory; }

    public List<CacheSettings> caches() { return caches; }

    /** TLS and authentication; {@link SecuritySettings#none()} by default. */
    public SecuritySettings security() { return security; }

    /** Compute pools and the node's admission bound; sized from the cores by default. */
    public ComputeSettings compute() { return compute; }

    /** Deployment of task jars at run time; off by default. */
    public DeploymentSettings deployment() { return deployment; }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodeName = nodeName;
        b.localAddress = localAddress;
        b.discoveryAddresses = new ArrayList<>(discoveryAddresses);
        b.discoveryPort = discoveryPort;
        b.discoveryPortRange = discoveryPortRange;
        b.communicationPort = communicationPort;
        b.clientPort = clientPort;
        b.clientMaxComputeTasks = clientMaxComputeTasks;
        b.clientInlineReads = clientInlineReads;
        b.dataRegionSizeBytes = dataRegionSizeBytes;
        b.highWaterMarkPercent = highWaterMarkPercent;
        b.evictionRegionSizeBytes = evictionRegionSizeBytes;
        b.failureDetectionTimeout = failureDetectionTimeout;
        b.workDirectory = workDirectory;
        b.caches = new ArrayList<>(caches);
        b.security = security;
        b.compute = compute;
        b.deployment = deployment;
        return b;
    }

    @Override
    public String toString() {
        return "GridNodeSettings[node=" + nodeName + ", localAddress=" + localAddress + ", discovery=" + discoveryAddresses
                + ", ports=" + discoveryPort + "/" + communicationPort + "/" + clientPort + ", caches=" + caches
                + (security.equals(SecuritySettings.none()) ? "" : ", security=" + security) + "]";
    }

    /** Builds {@link GridNodeSettings}; setters take any value, {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder {

        private String nodeName = DEFAULT_NODE_NAME;
        private String localAddress;
        private List<String> discoveryAddresses = new ArrayList<>(DEFAULT_DISCOVERY_ADDRESSES);
        private int discoveryPort = DEFAULT_DISCOVERY_PORT;
        private int discoveryPortRange = DEFAULT_DISCOVERY_PORT_RANGE;
        private int communicationPort = DEFAULT_COMMUNICATION_PORT;
        private int clientPort = DEFAULT_CLIENT_PORT;
        private int clientMaxComputeTasks = DEFAULT_CLIENT_MAX_COMPUTE_TASKS;
        private boolean clientInlineReads = true;
        private long dataRegionSizeBytes = DEFAULT_DATA_REGION_SIZE_BYTES;
        private int highWaterMarkPercent = DEFAULT_HIGH_WATER_MARK_PERCENT;
        private long evictionRegionSizeBytes = DEFAULT_EVICTION_REGION_SIZE_BYTES;
        private Duration failureDetectionTimeout = DEFAULT_FAILURE_DETECTION_TIMEOUT;
        private Path workDirectory;
        private List<CacheSettings> caches = new ArrayList<>();
        private String mapsProperty = "grid.maps";
        private SecuritySettings security = SecuritySettings.none();
        private ComputeSettings compute = ComputeSettings.defaults();
        private DeploymentSettings deployment = DeploymentSettings.off();

        private Builder() {
        }

        /** Name of the node, unique in the cluster; also its consistent id. */
        public Builder nodeName(String nodeName) { this.nodeName = nodeName; return this; }

        /** Address to bind and advertise; {@code null} binds every interface. */
        public Builder localAddress(String localAddress) { this.localAddress = localAddress; return this; }

        /** Addresses where other nodes may listen for discovery: {@code host}, {@code host:port} or {@code host:from..to}. */
        public Builder discoveryAddresses(List<String> discoveryAddresses) {
            this.discoveryAddresses = discoveryAddresses == null ? null : new ArrayList<>(discoveryAddresses);
            return this;
        }

        public Builder discoveryPort(int discoveryPort) { this.discoveryPort = discoveryPort; return this; }

        /** How many ports after {@link #discoveryPort} the node may try when that one is taken; 0 by default. */
        public Builder discoveryPortRange(int discoveryPortRange) { this.discoveryPortRange = discoveryPortRange; return this; }

        public Builder communicationPort(int communicationPort) { this.communicationPort = communicationPort; return this; }

        public Builder clientPort(int clientPort) { this.clientPort = clientPort; return this; }

        /** Most compute tasks one thin-client connection may run at once; must be at least 1. */
        public Builder clientMaxComputeTasks(int clientMaxComputeTasks) { this.clientMaxComputeTasks = clientMaxComputeTasks; return this; }

        /**
         * Whether a thin client's get or containsKey of a key this node is primary for runs on the connector's I/O
         * thread instead of Ignite's connector pool (default {@code true}); see {@code docs/performance.md}.
         */
        public Builder clientInlineReads(boolean clientInlineReads) { this.clientInlineReads = clientInlineReads; return this; }

        public Builder dataRegionSizeBytes(long dataRegionSizeBytes) { this.dataRegionSizeBytes = dataRegionSizeBytes; return this; }

        /** Percentage of the data region above which rejecting caches refuse writes; 50 to 95, 90 by default. */
        public Builder highWaterMarkPercent(int highWaterMarkPercent) { this.highWaterMarkPercent = highWaterMarkPercent; return this; }

        /** Maximum size of the eviction region (caches with {@link CapacityPolicy#EVICT}); at least 16 MB. */
        public Builder evictionRegionSizeBytes(long evictionRegionSizeBytes) { this.evictionRegionSizeBytes = evictionRegionSizeBytes; return this; }

        public Builder failureDetectionTimeout(Duration failureDetectionTimeout) { this.failureDetectionTimeout = failureDetectionTimeout; return this; }

        public Builder workDirectory(Path workDirectory) { this.workDirectory = workDirectory; return this; }

        public Builder caches(List<CacheSettings> caches) {
            this.caches = caches == null ? null : new ArrayList<>(caches);
            return this;
        }

        public Builder cache(CacheSettings cache) { this.caches.add(cache); return this; }

        /** The property that lists the maps, for error messages: {@code grid.maps} (or its deprecated name). */
        public Builder mapsProperty(String property) { this.mapsProperty = property; return this; }

        /** TLS and authentication, already checked by {@link SecuritySettings.Builder#build()}; null means none. */
        public Builder security(SecuritySettings security) {
            this.security = security == null ? SecuritySettings.none() : security;
            return this;
        }

        /** Compute pools and admission bound; null means the defaults. */
        public Builder compute(ComputeSettings compute) {
            this.compute = ComputeSettings.orDefaults(compute);
            return this;
        }

        /** Deployment of task jars at run time, already checked; null means off. */
        public Builder deployment(DeploymentSettings deployment) {
            this.deployment = deployment == null ? DeploymentSettings.off() : deployment;
            return this;
        }

        /**
         * Checks every setting and returns the immutable settings.
         *
         * @throws GridConfigurationException naming the first bad property
         */
        public GridNodeSettings build() {
            if (nodeName == null || nodeName.isBlank()) {
                throw new GridConfigurationException("grid.node-name", nodeName, "the node name must not be blank");
            }
            if (discoveryAddresses == null || discoveryAddresses.isEmpty()) {
                throw new GridConfigurationException("grid.discovery.addresses", discoveryAddresses,
                        "list at least one address where nodes listen for discovery, e.g. 127.0.0.1:47500..47509");
            }
            for (int i = 0; i < discoveryAddresses.size(); i++) {
                discoveryAddresses.set(i, DiscoveryAddress.check(discoveryAddresses.get(i), "grid.discovery.addresses[" + i + "]"));
            }
            Ports.check(discoveryPort, "grid.discovery.port");
            if (discoveryPortRange < 0 || discoveryPort + discoveryPortRange > 65535) {
                throw new GridConfigurationException("grid.discovery.port-range", discoveryPortRange,
                        "must be 0 or more and keep the last port at most 65535");
            }
            Ports.check(communicationPort, "grid.communication.port");
            Ports.check(clientPort, "grid.client.port");
            requireDistinctPorts();
            if (clientMaxComputeTasks < 1) {
                throw new GridConfigurationException("grid.client.max-compute-tasks", clientMaxComputeTasks,
                        "thin-client compute needs at least 1 task per connection");
            }
            if (dataRegionSizeBytes < MIN_REGION_SIZE_BYTES) {
                throw new GridConfigurationException("grid.data-region-size", dataRegionSizeBytes + "B",
                        "the data region needs at least 16MB; use e.g. 256MB");
            }
            if (highWaterMarkPercent < 50 || highWaterMarkPercent > 95) {
                // Ignite's region fails its allocations at about 96 % (measured): above 95 % the guard comes too late
                throw new GridConfigurationException("grid.capacity.high-water-mark", highWaterMarkPercent,
                        "must be between 50 and 95 (percent of the data region); Ignite runs out of pages at about 96 %, so 90 leaves room for writes in flight");
            }
            if (evictionRegionSizeBytes < MIN_REGION_SIZE_BYTES) {
                throw new GridConfigurationException("grid.capacity.eviction-region-size", evictionRegionSizeBytes + "B",
                        "the eviction region needs at least 16MB; use e.g. 64MB");
            }
            if (failureDetectionTimeout == null || failureDetectionTimeout.toMillis() < 100) {
                throw new GridConfigurationException("grid.failure-detection-timeout", failureDetectionTimeout,
                        "must be at least 100ms; e.g. 10s");
            }
            compute.check();
            checkCaches();
            return new GridNodeSettings(this);
        }

        private void requireDistinctPorts() {
            if (discoveryPort == communicationPort || discoveryPort == clientPort || communicationPort == clientPort) {
                throw new GridConfigurationException("grid.client.port", clientPort, "discovery (" + discoveryPort
                        + "), communication (" + communicationPort + ") and client (" + clientPort + ") ports must differ");
            }
        }

        private void checkCaches() {
            if (caches == null) {
                caches = new ArrayList<>();
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < caches.size(); i++) {
                String prefix = mapsProperty + "[" + i + "]";
                CacheSettings cache = caches.get(i);
                if (cache == null) {
                    throw new GridConfigurationException(prefix, null, "a map entry must not be empty");
                }
                if (cache.name() == null || cache.name().isBlank()) {
                    throw new GridConfigurationException(prefix + ".name", cache.name(), "every map needs a name");
                }
                if (!names.add(cache.name())) {
                    throw new GridConfigurationException(prefix + ".name", cache.name(), "a map of that name is already configured");
                }
                if (cache.backups() < 0) {
                    throw new GridConfigurationException(prefix + ".backups", cache.backups(), "backups must be 0 or more");
                }
                if (cache.partitions() < 1 || cache.partitions() > 65535) {
                    throw new GridConfigurationException(prefix + ".partitions", cache.partitions(), "partitions must be between 1 and 65535");
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridNodeSettings s && nodeName.equals(s.nodeName) && Objects.equals(localAddress, s.localAddress)
                && discoveryAddresses.equals(s.discoveryAddresses) && discoveryPort == s.discoveryPort
                && discoveryPortRange == s.discoveryPortRange && communicationPort == s.communicationPort
                && clientPort == s.clientPort && clientMaxComputeTasks == s.clientMaxComputeTasks
                && clientInlineReads == s.clientInlineReads
                && dataRegionSizeBytes == s.dataRegionSizeBytes && highWaterMarkPercent == s.highWaterMarkPercent
                && evictionRegionSizeBytes == s.evictionRegionSizeBytes && failureDetectionTimeout.equals(s.failureDetectionTimeout)
                && workDirectory.equals(s.workDirectory) && caches.equals(s.caches) && security.equals(s.security)
                && compute.equals(s.compute) && deployment.equals(s.deployment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeName, discoveryPort, communicationPort, clientPort, caches);
    }
}
