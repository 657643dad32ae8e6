package io.affinitygrid.node.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import io.affinitygrid.node.LoopbackPorts;
import io.affinitygrid.node.ops.NodeHttp.Health;
import io.affinitygrid.node.ops.NodeHttp.Scrape;
import org.apache.ignite.Ignition;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/grid-cluster} with the packaged node jar: three node processes on free loopback ports, which form
 * one cluster, serve a thin client's load and a computation, report both in {@code /actuator/prometheus} and
 * {@code /actuator/health}, and stop. Runs in {@code integration-test}, after {@code package}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridClusterScriptIT {

    private static final int NODES = 3;
    private static final int ENTRIES = 1000;
    private static final int REMOVED = 100;
    /** Partitions of the orders cache in config/grid-node.yml (the default). */
    /** The cluster's start-up on a busy 2-core machine: three JVMs with Spring Boot and Ignite. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path runDir;

    private static Path root;
    private static Map<String, String> environment;
    private static int discoveryBase;
    private static int clientBase;
    private static int httpBase;
    private static List<NodeHttp> nodes;

    @BeforeAll
    static void startCluster() {
        root = Repository.root();
        int[] bases = {LoopbackPorts.run(NODES), LoopbackPorts.run(NODES), LoopbackPorts.run(NODES), LoopbackPorts.run(NODES)};
        discoveryBase = bases[0];
        clientBase = bases[2];
        httpBase = bases[3];
        environment = new LinkedHashMap<>();
        environment.put("GRID_RUN_DIR", runDir.toString());
        environment.put("GRID_BASE_DISCOVERY_PORT", String.valueOf(discoveryBase));
        environment.put("GRID_BASE_COMMUNICATION_PORT", String.valueOf(bases[1]));
        environment.put("GRID_BASE_CLIENT_PORT", String.valueOf(clientBase));
        environment.put("GRID_BASE_HTTP_PORT", String.valueOf(httpBase));
        environment.put("GRID_START_TIMEOUT", String.valueOf(START_TIMEOUT.toSeconds()));
        // Lean nodes: three JVMs share the machine with this one.
        environment.put("GRID_JAVA_OPTS", "-Xms128m -Xmx384m -XX:TieredStopAtLevel=1");
        environment.put("GRID_DATAREGIONSIZE", "64MB");
        nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(new NodeHttp(LoopbackPorts.HOST, httpBase + i));
        }

        Result start = gridCluster(START_TIMEOUT.plusMinutes(1), "start", String.valueOf(NODES));

        assertThat(start.exitCode()).as("bin/grid-cluster start %s:%n%s", NODES, start.output()).isZero();
        assertThat(start.output()).contains("Thin-client addresses (SDK, shell): " + String.join(",", clientAddresses()));
    }

    @AfterAll
    static void stopCluster() {
        if (environment != null) {
            gridCluster(Duration.ofMinutes(1), "stop");
        }
    }

    @Test
    @Order(1)
    void everyNodeSeesTheWholeCluster() {
        for (int i = 0; i < NODES; i++) {
            Health health = nodes.get(i).health();
            assertThat(health.httpStatus()).as("health of node-%s", i + 1).isEqualTo(200);
            assertThat(health.grid()).containsEntry("status", "UP");
            assertThat(health.gridDetails()).containsEntry("node", "node-" + (i + 1));
            assertThat(health.topologySize()).isEqualTo(NODES);
            Scrape scrape = nodes.get(i).scrape();
            assertThat(scrape.sum("grid_topology_nodes", "type", "server", "node", "node-" + (i + 1))).isEqualTo(NODES);
            assertThat(scrape.sum("grid_map_lost_partitions", "map", "orders")).isZero();
        }
        Result status = gridCluster(Duration.ofSeconds(60), "status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output().lines().filter(line -> line.matches("node-\\d+\\s+\\d+\\s+UP\\s+" + NODES + "\\s.*")))
                .as(status.output()).hasSize(NODES);

        // status finds the nodes by the ports start recorded in the run directory, not by this call's variables
        Result recalled = gridCluster(Map.of("GRID_RUN_DIR", environment.get("GRID_RUN_DIR")), Duration.ofSeconds(60), "status");
        assertThat(recalled.exitCode()).as(recalled.output()).isZero();
        assertThat(recalled.output().lines().filter(line -> line.matches("node-\\d+\\s+\\d+\\s+UP\\s+" + NODES + "\\s.*")))
                .as(recalled.output()).hasSize(NODES);
    }

    @Test
    @Order(2)
    void loadAndComputationsShowInEveryNodesMetrics() throws Exception {
        double putsBefore = sumOverNodes("grid_map_operations_total", "map", "orders", "operation", "put");
        double jobsBefore = sumOverNodes("grid_compute_jobs_seconds_count");

        BigDecimal expectedSum = BigDecimal.ZERO;
        ClientConfiguration config = new ClientConfiguration().setAddresses(clientAddresses().toArray(String[]::new));
        try (IgniteClient client = Ignition.startClient(config)) {
            ClientCache<Integer, BinaryObject> orders = client.<Integer, BinaryObject>cache("orders").withKeepBinary();
            for (int i = 1; i <= ENTRIES; i++) {
                orders.put(i, client.binary().builder("Order").setField("amount", (long) i).build());
            }
            for (int i = 1; i <= ENTRIES / 2; i++) {
                orders.get(i);
            }
            for (int i = ENTRIES - REMOVED + 1; i <= ENTRIES; i++) {
                orders.remove(i);
            }
            for (int i = 1; i <= ENTRIES - REMOVED; i++) {
                expectedSum = expectedSum.add(BigDecimal.valueOf(i));
            }
            SumResult sum = client.compute().execute(SumTask.NAME, new SumArgument("orders", "amount"));
            assertThat(sum.count()).isEqualTo(ENTRIES - REMOVED);
            assertThat(sum.sum()).isEqualByComparingTo(expectedSum);
        }

        // Ignite refreshes the job figures every 2 s; the meters read them at most once a second.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(sumOverNodes("grid_map_operations_total", "map", "orders", "operation", "put"))
                    .isGreaterThanOrEqualTo(putsBefore + ENTRIES);
            assertThat(sumOverNodes("grid_map_operations_total", "map", "orders", "operation", "remove"))
                    .isGreaterThanOrEqualTo(REMOVED);
            assertThat(sumOverNodes("grid_map_entries", "map", "orders", "copy", "primary")).isEqualTo(ENTRIES - REMOVED);
            assertThat(sumOverNodes("grid_map_entries", "map", "orders", "copy", "backup")).isEqualTo(ENTRIES - REMOVED);
            assertThat(sumOverNodes("grid_compute_jobs_seconds_count")).as("one batch job per node")
                    .isGreaterThanOrEqualTo(jobsBefore + nodes.size());
            for (NodeHttp node : nodes) {
                Scrape scrape = node.scrape();
                assertThat(scrape.sum("grid_compute_jobs_seconds_count")).as("jobs on every node").isPositive();
                assertThat(scrape.sum("grid_map_entries", "map", "orders", "copy", "primary")).as("entries on every node").isPositive();
            }
        });
        for (NodeHttp node : nodes) {
            assertThat(node.health().grid()).containsEntry("status", "UP");
        }
    }

    @Test
    @Order(3)
    void stopStopsEveryNodeAndFreesItsPorts() throws IOException {
        Result stop = gridCluster(Duration.ofMinutes(1), "stop");

        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output().lines().filter(line -> line.startsWith("Stopped node-"))).hasSize(NODES);
        try (Stream<Path> files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".pid"))).isEmpty();
        }
        for (int i = 0; i < NODES; i++) {
            assertFree(discoveryBase + i);
            assertFree(clientBase + i);
            assertFree(httpBase + i);
        }
        Result status = gridCluster(Duration.ofSeconds(30), "status");
        assertThat(status.exitCode()).as(status.output()).isEqualTo(3);
    }

    private static double sumOverNodes(String metric, String... labels) {
        double sum = 0;
        for (NodeHttp node : nodes) {
            double value = node.scrape().sum(metric, labels);
            sum += Double.isNaN(value) ? 0 : value;
        }
        return sum;
    }

    private static List<String> clientAddresses() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            addresses.add(LoopbackPorts.HOST + ":" + (clientBase + i));
        }
        return addresses;
    }

    private static void assertFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(LoopbackPorts.HOST), port));
        }
        catch (IOException e) {
            throw new AssertionError("Port " + port + " is still in use after bin/grid-cluster stop", e);
        }
    }

    /** Runs {@code bin/grid-cluster} with the test's environment; its nodes log to the run directory. */
    private static Result gridCluster(Duration timeout, String... arguments) {
        return gridCluster(environment, timeout, arguments);
    }

    private static Result gridCluster(Map<String, String> variables, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("bin/grid-cluster").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(variables);
        try {
            Path output = Files.createTempFile(runDir, "grid-cluster-", ".out");
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/grid-cluster " + String.join(" ", arguments) + " did not finish within "
                        + timeout + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
