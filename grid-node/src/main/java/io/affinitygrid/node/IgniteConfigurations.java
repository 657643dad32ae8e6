package io.affinitygrid.node;

import java.util.Map;

import io.affinitygrid.compute.ComputeLimits;
import io.affinitygrid.compute.TaskProgressCache;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.DataPageEvictionMode;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.ThinClientConfiguration;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.ssl.SslContextFactory;

/**
 * Turns {@link GridNodeSettings} into an Ignite configuration, with the product's defaults: no peer class
 * loading (code is never shipped from clients), thin-client compute on, FULL_SYNC writes and
 * READ_WRITE_SAFE partition loss, so that an acknowledged write is on the backups too and a lost
 * partition fails loudly instead of reading as empty.
 *
 * <p>With {@link SecuritySettings#tlsEnabled() TLS} on, discovery, communication and the thin-client connector
 * all use one {@link SslContextFactory} made from the node's key and trust stores. With
 * {@link SecuritySettings#authenticationEnabled() authentication} on, Ignite's authentication is enabled,
 * with the small persistent region it needs for its users ({@value SecuritySettings#SECURITY_REGION}, used by
 * no cache) and a {@link SecurityBootstrap} that activates the cluster and creates the configured users.
 *
 * <p>Capacity: caches with {@link CapacityPolicy#REJECT} live in the data region {@value #DATA_REGION} and carry a
 * {@link CapacityInterceptor}, which refuses puts above the high-water mark. Caches with
 * {@link CapacityPolicy#EVICT} live in the region {@value #EVICTION_REGION} (always configured, so that nodes can
 * join a cluster whose caches evict; it starts at 16 MB),
 * where Ignite evicts random-2-LRU data pages from 90 % full. Critical failures stop the node
 * ({@link GridFailureHandler}) instead of halting the JVM. Ignite's legacy REST/memcached connector (port 11211) is
 * off: the grid's only client entry point is the thin-client port.
 */
public final class IgniteConfigurations {

    /** Name of the node's one data region. */
    public static final String DATA_REGION = "default";
    /** Name of the region of the caches with {@link CapacityPolicy#EVICT}. */
    public static final String EVICTION_REGION = "evictable";
    /** Share of the eviction region Ignite fills before it starts evicting pages. */
    static final double EVICTION_THRESHOLD = 0.9;
    /**
     * Window of the eviction region's rate metrics: 100 days, so that its eviction "rate" counts every page
     * evicted since the node started (Ignite keeps no eviction counter; see {@link #evictedPages}).
     */
    static final long EVICTION_COUNT_WINDOW_MILLIS = 100L * 24 * 60 * 60 * 1000;
    /** Size of the persistent region that holds the users when authentication is on; it holds no cache. */
    static final long SECURITY_REGION_SIZE_BYTES = 16L * 1024 * 1024;

    private IgniteConfigurations() {
    }

    public static IgniteConfiguration create(GridNodeSettings settings) {
        TcpDiscoverySpi discovery = new TcpDiscoverySpi()
                .setLocalPort(settings.discoveryPort())
                .setLocalPortRange(settings.discoveryPortRange())
                .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(settings.discoveryAddresses()));
        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalPort(settings.communicationPort());
        communication.setLocalPortRange(0);
        // Bounded queues: with the default of 0 a slow receiver can make a sender run out of memory.
        communication.setMessageQueueLimit(1024);

        ThinClientConfiguration thinClients = new ThinClientConfiguration()
                .setMaxActiveComputeTasksPerConnection(settings.clientMaxComputeTasks())
                .setServerToClientExceptionStackTraceSending(true);
        ClientConnectorConfiguration clientConnector = new ClientConnectorConfiguration()
                .setPort(settings.clientPort())
                .setPortRange(0)
                .setThinClientConfiguration(thinClients);
        if (settings.localAddress() != null) {
            clientConnector.setHost(settings.localAddress());
        }
        SecuritySettings security = settings.security();
        if (security.tlsEnabled()) {
            clientConnector.setSslEnabled(true)
                    .setUseIgniteSslContextFactory(true)
                    .setSslClientAuth(security.clientCertificateRequired());
        }

        long regionSize = settings.dataRegionSizeBytes();
        DataStorageConfiguration storage = new DataStorageConfiguration()
                .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
                        .setName(DATA_REGION)
                        .setInitialSize(Math.min(regionSize, 64L * 1024 * 1024))
                        .setMaxSize(regionSize)
                        .setMetricsEnabled(true));
        // Always there, even when no cache of this node evicts: a node joining a cluster starts the cluster's caches,
        // and one of them in a region it lacks fails its start ("Requested DataRegion is not configured").
        // Memory grows from 16 MB, so an unused region costs little.
        long evictionSize = settings.evictionRegionSizeBytes();
        storage.setDataRegionConfigurations(new DataRegionConfiguration()
                .setName(EVICTION_REGION)
                .setInitialSize(Math.min(evictionSize, 16L * 1024 * 1024))
                .setMaxSize(evictionSize)
                .setPageEvictionMode(DataPageEvictionMode.RANDOM_2_LRU)
                .setEvictionThreshold(EVICTION_THRESHOLD)
                .setMetricsEnabled(true)
                .setMetricsRateTimeInterval(EVICTION_COUNT_WINDOW_MILLIS));
        if (security.authenticationEnabled()) {
            // Ignite keeps users in its metastorage, which exists only with persistence: a small persistent
            // region used by no cache, with a small write-ahead log.
            storage.setDataRegionConfigurations(withRegion(storage.getDataRegionConfigurations(), new DataRegionConfiguration()
                            .setName(SecuritySettings.SECURITY_REGION)
                            .setPersistenceEnabled(true)
                            .setInitialSize(SECURITY_REGION_SIZE_BYTES)
                            .setMaxSize(SECURITY_REGION_SIZE_BYTES)))
                    .setWalSegmentSize(1024 * 1024)
                    .setWalSegments(4)
                    .setMaxWalArchiveSize(16L * 1024 * 1024);
        }

        IgniteConfiguration config = new IgniteConfiguration()
                .setIgniteInstanceName(settings.nodeName())
                .setConsistentId(settings.nodeName())
                .setLocalHost(settings.localAddress())
                .setWorkDirectory(settings.workDirectory().toAbsolutePath().toString())
                .setGridLogger(new Slf4jIgniteLogger())
                .setPeerClassLoadingEnabled(false)
                .setMetricsLogFrequency(0)
                // no legacy REST/memcached connector on port 11211: thin clients are the only client entry point
                .setConnectorConfiguration(null)
                .setFailureHandler(new GridFailureHandler())
                .setFailureDetectionTimeout(settings.failureDetectionTimeout().toMillis())
                .setDiscoverySpi(discovery)
                .setCommunicationSpi(communication)
                .setClientConnectorConfiguration(clientConnector)
                .setDataStorageConfiguration(storage)
                .setCacheConfiguration(java.util.stream.Stream.concat(
                        settings.caches().stream().map(IgniteConfigurations::cache),
                        java.util.stream.Stream.of(TaskProgressCache.cacheConfiguration(),
                                io.affinitygrid.compute.deploy.Deployments.cacheConfiguration())).toArray(CacheConfiguration[]::new));
        if (settings.deployment().enabled()) {
            // finds deployed tasks by name (Ignite's default SPI is bypassed when peer class loading is off); nodes
            // without deployment keep Ignite's fixed local deployment (docs/deployment.md)
            config.setDeploymentSpi(new io.affinitygrid.compute.deploy.GridDeploymentSpi());
        }
        ComputeSettings compute = settings.compute();
        config.setPublicThreadPoolSize(compute.publicThreads())
                .setUserAttributes(Map.of(ComputeLimits.MAX_CONCURRENT_ATTRIBUTE, compute.maxConcurrent(),
                        ComputeLimits.SCAN_THREADS_ATTRIBUTE, compute.scanThreads()));
        if (security.tlsEnabled()) {
            config.setSslContextFactory(sslContextFactory(security));
        }
        if (security.authenticationEnabled()) {
            config.setAuthenticationEnabled(true)
                    .setLifecycleBeans(new SecurityBootstrap(security));
        }
        return config;
    }

    private static DataRegionConfiguration[] withRegion(DataRegionConfiguration[] regions, DataRegionConfiguration region) {
        if (regions == null) {
            return new DataRegionConfiguration[] {region};
        }
        DataRegionConfiguration[] all = java.util.Arrays.copyOf(regions, regions.length + 1);
        all[regions.length] = region;
        return all;
    }

    /**
     * Data pages evicted from a region since its node started, read from Ignite's eviction rate: Ignite counts
     * evicted pages only in a rate over the region's metrics window, which for the eviction region is
     * {@link #EVICTION_COUNT_WINDOW_MILLIS} long, so the rate times the window is the count.
     *
     * @param evictionRate {@code DataRegionMetrics.getEvictionRate()}, in pages per second
     */
    public static long evictedPages(float evictionRate) {
        return Math.round((double) evictionRate * EVICTION_COUNT_WINDOW_MILLIS / 1000.0);
    }

    /** One TLS context for discovery, communication and thin clients, from the node's key and trust stores. */
    static SslContextFactory sslContextFactory(SecuritySettings security) {
        SslContextFactory factory = new SslContextFactory();
        factory.setKeyStoreFilePath(security.keyStore().toAbsolutePath().toString());
        factory.setKeyStorePassword(security.keyStorePassword().toCharArray());
        factory.setKeyStoreType(security.keyStoreType());
        factory.setTrustStoreFilePath(security.trustStore().toAbsolutePath().toString());
        factory.setTrustStorePassword(security.trustStorePassword().toCharArray());
        factory.setTrustStoreType(security.trustStoreType());
        factory.setProtocol(security.protocol());
        return factory;
    }

    /** The Ignite configuration of one cache. */
    public static CacheConfiguration<Object, Object> cache(CacheSettings cache) {
        CacheConfiguration<Object, Object> config = new CacheConfiguration<>(cache.name())
                .setCacheMode(cache.mode() == CacheMode.REPLICATED ? org.apache.ignite.cache.CacheMode.REPLICATED
                        : org.apache.ignite.cache.CacheMode.PARTITIONED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setPartitionLossPolicy(PartitionLossPolicy.READ_WRITE_SAFE)
                .setAffinity(new RendezvousAffinityFunction(false, cache.partitions()))
                .setStatisticsEnabled(true);
        if (cache.mode() == CacheMode.PARTITIONED) {
            config.setBackups(cache.backups());
        }
        if (cache.capacityPolicy() == CapacityPolicy.EVICT) {
            config.setDataRegionName(EVICTION_REGION);
        }
        else {
            config.setInterceptor(new CapacityInterceptor(cache.name()));
        }
        return config;
    }
}
