package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridCapacityException;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.compute.ErrorCode;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes past memory on two node processes with 32 MB regions: no node dies. A map with the reject policy refuses
 * writes once a region passes its high-water mark, from the SDK ({@link GridCapacityException} naming the map) and
 * from a raw Ignite thin client flooding it from four threads (the {@code GRID-MEM-1} code), keeps every
 * acknowledged write and keeps serving reads; a map with the evict policy keeps accepting writes and counts
 * evicted pages. The legacy REST/memcached connector is off.
 */
@Tag("fault")
@Order(70)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapacityIT {

    private static final int NODES = 2;
    private static final String CAPPED = "capped";
    private static final String RAW = "raw";
    private static final String LRU = "lru";
    private static final int BATCH = 500;

    @RegisterExtension
    static final ClusterExtension grid = ClusterExtension.exclusive(() -> ProcessCluster.builder("capacity")
            .nodes(NODES)
            .dataRegionSize("32MB")
            .env("GRID_CAPACITY_EVICTIONREGIONSIZE", "32MB")
            .cache(CAPPED, 1, 64)
            .cache(RAW, 1, 64)
            .cache(LRU, 1, 64)
            .arg("--grid.maps[2].capacity-policy=evict"));

    @Test
    @Order(1)
    void theLegacyConnectorIsOff() {
        for (NodeProcess node : grid.cluster().nodes()) {
            // Ignite's connector takes 11211, or one of the next 100 ports when another process holds it
            assertThat(listeningPorts(node.pid())).as("ports %s listens on", node.name())
                    .contains(node.clientPort()).noneMatch(port -> port >= 11211 && port <= 11311);
        }
    }

    @Test
    @Order(2)
    void aFloodFromARawThinClientIsRefusedWithTheCodeAndNoNodeDies() throws Exception {
        ProcessCluster cluster = grid.cluster();
        String[] addresses = cluster.nodes().stream().map(NodeProcess::clientAddress).toArray(String[]::new);
        Map<Long, String> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        List<Throwable> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        try (IgniteClient client = Ignition.startClient(new ClientConfiguration().setAddresses(addresses))) {
            ClientCache<Long, String> raw = client.cache(RAW);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> threads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    long first = t * 10_000_000L;
                    threads.add(pool.submit(() -> {
                        for (long key = first; key < first + 10_000_000L; key += BATCH) {
                            Map<Long, String> batch = new HashMap<>();
                            for (long k = key; k < key + BATCH; k++) {
                                batch.put(k, text(k, 300));
                            }
                            try {
                                raw.putAll(batch);
                                acknowledged.putAll(batch);
                            }
                            catch (RuntimeException e) {
                                refusals.add(e);
                                return;
                            }
                        }
                    }));
                }
                for (Future<?> thread : threads) {
                    thread.get(2, TimeUnit.MINUTES);
                }
            }
            finally {
                pool.shutdownNow();
            }
            Report.line(String.format("capacity: raw thin client, 4 threads, 32 MB regions: %,d entries acknowledged in %.1f s, then refused",
                    acknowledged.size(), (System.nanoTime() - started) / 1e9));

            assertThat(refusals).hasSize(4).allSatisfy(e -> assertThat(ErrorCode.find(e)).as(String.valueOf(e)).contains(ErrorCode.CAPACITY_EXCEEDED));
            assertNoNodeDied();
            assertThat(health(cluster.node(1))).contains("\"capacity\":\"writes to rejecting maps are refused");
            assertAllReadable(raw, acknowledged);

            // deleting makes room again: the next test fills the region through the SDK
            raw.removeAll(acknowledged.keySet());
            Thread.sleep(500); // the nodes publish their regions' use every 100 ms
        }
    }

    @Test
    @Order(3)
    void theSdkGetsGridCapacityExceptionKeepsEveryAcknowledgedWriteAndReadsGoOn() throws Exception {
        ProcessCluster cluster = grid.cluster();
        try (Grid client = cluster.connect()) {
            GridMap<Long, Purchase> capped = client.map(CAPPED, Long.class, Purchase.class);
            long acknowledged = 0;
            GridCapacityException refused = null;
            long started = System.nanoTime();
            while (refused == null && acknowledged < 5_000_000) {
                Map<Long, Purchase> batch = new HashMap<>();
                for (long id = acknowledged; id < acknowledged + BATCH; id++) {
                    batch.put(id, Purchase.standard(id));
                }
                try {
                    capped.putAll(batch);
                    acknowledged += BATCH;
                }
                catch (GridCapacityException e) {
                    refused = e;
                }
            }
            Report.line(String.format("capacity: SDK putAll, 32 MB regions: %,d purchases acknowledged in %.1f s before: %s",
                    acknowledged, (System.nanoTime() - started) / 1e9, refused == null ? "no refusal" : refused.getMessage()));

            assertThat(refused).isExactlyInstanceOf(GridCapacityException.class);
            assertThat(refused.mapName()).isEqualTo(CAPPED);
            assertThat(refused.getMessage()).contains("map '" + CAPPED + "'", "MB of 32.0 MB", "grid.data-region-size");
            assertThatThrownBy(() -> capped.put(-1L, Purchase.standard(1))).isExactlyInstanceOf(GridCapacityException.class);
            assertThatThrownBy(() -> capped.async().put(-1L, Purchase.standard(1)).join())
                    .cause().isExactlyInstanceOf(GridCapacityException.class);
            assertNoNodeDied();
            for (NodeProcess node : cluster.nodes()) {
                assertThat(meter(node, "grid_region_max_bytes", "region=\"default\"")).isEqualTo(32.0 * 1024 * 1024);
                assertThat(meter(node, "grid_region_used_bytes", "region=\"default\"")).isGreaterThan(0.85 * 32 * 1024 * 1024);
            }
            for (long from = 0; from < acknowledged; from += 5_000) {
                Set<Long> keys = new HashSet<>();
                for (long id = from; id < Math.min(acknowledged, from + 5_000); id++) {
                    keys.add(id);
                }
                Map<Long, Purchase> read = capped.getAll(keys);
                for (long id : keys) {
                    assertThat(read.get(id)).as("acknowledged purchase %d", id).isEqualTo(Purchase.standard(id));
                }
            }
            assertThat(capped.size()).isGreaterThanOrEqualTo(acknowledged);
        }
    }

    @Test
    @Order(4)
    void anEvictingMapKeepsAcceptingWritesAndCountsEvictions() throws Exception {
        ProcessCluster cluster = grid.cluster();
        try (Grid client = cluster.connect()) {
            GridMap<Long, String> lru = client.map(LRU, Long.class, String.class);
            long written = 0;
            long started = System.nanoTime();
            // three times what a node's 32 MB holds (every node holds every entry: one backup on two nodes)
            while (written < 3 * 32L * 1024 * 1024 / 1000) {
                Map<Long, String> batch = new HashMap<>();
                for (long id = written; id < written + BATCH; id++) {
                    batch.put(id, text(id, 1000));
                }
                lru.putAll(batch);
                written += BATCH;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            AtomicLong evicted = new AtomicLong();
            for (NodeProcess node : cluster.nodes()) {
                evicted.addAndGet((long) meter(node, "grid_region_evicted_pages_total", "region=\"evictable\""));
            }
            long kept = lru.size();
            Report.line(String.format("capacity: evicting map, 32 MB regions: %,d entries of 1 KB written in %.1f s, %,d kept, %,d pages evicted",
                    written, seconds, kept, evicted.get()));

            assertNoNodeDied();
            assertThat(kept).isLessThan(written);
            assertThat(evicted.get()).isPositive();
            assertThat(lru.get(written - 1)).as("the latest write").isEqualTo(text(written - 1, 1000));
        }
    }

    private static void assertNoNodeDied() throws InterruptedException {
        ProcessCluster cluster = grid.cluster();
        cluster.requireExpectedProcessesAlive();
        assertThat(cluster.nodes()).allSatisfy(node -> assertThat(node.alive()).as(node.describe()).isTrue());
        assertThat(cluster.awaitTopology(NODES, java.time.Duration.ofSeconds(10))).hasSize(NODES);
    }

    private static void assertAllReadable(ClientCache<Long, String> cache, Map<Long, String> acknowledged) {
        List<Long> keys = new ArrayList<>(new TreeSet<>(acknowledged.keySet()));
        for (int from = 0; from < keys.size(); from += 5_000) {
            Set<Long> chunk = new HashSet<>(keys.subList(from, Math.min(keys.size(), from + 5_000)));
            Map<Long, String> read = cache.getAll(chunk);
            for (Long key : chunk) {
                assertThat(read.get(key)).as("acknowledged key %d", key).isEqualTo(acknowledged.get(key));
            }
        }
    }

    private static String health(NodeProcess node) throws IOException, InterruptedException {
        HttpResponse<String> response = grid.cluster().httpGet(node, "/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The sample of a meter with the given tag on a node's /actuator/prometheus; fails when there is none. */
    private static double meter(NodeProcess node, String name, String tag) throws IOException, InterruptedException {
        String body = grid.cluster().httpGet(node, "/actuator/prometheus").body();
        return body.lines().filter(line -> line.startsWith(name + "{") && line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " with " + tag + " on " + node.name() + ":\n"
                        + body.lines().filter(line -> line.startsWith("grid_region")).toList()));
    }

    private static String text(long key, int length) {
        StringBuilder text = new StringBuilder(length);
        text.append(key).append(':');
        while (text.length() < length) {
            text.append((char) ('a' + (text.length() * 7 + key) % 26));
        }
        return text.toString();
    }

    /** TCP ports a process listens on, from Linux's /proc: its socket inodes matched against the listening sockets. */
    private static Set<Integer> listeningPorts(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                }
                catch (IOException closedMeanwhile) {
                    // gone
                }
            });
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 9 && columns[3].equals("0A") && inodes.contains(columns[9])) {
                        ports.add(Integer.parseInt(columns[1].substring(columns[1].lastIndexOf(':') + 1), 16));
                    }
                }
            }
            catch (IOException noTable) {
                // no IPv6
            }
        }
        return ports;
    }
}
