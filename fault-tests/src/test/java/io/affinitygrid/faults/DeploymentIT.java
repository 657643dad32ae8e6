package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.affinitygrid.client.Deployment;
import io.affinitygrid.client.DeploymentConflictException;
import io.affinitygrid.client.DeploymentException;
import io.affinitygrid.client.Grid;
import io.affinitygrid.client.InvalidJarException;
import io.affinitygrid.client.TaskFailedException;
import io.affinitygrid.client.UnknownDeploymentException;
import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.ScanTask;
import io.affinitygrid.testing.TaskJars;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deployment of task jars on three grid-node processes: a jar compiled when the test runs is deployed through
 * the SDK and computes a new aggregation (amount per region) that is checked against one computed here; a
 * changed version is deployed while the old one runs; a node killed with SIGKILL and restarted, and a fourth
 * node that joins, both serve the deployed task; it is undeployed; and every kind of bad jar is refused with
 * its own exception, leaving the grid's deployments as they were. The steps run in order.
 */
@Tag("fault")
@Order(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentIT {

    private static final int PURCHASES = 20_000;
    private static final String TASK = "com.example.regions.RegionTotalsTask";

    @RegisterExtension
    static final ClusterExtension grid = ClusterExtension.exclusive(() -> ProcessCluster.builder("deployment")
            .nodes(4)
            .standby(1)
            .cache("orders", 1, 128)
            .arg("--grid.deployment.enabled=true")
            .arg("--grid.deployment.max-jar-size=64KB"));

    private static Grid client;
    private static Path dir;

    @BeforeAll
    static void load() throws Exception {
        client = grid.cluster().connect();
        dir = Files.createTempDirectory("deployment-it");
        Purchase.putStandard(client.map("orders", Long.class, Purchase.class), PURCHASES);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    /** Amount per region times {@code factor}, plus "version" = {@code version}; pauses 1 ms every {@code every} entries (0: never). */
    static String regionTotals(int version, int factor, int every) {
        return """
                package com.example.regions;
                import java.util.HashMap;
                import java.util.List;
                import io.affinitygrid.compute.QueryArgument;
                import io.affinitygrid.compute.ScanTask;
                public final class RegionTotalsTask extends ScanTask<QueryArgument, HashMap<String, Long>, HashMap<String, Long>> {
                    @Override protected HashMap<String, Long> newPartial(QueryArgument arg) { return new HashMap<>(); }
                    @Override protected void accumulate(QueryArgument arg, HashMap<String, Long> totals, Object key, Object value) {
                        Object region = field(value, "region");
                        Object amount = field(value, "amount");
                        if (region != null && amount instanceof Number n) totals.merge(region.toString(), n.longValue() * %d, Long::sum);
                        if (%d > 0 && totals.merge("#", 1L, Long::sum) %% %d == 0) {
                            try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                        }
                    }
                    @Override protected HashMap<String, Long> reduce(QueryArgument arg, List<HashMap<String, Long>> partials) {
                        HashMap<String, Long> all = new HashMap<>();
                        for (HashMap<String, Long> p : partials) p.forEach((k, v) -> all.merge(k, v, Long::sum));
                        all.remove("#");
                        all.put("version", %dL);
                        return all;
                    }
                }
                """.formatted(factor, every, Math.max(every, 1), version);
    }

    /** The same aggregation, computed here from the data set's definition. */
    static Map<String, Long> expected(int version, int factor) {
        Map<String, Long> totals = new HashMap<>();
        for (long id = 0; id < PURCHASES; id++) {
            totals.merge(Purchase.REGIONS[(int) (id % Purchase.REGIONS.length)], (1 + id % 1000) * factor, Long::sum);
        }
        totals.put("version", (long) version);
        assertThat(totals.values().stream().mapToLong(Long::longValue).sum() - version).isEqualTo(Purchase.standardSum(PURCHASES) * factor);
        return totals;
    }

    static Path jar(String file, TaskJars jar) throws Exception {
        Path path = dir.resolve(file);
        Files.write(path, jar.build());
        return path;
    }

    static TaskJars sources() {
        return TaskJars.builder().against(ScanTask.class, QueryArgument.class, Ignite.class);
    }

    static Map<String, Long> run(Grid on) {
        return on.compute().execute(TASK, QueryArgument.on("orders").build());
    }

    @Test
    @Order(1)
    void deployedAggregationRunsOnEveryNode() throws Exception {
        Path v1 = jar("regions-v1.jar", sources().source(TASK, regionTotals(1, 1, 2)));
        long started = System.nanoTime();
        Deployment deployed = client.deployments().deploy("regions", v1);
        long deployMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(deployed.version()).isEqualTo(1);
        assertThat(deployed.taskClasses()).containsExactly(TASK);
        assertThat(deployed.checksum()).hasSize(64);
        assertThat(run(client)).isEqualTo(expected(1, 1));
        assertThat(client.deployments().list()).extracting(Deployment::name).containsExactly("regions");
        Report.line("deployment: deploy of a " + Files.size(v1) + "-byte jar to 3 node processes took " + deployMillis + " ms");
    }

    @Test
    @Order(2)
    void redeployWhileRunningFinishesOnTheOldVersion() throws Exception {
        CompletableFuture<Map<String, Long>> running = client.compute().executeAsync(TASK, QueryArgument.on("orders").build());
        Thread.sleep(200);
        Path v2 = jar("regions-v2.jar", sources().source(TASK, regionTotals(2, 10, 0)));
        long started = System.nanoTime();
        Deployment second = client.deployments().deploy("regions", v2);
        long redeployMillis = (System.nanoTime() - started) / 1_000_000;
        boolean stillRunning = !running.isDone();
        Map<String, Long> after = run(client);
        Map<String, Long> before = running.get(2, TimeUnit.MINUTES);

        assertThat(second.version()).isEqualTo(2);
        assertThat(stillRunning).as("the v1 computation was still running when v2 became active").isTrue();
        assertThat(before).isEqualTo(expected(1, 1));
        assertThat(after).isEqualTo(expected(2, 10));
        Report.line("deployment: redeploy while a computation ran took " + redeployMillis + " ms; the running one finished on v1");
    }

    @Test
    @Order(3)
    void killedAndRestartedNodeAndNewNodeServeTheDeployedTask() throws Exception {
        grid.cluster().kill(2);
        long started = System.nanoTime();
        grid.cluster().restart(2);
        grid.cluster().awaitReady(3, Duration.ofMinutes(2));
        long restartMillis = (System.nanoTime() - started) / 1_000_000;
        grid.cluster().restart(4);
        grid.cluster().awaitReady(4, Duration.ofMinutes(2));
        grid.cluster().awaitRebalanced(4, Duration.ofMinutes(2));

        for (int node : new int[] {2, 4}) {
            try (Grid only = Grid.connect(grid.cluster().clientConfig()
                    .addresses(List.of(grid.cluster().node(node).clientAddress())).build())) {
                assertThat(run(only)).as("computation received by node %d", node).isEqualTo(expected(2, 10));
            }
        }
        assertThat(Files.readString(grid.cluster().node(4).log())).contains("Loaded 1 deployment(s)");
        Report.line("deployment: node killed and restarted was ready with its deployment " + restartMillis + " ms after start");
    }

    @Test
    @Order(4)
    void badJarsAreRefusedAndChangeNothing() throws Exception {
        List<Deployment> before = client.deployments().list();
        assertBad("text", Files.writeString(dir.resolve("text.jar"), "not a jar"), ErrorCode.BAD_JAR, "not a jar");
        byte[] good = sources().source("com.example.ok.OkTask", regionTotals(1, 1, 0).replace("com.example.regions", "com.example.ok")
                .replace("RegionTotalsTask", "OkTask")).build();
        assertBad("corrupt", Files.write(dir.resolve("corrupt.jar"), java.util.Arrays.copyOf(good, good.length - 40)), ErrorCode.BAD_JAR, "corrupt");
        assertBad("empty", jar("helper.jar", sources().source("com.example.h.Helper", "package com.example.h; public class Helper { }")),
                ErrorCode.BAD_JAR, "no ComputeTask or KeyJob");
        byte[] noise = new byte[80 * 1024];
        new java.util.Random(7).nextBytes(noise);
        assertBad("big", jar("big.jar", sources().source("com.example.ok.OkTask", regionTotals(1, 1, 0)
                .replace("com.example.regions", "com.example.ok").replace("RegionTotalsTask", "OkTask")).entry("noise.bin", noise)),
                ErrorCode.BAD_JAR, "max-jar-size");
        assertBad("shadow", jar("shadow.jar", sources().source("org.apache.ignite.Evil", "package org.apache.ignite; public class Evil { }")),
                ErrorCode.BAD_JAR, "org.apache.ignite");
        assertBad("broken", jar("broken.jar", sources().source("com.example.ok.OkTask", regionTotals(1, 1, 0)
                .replace("com.example.regions", "com.example.ok").replace("RegionTotalsTask", "OkTask"))
                .entry("com/example/ok/Broken.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0})),
                ErrorCode.JAR_LOAD_FAILED, "fails to load");
        assertBad("missing", jar("missing.jar", sources().source("com.example.m.UsesMissing", """
                package com.example.m;
                public final class UsesMissing extends io.affinitygrid.compute.SingleJobTask<String, String> {
                    @Override protected String answer(org.apache.ignite.Ignite ignite, String a) { return a; }
                    public Missing helper;
                }
                """).source("com.example.m.Missing", "package com.example.m; public class Missing { }")
                .exclude("com.example.m.Missing")), ErrorCode.JAR_LOAD_FAILED, "com/example/m/Missing");
        try (Grid other = Grid.connect(grid.cluster().clientConfig().credentials("someone-else", "x").build())) {
            assertThatThrownBy(() -> other.deployments().deploy("regions", dir.resolve("regions-v1.jar")))
                    .isInstanceOfSatisfying(DeploymentConflictException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPLOYMENT_CONFLICT))
                    .hasMessageContaining("belongs to user");
        }

        assertThat(client.deployments().list()).isEqualTo(before);
        assertThat(run(client)).isEqualTo(expected(2, 10));
    }

    @Test
    @Order(5)
    void undeployRemovesTheTaskEverywhere() {
        Deployment removed = client.deployments().undeploy("regions");

        assertThat(removed.version()).isEqualTo(2);
        assertThat(client.deployments().list()).isEmpty();
        assertThatThrownBy(() -> run(client)).isInstanceOf(TaskFailedException.class).hasMessageContaining("deployment 'regions'");
        assertThatThrownBy(() -> client.deployments().undeploy("regions")).isInstanceOf(UnknownDeploymentException.class);
    }

    private static void assertBad(String name, Path jar, ErrorCode code, String text) {
        assertThatThrownBy(() -> client.deployments().deploy(name, jar))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e).isInstanceOf(InvalidJarException.class);
                    assertThat(e.code()).isEqualTo(code);
                })
                .hasMessageContaining(text);
    }
}
