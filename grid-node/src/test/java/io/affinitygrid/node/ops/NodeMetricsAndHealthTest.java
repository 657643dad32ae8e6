package io.affinitygrid.node.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import io.affinitygrid.node.LoopbackPorts;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.GridNodeSettings;
import io.affinitygrid.node.boot.GridNodeApplication;
import io.affinitygrid.node.boot.metrics.MapMetricsBinder;
import io.affinitygrid.node.boot.metrics.MapPartitionMetricsBinder;
import io.affinitygrid.node.boot.metrics.ComputeMetricsBinder;
import io.affinitygrid.node.boot.metrics.TopologyMetricsBinder;
import io.affinitygrid.node.ops.NodeHttp.Health;
import io.affinitygrid.node.ops.NodeHttp.Scrape;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The grid node application as operators see it over HTTP: {@code /actuator/prometheus} with the node's meters,
 * which move with cache operations and computations, and {@code /actuator/health} with the {@code grid}
 * component, which goes {@code DOWN} and lists the partitions when some are lost.
 *
 * <p>One application node on free loopback ports for the whole class; the partition-loss case adds a second,
 * plain node and stops it, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeMetricsAndHealthTest {

    private static final String HOST = LoopbackPorts.HOST;
    private static final int ORDERS_PARTITIONS = 64;
    private static final int FRAGILE_PARTITIONS = 32;

    /** Every meter the node's binders register, as documented in the README. */
    private static final Set<String> GRID_METERS = Set.of(
            "grid.map.entries", "grid.map.operations", "grid.map.operation.average",
            "grid.map.partitions", "grid.map.lost.partitions", "grid.map.rebalancing.partitions",
            "grid.map.rebalance.remaining.keys", "grid.map.rebalanced.keys",
            "grid.compute.jobs", "grid.compute.failed.jobs", "grid.compute.cancelled.jobs",
            "grid.compute.rejected.jobs", "grid.compute.active.jobs", "grid.compute.waiting.jobs",
            "grid.compute.coordinating", "grid.compute.refused", "grid.compute.resent.partitions",
            "grid.compute.scanned.partitions", "grid.compute.shared.partials.discarded", "grid.network.bytes",
            "grid.topology.nodes", "grid.topology.version",
            "grid.region.used", "grid.region.max", "grid.region.high.water.mark", "grid.region.evicted.pages",
            "grid.capacity.rejected.writes");

    /** The deprecated names of the map meters, kept by default ({@code grid.metrics.cache-meter-aliases}). */
    private static final Set<String> DEPRECATED_ALIASES = Set.of(
            "grid.cache.entries", "grid.cache.operations", "grid.cache.operation.average",
            "grid.cache.partitions", "grid.cache.lost.partitions", "grid.cache.rebalancing.partitions",
            "grid.cache.rebalance.remaining.keys", "grid.cache.rebalanced.keys");

    @TempDir
    static Path workDirectory;

    private static ConfigurableApplicationContext context;
    private static Ignite ignite;
    private static String nodeName;
    private static NodeHttp http;
    private static int appDiscoveryPort;
    private static int extraDiscoveryPort;

    @BeforeAll
    static void startNode() {
        int[] ports = LoopbackPorts.next(4);
        appDiscoveryPort = ports[0];
        extraDiscoveryPort = ports[3];
        nodeName = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        // As GridNodeApplication.main runs it: reading grid-node.yml, with its Actuator settings.
        SpringApplication application = new SpringApplication(GridNodeApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "grid-node"));
        context = application.run(
                "--grid.node-name=" + nodeName,
                "--grid.local-address=" + HOST,
                "--grid.discovery.addresses=" + HOST + ":" + ports[0] + "," + HOST + ":" + extraDiscoveryPort,
                "--grid.discovery.port=" + ports[0],
                "--grid.communication.port=" + ports[1],
                "--grid.client.port=" + ports[2],
                "--grid.data-region-size=64MB",
                "--grid.failure-detection-timeout=5s",
                "--grid.work-directory=" + workDirectory.resolve(nodeName),
                "--grid.maps[0].name=orders",
                "--grid.maps[0].partitions=" + ORDERS_PARTITIONS,
                "--grid.maps[1].name=fragile",
                "--grid.maps[1].backups=0",
                "--grid.maps[1].partitions=" + FRAGILE_PARTITIONS,
                "--grid.maps[1].capacity-policy=evict",
                "--server.port=0",
                "--spring.main.register-shutdown-hook=false");
        ignite = context.getBean(Ignite.class);
        http = new NodeHttp(HOST, ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @AfterAll
    static void stopNode() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @Order(1)
    void healthIsUpWithTheNodeTheTopologyAndTheCaches() {
        Health health = http.health();

        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.grid()).containsEntry("status", "UP");
        Map<String, Object> details = health.gridDetails();
        assertThat(details).containsEntry("node", nodeName).containsEntry("clusterState", "ACTIVE")
                .doesNotContainKey("lostPartitions");
        assertThat(health.topologySize()).isEqualTo(1);
        assertThat(details.get("memory")).asInstanceOf(MAP).containsOnlyKeys("default", "evictable")
                .extractingByKey("default").asInstanceOf(MAP)
                .containsEntry("maxBytes", 64 * 1024 * 1024).containsEntry("highWaterMarkPercent", 90);
        assertThat(details).doesNotContainKey("capacity");
        assertThat(details.get("maps")).asInstanceOf(MAP)
                .containsOnlyKeys("orders", "fragile")
                .extractingByKey("orders").asInstanceOf(MAP)
                .containsEntry("primaryPartitions", ORDERS_PARTITIONS).containsEntry("lostPartitions", 0);
    }

    @Test
    @Order(2)
    void prometheusMetersMoveWithCacheOperationsAndComputations() {
        Scrape before = http.scrape();
        assertThat(before.sum("grid_topology_nodes", "type", "server", "node", nodeName)).isEqualTo(1);
        assertThat(before.sum("grid_map_partitions", "map", "orders", "role", "primary")).isEqualTo(ORDERS_PARTITIONS);
        assertThat(before.sum("grid_map_partitions", "map", "orders", "role", "backup")).isZero();
        assertThat(before.sum("grid_cache_partitions", "cache", "orders", "role", "primary"))
                .as("the deprecated alias reads the same").isEqualTo(ORDERS_PARTITIONS);
        assertThat(before.sum("grid_map_lost_partitions", "map", "fragile")).isZero();
        assertThat(before.sum("grid_map_rebalancing_partitions", "map", "orders")).isZero();
        assertThat(before.sum("grid_region_max_bytes", "region", "default")).isEqualTo(64.0 * 1024 * 1024);
        assertThat(before.sum("grid_region_max_bytes", "region", "evictable")).isEqualTo(64.0 * 1024 * 1024);
        assertThat(before.sum("grid_region_used_bytes", "region", "default")).isPositive();
        assertThat(before.sum("grid_region_high_water_mark_bytes", "region", "default")).isEqualTo(0.9 * 64 * 1024 * 1024);
        assertThat(before.has("grid_region_evicted_pages_total", "region", "evictable")).isTrue();
        assertThat(before.has("grid_capacity_rejected_writes_total", "map", "orders")).isTrue();
        assertThat(before.has("grid_capacity_rejected_writes_total", "map", "fragile")).as("evicting caches refuse nothing").isFalse();
        double putsBefore = before.sum("grid_map_operations_total", "map", "orders", "operation", "put");
        double jobsBefore = before.sum("grid_compute_jobs_seconds_count");
        double failedBefore = before.sum("grid_compute_failed_jobs_total");
        double resentBefore = before.sum("grid_compute_resent_partitions_total");

        IgniteCache<Integer, BinaryObject> orders = ignite.cache("orders").withKeepBinary();
        for (int i = 1; i <= 200; i++) {
            orders.put(i, ignite.binary().builder("Order").setField("amount", (long) i).setField("customer", "c" + i % 7).build());
        }
        for (int i = 1; i <= 100; i++) {
            orders.get(i);
        }
        for (int i = 151; i <= 200; i++) {
            orders.remove(i);
        }
        SumResult sum = ignite.compute().execute(SumTask.NAME, new SumArgument("orders", "amount"));
        assertThat(sum.count()).isEqualTo(150);
        assertThatException().as("a sum over a text field fails in the jobs")
                .isThrownBy(() -> ignite.compute().execute(SumTask.NAME, new SumArgument("orders", "customer")));

        // Ignite refreshes the node's job figures every 2 s; the meters read them at most once a second.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Scrape after = http.scrape();
            assertThat(after.sum("grid_map_operations_total", "map", "orders", "operation", "put")).isEqualTo(putsBefore + 200);
            assertThat(after.sum("grid_map_operations_total", "map", "orders", "operation", "get")).isGreaterThanOrEqualTo(100);
            assertThat(after.sum("grid_map_operations_total", "map", "orders", "operation", "remove")).isGreaterThanOrEqualTo(50);
            assertThat(after.sum("grid_map_operation_average_seconds", "map", "orders", "operation", "put")).isPositive();
            assertThat(after.sum("grid_map_entries", "map", "orders", "copy", "primary")).isEqualTo(150);
            assertThat(after.sum("grid_cache_entries", "cache", "orders", "copy", "primary")).as("the deprecated alias").isEqualTo(150);
            assertThat(after.sum("grid_map_entries", "map", "orders", "copy", "backup")).isZero();
            assertThat(after.sum("grid_compute_jobs_seconds_count"))
                    .as("per sum, a batch job per node; the failing sum's batch is sent once more before it fails")
                    .isGreaterThanOrEqualTo(jobsBefore + 3);
            assertThat(after.sum("grid_compute_failed_jobs_total")).isGreaterThan(failedBefore);
            assertThat(after.sum("grid_compute_resent_partitions_total")).as("the failing sum's partitions, sent once more")
                    .isGreaterThan(resentBefore);
            assertThat(after.has("grid_compute_coordinating_computations", "node", nodeName)).isTrue();
            assertThat(after.has("grid_compute_jobs_seconds_sum", "node", nodeName)).isTrue();
        });
    }

    @Test
    @Order(3)
    void infoShowsTheBuildAndTheCommit() {
        Map<String, Object> info = http.info();

        assertThat(info.get("build")).asInstanceOf(MAP).containsEntry("artifact", "grid-node").containsKey("version");
        assertThat(info.get("git")).asInstanceOf(MAP).containsKey("commit");
    }

    @Test
    @Order(3)
    void everyGridMeterIsNamedDescribedAndHasABaseUnit() {
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        Set<String> names = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            if (!id.getName().startsWith("grid.")) {
                continue;
            }
            names.add(id.getName());
            assertThat(id.getName()).as("lowercase and dotted").matches("[a-z]+(\\.[a-z]+)+");
            assertThat(id.getDescription()).as("description of %s", id).isNotBlank();
            assertThat(id.getBaseUnit()).as("base unit of %s", id).isNotBlank();
            assertThat(id.getTag("node")).as("node tag of %s", id).isEqualTo(nodeName);
        }
        Set<String> expected = new TreeSet<>(GRID_METERS);
        expected.addAll(DEPRECATED_ALIASES);
        assertThat(names).isEqualTo(expected);
    }

    @Test
    @Order(4)
    void lostPartitionsTakeHealthDownAndAreListed() {
        String extraName = nodeName + "-extra";
        int[] ports = LoopbackPorts.next(2);
        GridNode extra = GridNode.start(GridNodeSettings.builder()
                .nodeName(extraName)
                .localAddress(HOST)
                .discoveryAddresses(List.of(HOST + ":" + appDiscoveryPort, HOST + ":" + extraDiscoveryPort))
                .discoveryPort(extraDiscoveryPort)
                .communicationPort(ports[0])
                .clientPort(ports[1])
                .dataRegionSizeBytes(64L * 1024 * 1024)
                .workDirectory(workDirectory.resolve(extraName))
                .build());
        SimpleMeterRegistry extraRegistry = new SimpleMeterRegistry();
        ComputeMetricsBinder extraCompute = new ComputeMetricsBinder(extra.ignite());
        try {
            new MapMetricsBinder(extra.ignite(), null, false).bindTo(extraRegistry);
            new MapPartitionMetricsBinder(extra.ignite(), null, false).bindTo(extraRegistry);
            assertThat(extraRegistry.find("grid.cache.entries").meters()).as("no deprecated aliases when turned off").isEmpty();
            assertThat(extraRegistry.find("grid.map.entries").meters()).isNotEmpty();
            new TopologyMetricsBinder(extra.ignite()).bindTo(extraRegistry);
            extraCompute.bindTo(extraRegistry);
            IgniteCache<Integer, Integer> fragile = ignite.cache("fragile");
            for (int i = 0; i < 4 * FRAGILE_PARTITIONS; i++) {
                fragile.put(i, i);
            }
            // The joined node owns some of the fragile cache's partitions, as primary with their entries, once
            // they have moved to it and the cluster has switched to the new partition map.
            ClusterNode appNode = ignite.cluster().localNode();
            extra.ignite().cache("fragile").rebalance().get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(extra.ignite().cache("fragile").localSize(CachePeekMode.PRIMARY)).isPositive();
                assertThat(ignite.cache("fragile").localSize(CachePeekMode.PRIMARY)).isLessThan(4 * FRAGILE_PARTITIONS);
                assertThat(http.health().topologySize()).isEqualTo(2);
                assertThat(extraRegistry.get("grid.topology.nodes").tag("type", "server").gauge().value()).isEqualTo(2);
                assertThat(extraRegistry.get("grid.map.partitions").tags("map", "fragile", "role", "primary").gauge().value())
                        .isPositive();
                assertThat(ignite.affinity("fragile").primaryPartitions(appNode)).hasSizeLessThan(FRAGILE_PARTITIONS);
                assertThat(extraRegistry.get("grid.map.entries").tags("map", "fragile", "copy", "primary").gauge().value())
                        .isPositive();
                assertThat(extraRegistry.get("grid.map.rebalancing.partitions").tags("map", "fragile").gauge().value())
                        .isZero();
            });
            assertThat(extraRegistry.get("grid.map.partitions").tags("map", "fragile", "role", "backup").gauge().value()).isZero();
        }
        finally {
            extra.close();
        }

        // The fragile cache has no backups: the partitions the stopped node owned are lost.
        assertThat(extraRegistry.get("grid.topology.nodes").tag("type", "server").gauge().value())
                .as("the meters of a stopped node read NaN").isNaN();
        assertThat(extraRegistry.get("grid.map.entries").tags("map", "fragile", "copy", "primary").gauge().value()).isNaN();
        assertThat(extraRegistry.get("grid.map.operations").tags("map", "fragile", "operation", "put").functionCounter().count())
                .as("counters keep their last value").isNotNaN();
        extraCompute.close();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Health health = http.health();
                assertThat(health.httpStatus()).as("%s", health.body()).isEqualTo(503);
                assertThat(health.status()).isEqualTo("DOWN");
                assertThat(health.grid()).containsEntry("status", "DOWN");
                assertThat(health.topologySize()).isEqualTo(1);
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> lost = (Map<String, Map<String, Object>>) health.gridDetails().get("lostPartitions");
                assertThat(lost).containsOnlyKeys("fragile");
                int count = ((Number) lost.get("fragile").get("count")).intValue();
                assertThat(count).isPositive().isEqualTo(ignite.cache("fragile").lostPartitions().size());
                assertThat(lost.get("fragile").get("partitions")).asInstanceOf(LIST)
                        .hasSize(Math.min(count, 64));
                assertThat(http.scrape().sum("grid_map_lost_partitions", "map", "fragile")).isEqualTo(count);
            });
        }
        finally {
            ignite.resetLostPartitions(List.of("fragile"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.health().status()).isEqualTo("UP"));
    }
}
