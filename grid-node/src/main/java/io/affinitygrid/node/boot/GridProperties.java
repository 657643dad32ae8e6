package io.affinitygrid.node.boot;

import io.affinitygrid.compute.ComputeLimits;
import io.affinitygrid.node.ComputeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.affinitygrid.node.CacheMode;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.CapacityPolicy;
import io.affinitygrid.node.GridConfigurationException;
import io.affinitygrid.node.GridNodeSettings;
import io.affinitygrid.node.boot.security.SecurityProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of a grid node, bound from the {@code grid.*} properties. A plain mirror of
 * {@link GridNodeSettings}: the values are checked in one place, {@link GridNodeSettings.Builder#build()},
 * which names the offending {@code grid.*} property when one is wrong.
 */
@ConfigurationProperties("grid")
public class GridProperties {

    /**
     * Name of the node, unique in the cluster; also its consistent id.
     */
    private String nodeName = GridNodeSettings.DEFAULT_NODE_NAME;

    /**
     * Address the node binds and advertises to other nodes and thin clients. Every interface when not set.
     */
    private String localAddress;

    /**
     * Maximum size of the node's data region, where cache entries live off-heap.
     */
    private DataSize dataRegionSize = DataSize.ofBytes(GridNodeSettings.DEFAULT_DATA_REGION_SIZE_BYTES);

    /**
     * How long a node may stay silent before the cluster drops it; cache operations wait meanwhile.
     */
    private Duration failureDetectionTimeout = GridNodeSettings.DEFAULT_FAILURE_DETECTION_TIMEOUT;

    /**
     * Directory for the node's work files. A per-node directory under the system's temporary directory when
     * not set.
     */
    private Path workDirectory;

    /**
     * Maps the node starts with; every node of a cluster should list the same maps.
     */
    private List<MapDefinition> maps = new ArrayList<>();

    /**
     * Deprecated name of {@code grid.maps}, still read when {@code grid.maps} is not set.
     */
    private List<MapDefinition> caches = new ArrayList<>();

    private final Metrics metrics = new Metrics();

    private final Discovery discovery = new Discovery();

    private final Communication communication = new Communication();

    private final Client client = new Client();

    private final Compute compute = new Compute();

    private final Capacity capacity = new Capacity();

    private final Deployment deployment = new Deployment();

    /**
     * TLS and authentication; off unless turned on (e.g. by the security profile).
     */
    @NestedConfigurationProperty
    private final SecurityProperties security = new SecurityProperties();

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public String getLocalAddress() {
        return localAddress;
    }

    public void setLocalAddress(String localAddress) {
        this.localAddress = localAddress;
    }

    public DataSize getDataRegionSize() {
        return dataRegionSize;
    }

    public void setDataRegionSize(DataSize dataRegionSize) {
        this.dataRegionSize = dataRegionSize;
    }

    public Duration getFailureDetectionTimeout() {
        return failureDetectionTimeout;
    }

    public void setFailureDetectionTimeout(Duration failureDetectionTimeout) {
        this.failureDetectionTimeout = failureDetectionTimeout;
    }

    public Path getWorkDirectory() {
        return workDirectory;
    }

    public void setWorkDirectory(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    public List<MapDefinition> getMaps() {
        return maps;
    }

    public void setMaps(List<MapDefinition> maps) {
        this.maps = maps;
    }

    /** @deprecated the maps are configured as {@code grid.maps}; this name is still read when that one is not set */
    @Deprecated(since = "0.2")
    @DeprecatedConfigurationProperty(replacement = "grid.maps", reason = "the grid calls them maps everywhere", since = "0.2")
    public List<MapDefinition> getCaches() {
        return caches;
    }

    @Deprecated(since = "0.2")
    public void setCaches(List<MapDefinition> caches) {
        this.caches = caches;
    }

    /** Whether the maps are configured under the deprecated name {@code grid.caches}. */
    public boolean usesDeprecatedCaches() {
        return caches != null && !caches.isEmpty();
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Discovery getDiscovery() {
        return discovery;
    }

    public Communication getCommunication() {
        return communication;
    }

    public Client getClient() {
        return client;
    }

    public Compute getCompute() {
        return compute;
    }

    public Capacity getCapacity() {
        return capacity;
    }

    public Deployment getDeployment() {
        return deployment;
    }

    public SecurityProperties getSecurity() {
        return security;
    }

    /**
     * A builder holding these properties, for customizers to adjust before the settings are built and checked.
     */
    GridNodeSettings.Builder toBuilder() {
        GridNodeSettings.Builder builder = GridNodeSettings.builder()
                .nodeName(nodeName)
                .localAddress(localAddress)
                .discoveryAddresses(discovery.addresses)
                .discoveryPort(discovery.port)
                .discoveryPortRange(discovery.portRange)
                .communicationPort(communication.port)
                .clientPort(client.port)
                .clientMaxComputeTasks(client.maxComputeTasks)
                .clientInlineReads(client.inlineReads)
                .dataRegionSizeBytes(dataRegionSize == null ? 0 : dataRegionSize.toBytes())
                .highWaterMarkPercent(capacity.highWaterMark)
                .evictionRegionSizeBytes(capacity.evictionRegionSize == null ? 0 : capacity.evictionRegionSize.toBytes())
                .failureDetectionTimeout(failureDetectionTimeout)
                .workDirectory(workDirectory)
                .compute(new ComputeSettings(compute.publicThreads, compute.maxConcurrent, compute.scanThreads))
                .security(security.toSettings())
                .deployment(deployment.toSettings());
        boolean deprecated = usesDeprecatedCaches();
        if (deprecated && maps != null && !maps.isEmpty()) {
            throw new GridConfigurationException("grid.caches", null, "it is the deprecated name of grid.maps, and both are"
                    + " set: list the maps under grid.maps only");
        }
        String property = deprecated ? "grid.caches" : "grid.maps";
        List<MapDefinition> definitions = deprecated ? caches : maps;
        List<CacheSettings> cacheSettings = new ArrayList<>();
        if (definitions != null) {
            for (int i = 0; i < definitions.size(); i++) {
                String prefix = property + "[" + i + "]";
                cacheSettings.add(definitions.get(i) == null ? null : definitions.get(i).toSettings(prefix));
            }
        }
        return builder.caches(cacheSettings).mapsProperty(property);
    }

    /**
     * The node settings these properties describe.
     *
     * @throws GridConfigurationException naming the first property with a bad value
     */
    public GridNodeSettings toSettings() {
        return toBuilder().build();
    }

    /** Discovery: how nodes find each other and form the cluster. */
    public static class Discovery {

        /**
         * Addresses where nodes of the cluster listen for discovery: host, host:port or host:from..to.
         */
        private List<String> addresses = new ArrayList<>(GridNodeSettings.DEFAULT_DISCOVERY_ADDRESSES);

        /**
         * Port the node listens on for discovery.
         */
        private int port = GridNodeSettings.DEFAULT_DISCOVERY_PORT;

        /**
         * How many ports after the discovery port the node may try when that one is taken.
         */
        private int portRange = GridNodeSettings.DEFAULT_DISCOVERY_PORT_RANGE;

        public List<String> getAddresses() {
            return addresses;
        }

        public void setAddresses(List<String> addresses) {
            this.addresses = addresses;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public int getPortRange() {
            return portRange;
        }

        public void setPortRange(int portRange) {
            this.portRange = portRange;
        }
    }

    /** Communication: the node-to-node channel for cache operations and compute jobs. */
    public static class Communication {

        /**
         * Port the node listens on for communication with other nodes.
         */
        private int port = GridNodeSettings.DEFAULT_COMMUNICATION_PORT;

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }

    /** Thin clients: where applications, the SDK and the shell connect. */
    public static class Client {

        /**
         * Port the node listens on for thin clients.
         */
        private int port = GridNodeSettings.DEFAULT_CLIENT_PORT;

        /**
         * Most compute tasks one thin-client connection may run at once.
         */
        private int maxComputeTasks = GridNodeSettings.DEFAULT_CLIENT_MAX_COMPUTE_TASKS;

        /**
         * Whether a get or containsKey of a key this node is primary for runs on the connector's I/O thread instead
         * of Ignite's connector pool: two thread hand-offs fewer per read.
         */
        private boolean inlineReads = true;

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public int getMaxComputeTasks() {
            return maxComputeTasks;
        }

        public void setMaxComputeTasks(int maxComputeTasks) {
            this.maxComputeTasks = maxComputeTasks;
        }

        public boolean isInlineReads() {
            return inlineReads;
        }

        public void setInlineReads(boolean inlineReads) {
            this.inlineReads = inlineReads;
        }
    }

    /** Computations: the pool that runs their jobs and how many the node accepts at once. */
    public static class Compute {

        /**
         * Threads that run the jobs doing the work (partition scans, key jobs). At least 8 and one per core by
         * default.
         */
        private int publicThreads = ComputeLimits.defaultPublicThreads();

        /**
         * Computations the node coordinates at once; more are refused at once with a "grid busy" error rather
         * than queued without bound.
         */
        private int maxConcurrent = ComputeLimits.DEFAULT_MAX_CONCURRENT;

        /**
         * Public-pool threads that scan this node's partitions for one computation: its partitions are split into
         * that many jobs, which run in parallel without waiting for each other. One per core by default.
         */
        private int scanThreads = ComputeLimits.defaultScanThreads();

        public int getPublicThreads() {
            return publicThreads;
        }

        public void setPublicThreads(int publicThreads) {
            this.publicThreads = publicThreads;
        }

        public int getMaxConcurrent() {
            return maxConcurrent;
        }

        public void setMaxConcurrent(int maxConcurrent) {
            this.maxConcurrent = maxConcurrent;
        }

        public int getScanThreads() {
            return scanThreads;
        }

        public void setScanThreads(int scanThreads) {
            this.scanThreads = scanThreads;
        }
    }

    /** What happens when memory runs short: see each cache's {@code capacity-policy}. */
    public static class Capacity {

        /**
         * Percentage of the data region (on any server node) above which writes to caches with the reject policy
         * are refused; between 50 and 95.
         */
        private int highWaterMark = GridNodeSettings.DEFAULT_HIGH_WATER_MARK_PERCENT;

        /**
         * Maximum size of the eviction region, which holds the caches with the evict policy; it starts at 16MB
         * and grows as they fill it.
         */
        private DataSize evictionRegionSize = DataSize.ofBytes(GridNodeSettings.DEFAULT_EVICTION_REGION_SIZE_BYTES);

        public int getHighWaterMark() {
            return highWaterMark;
        }

        public void setHighWaterMark(int highWaterMark) {
            this.highWaterMark = highWaterMark;
        }

        public DataSize getEvictionRegionSize() {
            return evictionRegionSize;
        }

        public void setEvictionRegionSize(DataSize evictionRegionSize) {
            this.evictionRegionSize = evictionRegionSize;
        }
    }

    /** Task jars deployed at run time from the SDK or the shell ({@code deploy --name N --jar PATH}). */
    public static class Deployment {

        /**
         * Whether the node accepts task jars deployed at run time. Every node of a cluster should agree: a deploy
         * reaches all server nodes or none.
         */
        private boolean enabled;

        /**
         * Largest jar the node accepts.
         */
        private DataSize maxJarSize = DataSize.ofBytes(io.affinitygrid.node.deploy.DeploymentSettings.DEFAULT_MAX_JAR_SIZE_BYTES);

        /**
         * Users who may deploy and undeploy when clients are authenticated; nobody else may.
         */
        private List<String> users = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public DataSize getMaxJarSize() {
            return maxJarSize;
        }

        public void setMaxJarSize(DataSize maxJarSize) {
            this.maxJarSize = maxJarSize;
        }

        public List<String> getUsers() {
            return users;
        }

        public void setUsers(List<String> users) {
            this.users = users;
        }

        io.affinitygrid.node.deploy.DeploymentSettings toSettings() {
            return io.affinitygrid.node.deploy.DeploymentSettings.of(enabled, maxJarSize == null ? 0 : maxJarSize.toBytes(), users);
        }
    }

    /** The node's meters. */
    public static class Metrics {

        /**
         * Whether the map meters are also registered under their deprecated names, grid.cache.* tagged cache=NAME
         * (they are grid.map.* tagged map=NAME); the aliases go away in a later version.
         */
        private boolean cacheMeterAliases = true;

        public boolean isCacheMeterAliases() {
            return cacheMeterAliases;
        }

        public void setCacheMeterAliases(boolean cacheMeterAliases) {
            this.cacheMeterAliases = cacheMeterAliases;
        }
    }

    /** One map created at start. */
    public static class MapDefinition {

        /**
         * Name of the map, unique in the grid.
         */
        private String name;

        /**
         * How the map's data is spread over the nodes.
         */
        private CacheMode mode = CacheMode.PARTITIONED;

        /**
         * Number of backup copies of each partition; partitioned maps only.
         */
        private int backups = CacheSettings.DEFAULT_BACKUPS;

        /**
         * Number of partitions; fewer partitions make scans of small clusters cheaper.
         */
        private int partitions = CacheSettings.DEFAULT_PARTITIONS;

        /**
         * What writes do when memory is short: reject (refuse writes above the high-water mark, lose nothing) or
         * evict (drop least recently used entries; for pure caches).
         */
        private CapacityPolicy capacityPolicy = CapacityPolicy.REJECT;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public CacheMode getMode() {
            return mode;
        }

        public void setMode(CacheMode mode) {
            this.mode = mode;
        }

        public int getBackups() {
            return backups;
        }

        public void setBackups(int backups) {
            this.backups = backups;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public CapacityPolicy getCapacityPolicy() {
            return capacityPolicy;
        }

        public void setCapacityPolicy(CapacityPolicy capacityPolicy) {
            this.capacityPolicy = capacityPolicy;
        }

        CacheSettings toSettings(String prefix) {
            if (mode == null) {
                // CacheSettings cannot even hold a missing mode, so it is reported here rather than in build().
                throw new GridConfigurationException(prefix + ".mode", null, "every map needs a mode: PARTITIONED or REPLICATED");
            }
            if (capacityPolicy == null) {
                throw new GridConfigurationException(prefix + ".capacity-policy", null,
                        "every map needs a capacity policy: REJECT (the default) or EVICT");
            }
            return new CacheSettings(name, mode, backups, partitions, capacityPolicy);
        }
    }
}
