package io.affinitygrid.node.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.CapacityPolicy;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.IgniteConfigurations;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.node.RegionFill;
import io.affinitygrid.node.boot.health.GridHealthIndicator;
import io.affinitygrid.node.boot.metrics.CapacityMetricsBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Two in-process nodes with 16 MB regions, flooded through a raw Ignite thin client (no SDK): the rejecting map
 * refuses writes with GRID-MEM-1 before the region fills and keeps every acknowledged write; the evicting map keeps
 * accepting writes and counts evicted pages; no node fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapacityTest {

    private static final long REGION = 16L * 1024 * 1024;
    private static final int BATCH = 500;

    private static LocalCluster cluster;
    private static IgniteClient client;
    private static final Map<Long, byte[]> acknowledged = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        cluster = LocalCluster.builder().nodes(2).dataRegionSizeBytes(REGION).evictionRegionSizeBytes(REGION)
                .cache(CacheSettings.partitioned("capped").withPartitions(64))
                .cache(CacheSettings.partitioned("lru").withPartitions(64).withCapacityPolicy(CapacityPolicy.EVICT))
                .start();
        client = Ignition.startClient(new ClientConfiguration().setAddresses(cluster.clientAddresses().toArray(String[]::new)));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theLegacyConnectorIsOff() {
        assertThat(cluster.node(0).ignite().configuration().getConnectorConfiguration()).isNull();
        // Ignite's connector would take 11211 or, when taken (other grids on this machine), one of the next 100
        assertThat(ListeningPorts.of(ProcessHandle.current().pid())).as("ports this JVM listens on")
                .isNotEmpty().noneMatch(port -> port >= 11211 && port <= 11311);
    }

    @Test
    @Order(2)
    void aRejectingMapRefusesWritesAboveTheHighWaterMarkAndKeepsWhatItAcknowledged() {
        ClientCache<Long, byte[]> capped = client.cache("capped");
        RuntimeException refused = null;
        long key = 0;
        while (refused == null && key < 1_000_000) {
            Map<Long, byte[]> batch = new HashMap<>();
            for (int i = 0; i < BATCH; i++, key++) {
                batch.put(key, value(key));
            }
            try {
                capped.putAll(batch);
                acknowledged.putAll(batch);
            }
            catch (RuntimeException e) {
                refused = e;
            }
        }
        System.out.println("[capacity] rejecting map: " + acknowledged.size() + " entries acknowledged before the first refusal; "
                + cluster.node(0).capacity().fullest());

        assertThat(refused).as("a write was refused").isNotNull();
        assertThat(ErrorCode.find(refused)).contains(ErrorCode.CAPACITY_EXCEEDED);
        assertThat(refused.getMessage()).contains("Map 'capped' is full").contains("grid.data-region-size");
        assertThat(acknowledged).isNotEmpty();
        assertNodesAlive();
        // a single put is refused too, and reads keep working with every acknowledged value
        assertThatThrownBy(() -> capped.put(-1L, value(-1))).satisfies(e -> assertThat(ErrorCode.find(e)).contains(ErrorCode.CAPACITY_EXCEEDED));
        Map<Long, byte[]> read = capped.getAll(acknowledged.keySet());
        assertThat(read).hasSameSizeAs(acknowledged);
        acknowledged.forEach((k, v) -> assertThat(read.get(k)).as("value of key %d", k).isEqualTo(v));
        RegionFill fullest = cluster.node(0).capacity().fullest();
        assertThat(fullest.percent()).isGreaterThanOrEqualTo(90).isLessThan(97);
        // entry processors (the catalog's in-place updates) write through the same interceptor; on the node's own
        // API the code sits in a suppressed exception of Ignite's CachePartialUpdateCheckedException, which
        // ErrorCode.find reads too (a thin client gets it in the server's stack trace text)
        long first = acknowledged.keySet().iterator().next();
        assertThatThrownBy(() -> cluster.node(0).ignite().cache("capped").invoke(first, new Overwrite()))
                .satisfies(e -> assertThat(ErrorCode.find(e)).contains(ErrorCode.CAPACITY_EXCEEDED))
                .satisfies(e -> assertThat(stackTrace(e)).contains(ErrorCode.CAPACITY_EXCEEDED.token() + " Map 'capped' is full"));
        assertThat(capped.get(first)).isEqualTo(acknowledged.get(first));
    }

    /** Sets a new value in place. */
    static final class Overwrite implements org.apache.ignite.cache.CacheEntryProcessor<Object, Object, Object> {
        @Override
        public Object process(javax.cache.processor.MutableEntry<Object, Object> entry, Object... arguments) {
            entry.setValue(new byte[] {1});
            return null;
        }
    }

    @Test
    @Order(3)
    void healthAndMetersShowTheFullRegionAndTheRefusals() {
        GridNode node = cluster.node(0);
        Health health = new GridHealthIndicator(node.ignite()).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("capacity");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> memory = (Map<String, Map<String, Object>>) health.getDetails().get("memory");
        assertThat(memory.get(IgniteConfigurations.DATA_REGION)).containsEntry("maxBytes", REGION).containsEntry("highWaterMarkPercent", 90);
        assertThat((Double) memory.get(IgniteConfigurations.DATA_REGION).get("usedPercent")).isGreaterThanOrEqualTo(89.0);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new CapacityMetricsBinder(node.ignite()).bindTo(registry);
        assertThat(registry.get("grid.region.max").tag("region", "default").gauge().value()).isEqualTo(REGION);
        assertThat(registry.get("grid.region.used").tag("region", "default").gauge().value()).isGreaterThan(REGION * 0.85);
        assertThat(registry.get("grid.region.high.water.mark").gauge().value()).isEqualTo(REGION * 0.9);
        double rejected = 0;
        for (GridNode each : cluster.runningNodes()) {
            rejected += each.capacity().rejectedWrites("capped");
        }
        assertThat(rejected).as("writes refused on both nodes").isPositive();
        assertThat(registry.get("grid.capacity.rejected.writes").tag("map", "capped").functionCounter().count())
                .isEqualTo(node.capacity().rejectedWrites("capped"));
    }

    @Test
    @Order(4)
    void deletingEntriesMakesRoomForWritesAgain() throws InterruptedException {
        ClientCache<Long, byte[]> capped = client.cache("capped");
        capped.removeAll(acknowledged.keySet().stream().limit(acknowledged.size() / 3).collect(java.util.stream.Collectors.toSet()));
        Thread.sleep(300); // the nodes publish their regions' figures every 100 ms

        capped.put(-2L, value(-2));

        assertThat(capped.get(-2L)).isEqualTo(value(-2));
        assertThat(cluster.node(0).capacity().fullest().percent()).isLessThan(90);
    }

    @Test
    @Order(5)
    void anEvictingMapKeepsAcceptingWritesAndCountsEvictions() {
        ClientCache<Long, byte[]> lru = client.cache("lru");
        long written = 0;
        // three times what the region holds
        for (long key = 0; written < 3 * REGION / 600 * 2; ) {
            Map<Long, byte[]> batch = new HashMap<>();
            for (int i = 0; i < BATCH; i++, key++) {
                batch.put(key, value(key));
            }
            lru.putAll(batch);
            written += BATCH;
        }
        long evicted = 0;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        for (GridNode node : cluster.runningNodes()) {
            evicted += IgniteConfigurations.evictedPages(node.ignite().dataRegionMetrics(IgniteConfigurations.EVICTION_REGION).getEvictionRate());
        }
        new CapacityMetricsBinder(cluster.node(0).ignite()).bindTo(registry);
        System.out.println("[capacity] evicting map: " + written + " entries written, " + lru.size() + " kept, " + evicted + " pages evicted");

        assertNodesAlive();
        assertThat(lru.size()).isLessThan((int) written);
        assertThat(evicted).isPositive();
        assertThat(registry.get("grid.region.evicted.pages").tag("region", "evictable").functionCounter().count()).isPositive();
        assertThat(lru.get(written - 1)).as("the latest write is there").isEqualTo(value(written - 1));
    }

    private static void assertNodesAlive() {
        for (GridNode node : cluster.runningNodes()) {
            assertThat(Ignition.state(node.settings().nodeName())).isEqualTo(IgniteState.STARTED);
            assertThat(node.ignite().cluster().forServers().nodes()).hasSize(2);
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    /** About 600 bytes, different for every key. */
    private static byte[] value(long key) {
        byte[] value = new byte[600];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (key * 31 + i);
        }
        return value;
    }
}
