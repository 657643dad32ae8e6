package io.affinitygrid.client;

import static io.affinitygrid.client.NearCacheTest.NOTICE;
import static io.affinitygrid.client.NearCacheTest.awaitActive;
import static io.affinitygrid.client.NearCacheTest.settledPutAll;
import static io.affinitygrid.client.SharedGridCluster.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LocalCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.continuous.GridContinuousProcessor;
import org.apache.ignite.spi.systemview.view.ContinuousQueryView;
import org.junit.jupiter.api.Test;

/**
 * What the SDK does when nodes leave: the near cache is emptied when the connection carrying its change
 * notices closes and listens again afterwards; calls fail with {@link GridUnavailableException} while no
 * node is reachable and work again when one is back; operations on lost partitions fail with
 * {@link PartitionLostException}. Each test starts its own cluster, since it changes the topology.
 */
class ConnectionLossTest {

    static final String PRICES = "prices";

    private static LocalCluster.Builder cluster(int nodes) {
        return LocalCluster.builder()
                .nodes(nodes)
                .cache(CacheSettings.partitioned(PRICES).withBackups(1).withPartitions(64))
                .dataRegionSizeBytes(64L * 1024 * 1024);
    }

    private static GridConfig.Builder config(LocalCluster cluster) {
        return GridConfig.builder().addresses(cluster.clientAddresses())
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(10));
    }

    private static Map<Long, String> prices(int count, String prefix) {
        Map<Long, String> entries = new HashMap<>();
        for (long k = 0; k < count; k++) {
            entries.put(k, prefix + k);
        }
        return entries;
    }

    @Test
    void losingTheNodeThatCarriesTheChangeNoticesEmptiesTheNearCacheThenItListensAgain() {
        try (LocalCluster cluster = cluster(3).start();
                Grid writerGrid = Grid.connect(config(cluster).build());
                Grid grid = Grid.connect(config(cluster).nearCache(PRICES, NearCacheConfig.defaults()).build())) {
            GridMap<Long, String> writer = writerGrid.map(PRICES, Long.class, String.class);
            GridMap<Long, String> prices = grid.map(PRICES, Long.class, String.class);
            NearCache nearCache = ((ThinClientGridMap<Long, String>) prices).nearCache();
            Map<Long, String> entries = prices(100, "p");
            settledPutAll(writer, nearCache, entries);
            assertThat(prices.getAll(entries.keySet())).isEqualTo(entries);
            assertThat(nearCache.estimatedSize()).isEqualTo(100);

            cluster.stopNode(nodeCarryingTheNotices(cluster));

            assertThat(await(NOTICE, () -> nearCache.disconnects() == 1)).as("disconnect listener called").isTrue();
            assertThat(nearCache.isActive()).isFalse();
            assertThat(nearCache.estimatedSize()).as("emptied: notices may have been missed").isZero();

            // the next read registers the continuous query again, on a node that is still there
            assertThat(prices.get(1L)).isEqualTo("p1");
            awaitActive(nearCache);
            assertThat(nearCache.registrations()).isEqualTo(2);
            assertThat(nearCache.activations()).as("a handshake after each registration").isEqualTo(2);
            assertThat(nearCache.markersWritten()).isGreaterThanOrEqualTo(2);
            assertThat(prices.getAll(entries.keySet())).as("no entry lost: one backup").isEqualTo(entries);
            assertThat(nearCache.peek(1L)).isEqualTo("p1");

            // and the near cache is kept coherent again
            writer.put(1L, "changed");
            assertThat(await(NOTICE, () -> "changed".equals(prices.get(1L)))).isTrue();
        }
    }

    /** The index of the node hosting the near cache's continuous query: the node its connection goes to. */
    private static int nodeCarryingTheNotices(LocalCluster cluster) {
        UUID origin = null;
        for (GridNode node : cluster.runningNodes()) {
            for (ContinuousQueryView query : ((IgniteEx) node.ignite()).context().systemView()
                    .<ContinuousQueryView>view(GridContinuousProcessor.CQ_SYS_VIEW)) {
                if (PRICES.equals(query.cacheName())) {
                    origin = query.nodeId();
                }
            }
        }
        assertThat(origin).as("a continuous query on %s", PRICES).isNotNull();
        for (int i = 0; i < cluster.size(); i++) {
            if (cluster.node(i) != null && cluster.node(i).ignite().cluster().localNode().id().equals(origin)) {
                return i;
            }
        }
        throw new AssertionError("no running node has id " + origin);
    }

    @Test
    void aGridThatGoesAwayFailsCallsThenComesBackWithoutStaleEntries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LocalCluster cluster = cluster(1).start();
                Grid grid = Grid.connect(config(cluster).nearCache(PRICES, NearCacheConfig.defaults()).meterRegistry(registry).build())) {
            GridMap<Long, String> prices = grid.map(PRICES, Long.class, String.class);
            NearCache nearCache = ((ThinClientGridMap<Long, String>) prices).nearCache();
            // events are sure to flow once active (Ignite drops those of the first moments)
            awaitActive(nearCache);
            double before = nearCache.invalidationCount();
            cluster.node(0).ignite().cache(PRICES).put(1L, "before");
            assertThat(await(NOTICE, () -> nearCache.invalidationCount() > before)).isTrue();
            assertThat(prices.get(1L)).isEqualTo("before");
            assertThat(nearCache.peek(1L)).isEqualTo("before");

            cluster.stopNode(0);

            assertThat(await(NOTICE, () -> nearCache.disconnects() == 1)).isTrue();
            assertThat(nearCache.peek(1L)).isNull();
            String address = cluster.clientAddresses().get(0);
            assertThatThrownBy(() -> prices.get(1L))
                    .isInstanceOfSatisfying(GridUnavailableException.class, e -> assertThat(e.addresses()).containsExactly(address))
                    .hasMessageStartingWith("Lost the connection to the grid at [" + address + "] while trying to read key 1 of map 'prices': ")
                    .hasMessageEndingWith("Check that grid nodes are running and reachable.");
            assertThatThrownBy(() -> prices.async().get(1L).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(GridUnavailableException.class);
            assertThatThrownBy(() -> prices.put(1L, "lost")).isInstanceOf(GridUnavailableException.class);
            assertThat(registry.get(MicrometerGridMetrics.ERRORS)
                    .tags("map", PRICES, "exception", "GridUnavailableException").counters())
                    .as("counted by operation").hasSize(2)
                    .allSatisfy(counter -> assertThat(counter.count()).isPositive());

            cluster.startNode(0);

            // the thin client tries to reconnect to a node at most 3 times in 5 s: it may wait that long
            assertThat(await(Duration.ofSeconds(15), () -> reads(prices))).as("reconnected").isTrue();
            // a new, empty node: the near cache must not serve the value it had before
            assertThat(prices.get(1L)).isNull();
            // a read registers the continuous query again once the back-off of the failed attempts has passed
            assertThat(await(NOTICE, () -> prices.get(1L) == null && nearCache.isActive())).isTrue();
            prices.put(2L, "two");
            assertThat(prices.get(2L)).isEqualTo("two");
            cluster.node(0).ignite().cache(PRICES).put(2L, "changed on the node");
            assertThat(await(NOTICE, () -> "changed on the node".equals(prices.get(2L)))).isTrue();
        }
    }

    private static boolean reads(GridMap<Long, String> prices) {
        try {
            prices.get(1L);
            return true;
        }
        catch (GridUnavailableException e) {
            return false;
        }
    }

    @Test
    void operationsOnLostPartitionsFailWithPartitionLostException() {
        try (LocalCluster cluster = cluster(3).start(); Grid grid = Grid.connect(config(cluster).build())) {
            GridMap<Long, String> prices = grid.map(PRICES, Long.class, String.class);
            Map<Long, String> entries = prices(200, "p");
            prices.putAll(entries);

            cluster.stopNode(1);
            cluster.stopNode(2);

            List<Long> lost = new ArrayList<>();
            List<Long> kept = new ArrayList<>();
            for (long k = 0; k < 200; k++) {
                try {
                    assertThat(prices.get(k)).isEqualTo("p" + k);
                    kept.add(k);
                }
                catch (PartitionLostException e) {
                    assertThat(e.mapName()).isEqualTo(PRICES);
                    assertThat(e.partition()).isBetween(0, 63);
                    assertThat(e).hasMessage("Cannot read key " + k + " of map 'prices': partition " + e.partition()
                            + " of map 'prices' is lost: every node holding a copy of it left the grid. Bring those"
                            + " nodes back, or reset the lost partitions to accept the loss.");
                    lost.add(k);
                }
            }
            assertThat(lost).as("keys whose partition had both copies on the stopped nodes").isNotEmpty();
            assertThat(kept).as("keys with a copy on the node left").isNotEmpty();

            long lostKey = lost.get(0);
            assertThatThrownBy(() -> prices.put(lostKey, "x")).isInstanceOf(PartitionLostException.class);
            assertThatThrownBy(() -> prices.getAll(Set.of(kept.get(0), lostKey))).isInstanceOf(PartitionLostException.class);
            assertThatThrownBy(() -> prices.async().get(lostKey).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(PartitionLostException.class);
            prices.put(kept.get(0), "still writable");
            assertThat(prices.get(kept.get(0))).isEqualTo("still writable");

            // a computation over the map fails at once (well within the 10 s request timeout) rather than leaving the
            // lost partitions out or waiting for them
            long countStarted = System.nanoTime();
            Throwable countFailure = org.assertj.core.api.Assertions.catchThrowable(() -> grid.compute().on(PRICES).count());
            assertThat(Duration.ofNanos(System.nanoTime() - countStarted)).as("failing at once").isLessThan(Duration.ofSeconds(5));
            assertThat(countFailure)
                    .isInstanceOf(PartitionLostException.class)
                    .hasMessageContaining("map 'prices'")
                    .hasMessageContaining("lost every copy")
                    .satisfies(e -> assertThat(((PartitionLostException) e).code()).isEqualTo(io.affinitygrid.compute.ErrorCode.PARTITIONS_LOST))
                    .satisfies(e -> assertThat(lost.stream().map(k -> cluster.node(0).ignite().affinity(PRICES).partition(k)))
                            .contains(((PartitionLostException) e).partition()));
        }
    }
}
