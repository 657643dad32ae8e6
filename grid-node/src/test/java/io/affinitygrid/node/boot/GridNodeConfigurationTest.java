package io.affinitygrid.node.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.node.GridConfigurationException;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LoopbackPorts;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

/**
 * {@link GridNodeConfiguration} against real Ignite nodes on free loopback ports: a good configuration starts a
 * node with its caches, and each bad one fails before Ignite starts, with an analysis naming the property.
 */
class GridNodeConfigurationTest {

    @TempDir
    Path workDirectory;

    private String nodeName;
    private ServerSocket busyPort;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp() throws IOException {
        int[] ports = LoopbackPorts.next(4);
        busyPort = new ServerSocket(ports[3], 50, InetAddress.getByName(LoopbackPorts.HOST));
        nodeName = "boot-test-" + UUID.randomUUID().toString().substring(0, 8);
        runner = new ApplicationContextRunner()
                .withUserConfiguration(GridNodeConfiguration.class)
                .withPropertyValues(
                        "grid.node-name=" + nodeName,
                        "grid.local-address=" + LoopbackPorts.HOST,
                        "grid.discovery.addresses=" + LoopbackPorts.HOST + ":" + ports[0],
                        "grid.discovery.port=" + ports[0],
                        "grid.communication.port=" + ports[1],
                        "grid.client.port=" + ports[2],
                        "grid.data-region-size=64MB",
                        "grid.failure-detection-timeout=5s",
                        "grid.work-directory=" + workDirectory,
                        "grid.maps[0].name=orders",
                        "grid.maps[0].backups=2",
                        "grid.maps[0].partitions=64",
                        "grid.maps[1].name=reference",
                        "grid.maps[1].mode=replicated",
                        "grid.maps[2].name=words",
                        // a port held open by this test, for the "port in use" case
                        "test.busy-port=" + busyPort.getLocalPort());
    }

    @AfterEach
    void releasePort() throws IOException {
        busyPort.close();
    }

    @Test
    void startsNodeWithConfiguredCachesAndStopsItOnClose() {
        runner.withBean("late", GridNodeSettingsCustomizer.class, () -> new OrderedCustomizer(2, b -> b.clientMaxComputeTasks(7)))
                .withBean("early", GridNodeSettingsCustomizer.class, () -> new OrderedCustomizer(1, b -> b.clientMaxComputeTasks(-1)))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(GridNode.class).hasSingleBean(Ignite.class);
                    GridNode node = context.getBean(GridNode.class);
                    Ignite ignite = context.getBean(Ignite.class);
                    assertThat(ignite).isSameAs(node.ignite());
                    assertThat(ignite.name()).isEqualTo(nodeName);
                    assertThat(node.settings().clientMaxComputeTasks()).as("customizers applied in order").isEqualTo(7);
                    assertThat(ignite.cacheNames()).containsExactlyInAnyOrder("orders", "reference", "words", TaskProgress.CACHE,
                            io.affinitygrid.compute.deploy.Deployments.CACHE);

                    CacheConfiguration<?, ?> orders = configuration(ignite, "orders");
                    assertThat(orders.getCacheMode()).isEqualTo(org.apache.ignite.cache.CacheMode.PARTITIONED);
                    assertThat(orders.getBackups()).isEqualTo(2);
                    assertThat(orders.getAffinity().partitions()).isEqualTo(64);

                    CacheConfiguration<?, ?> words = configuration(ignite, "words");
                    assertThat(words.getCacheMode()).isEqualTo(org.apache.ignite.cache.CacheMode.PARTITIONED);
                    assertThat(words.getBackups()).isEqualTo(1);
                    assertThat(words.getAffinity().partitions()).isEqualTo(1024);

                    assertThat(configuration(ignite, "reference").getCacheMode())
                            .isEqualTo(org.apache.ignite.cache.CacheMode.REPLICATED);

                    for (String cache : List.of("orders", "reference", "words")) {
                        CacheConfiguration<?, ?> config = configuration(ignite, cache);
                        assertThat(config.getWriteSynchronizationMode()).as(cache).isEqualTo(CacheWriteSynchronizationMode.FULL_SYNC);
                        assertThat(config.getPartitionLossPolicy()).as(cache).isEqualTo(PartitionLossPolicy.READ_WRITE_SAFE);
                    }
                    ignite.cache("orders").put(1, "one");
                    assertThat(ignite.cache("orders").get(1)).isEqualTo("one");
                });
        assertThat(Ignition.state(nodeName)).isEqualTo(IgniteState.STOPPED);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            grid.maps[0].backups            | -1                          | grid.maps[0].backups
            grid.maps[0].partitions         | 0                           | grid.maps[0].partitions
            grid.maps[1].name               | orders                      | grid.maps[1].name
            grid.discovery.addresses          | 127.0.0.1:notaport          | grid.discovery.addresses[0]
            grid.discovery.addresses          | host:47509..47500           | grid.discovery.addresses[0]
            grid.discovery.addresses          | 127.0.0.1:47500,host:70000  | grid.discovery.addresses[1]
            grid.client.port                  | ${test.busy-port}           | grid.client.port
            grid.communication.port           | ${test.busy-port}           | grid.communication.port
            grid.communication.port           | 0                           | grid.communication.port
            grid.node-name                    | ""                          | grid.node-name
            grid.client.max-compute-tasks     | 0                           | grid.client.max-compute-tasks
            grid.data-region-size             | 1MB                         | grid.data-region-size
            grid.failure-detection-timeout    | 10ms                        | grid.failure-detection-timeout
            grid.capacity.high-water-mark     | 99                          | grid.capacity.high-water-mark
            grid.capacity.high-water-mark     | 10                          | grid.capacity.high-water-mark
            grid.capacity.eviction-region-size | 4MB                        | grid.capacity.eviction-region-size
            """)
    void badConfigurationFailsBeforeIgniteStartsAndNamesTheProperty(String property, String value, String expectedProperty) {
        runner.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(Ignition.state(nodeName)).as("Ignite never started").isEqualTo(IgniteState.STOPPED);

            GridConfigurationException failure = causeOfType(context.getStartupFailure(), GridConfigurationException.class);
            assertThat(failure).as("a GridConfigurationException in the cause chain").isNotNull();
            assertThat(failure.property()).isEqualTo(expectedProperty);

            FailureAnalysis analysis = new GridConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("'" + expectedProperty + "'").contains(failure.problem());
            assertThat(analysis.getAction()).contains(expectedProperty).contains("config/grid-node.yml")
                    .contains(GridConfigurationFailureAnalyzer.environmentVariable(expectedProperty));
        });
    }

    @Test
    void unknownCacheModeFailsBindingAndNamesTheProperty() {
        runner.withPropertyValues("grid.maps[0].mode=FOO").run(context -> {
            assertThat(context).hasFailed();
            assertThat(Ignition.state(nodeName)).isEqualTo(IgniteState.STOPPED);
            assertThat(causeChain(context.getStartupFailure()))
                    .anySatisfy(cause -> assertThat(cause.getMessage()).contains("grid.maps[0].mode"));
        });
    }

    @Test
    void unknownCapacityPolicyFailsBindingAndNamesThePropertyAndTheValidValues() {
        runner.withPropertyValues("grid.maps[0].capacity-policy=lru").run(context -> {
            assertThat(context).hasFailed();
            assertThat(Ignition.state(nodeName)).isEqualTo(IgniteState.STOPPED);
            assertThat(causeChain(context.getStartupFailure()))
                    .anySatisfy(cause -> assertThat(cause.getMessage()).contains("grid.maps[0].capacity-policy"));
        });
    }

    @Test
    void capacityPoliciesPutRejectingCachesBehindTheGuardAndEvictingOnesInTheEvictionRegion() {
        runner.withPropertyValues("grid.maps[2].capacity-policy=evict", "grid.capacity.eviction-region-size=32MB",
                "grid.capacity.high-water-mark=80").run(context -> {
            assertThat(context).hasNotFailed();
            Ignite ignite = context.getBean(Ignite.class);
            assertThat(configuration(ignite, "orders").getInterceptor()).isInstanceOf(io.affinitygrid.node.CapacityInterceptor.class);
            assertThat(configuration(ignite, "orders").getDataRegionName()).isNull();
            assertThat(configuration(ignite, "words").getInterceptor()).isNull();
            assertThat(configuration(ignite, "words").getDataRegionName()).isEqualTo(io.affinitygrid.node.IgniteConfigurations.EVICTION_REGION);
            org.apache.ignite.configuration.DataRegionConfiguration evictable =
                    ignite.configuration().getDataStorageConfiguration().getDataRegionConfigurations()[0];
            assertThat(evictable.getPageEvictionMode()).isEqualTo(org.apache.ignite.configuration.DataPageEvictionMode.RANDOM_2_LRU);
            assertThat(evictable.getMaxSize()).isEqualTo(32L * 1024 * 1024);
            assertThat(context.getBean(io.affinitygrid.node.GridNode.class).capacity().highWaterMarkPercent()).isEqualTo(80);
            assertThat(ignite.configuration().getFailureHandler()).isInstanceOf(io.affinitygrid.node.GridFailureHandler.class);
            assertThat(ignite.configuration().getConnectorConfiguration()).isNull();
        });
    }

    private static CacheConfiguration<?, ?> configuration(Ignite ignite, String cache) {
        return ignite.cache(cache).getConfiguration(CacheConfiguration.class);
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        return causeChain(failure).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static Stream<Throwable> causeChain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain.stream();
    }

    /** A customizer with an explicit order. */
    private record OrderedCustomizer(int order, GridNodeSettingsCustomizer delegate) implements GridNodeSettingsCustomizer, Ordered {

        @Override
        public void customize(io.affinitygrid.node.GridNodeSettings.Builder builder) {
            delegate.customize(builder);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
