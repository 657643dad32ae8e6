package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.KeyJob;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.ScanTask;
import io.affinitygrid.compute.deploy.NodeDeployments;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.node.deploy.DeploymentSettings;
import io.affinitygrid.testing.TaskJars;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployment of task jars on nodes in this JVM: a jar compiled at test time is deployed through the SDK, runs,
 * is redeployed while a computation runs, reaches a node that starts later, is undeployed; and every kind of
 * bad jar is refused with its own exception, leaving the grid unchanged. The same on separate processes, with
 * SIGKILL: {@code DeploymentIT} in fault-tests.
 */
class DeploymentsTest {

    private static final int ORDERS = 2_000;
    private static final long MAX_JAR = 64 * 1024;

    private static LocalCluster cluster;
    private static Grid grid;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.builder().nodes(3)
                .cache(CacheSettings.partitioned("orders").withBackups(1).withPartitions(64))
                .dataRegionSizeBytes(64L * 1024 * 1024)
                .nodeSettings(b -> b.deployment(DeploymentSettings.of(true, MAX_JAR, List.of())))
                .start();
        grid = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses())
                .requestTimeout(Duration.ofSeconds(30)).build());
        Orders.load(grid.map("orders", Long.class, Order.class), ORDERS);
    }

    @AfterAll
    static void stop() {
        if (grid != null) {
            grid.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A task summing the orders' amounts in cents times {@code factor}, answering "tag:sum"; slow when {@code sleepMillis} > 0. */
    static String centsTask(String pkg, String tag, int factor, int sleepMillis) {
        return """
                package %s;
                import java.util.List;
                import io.affinitygrid.compute.QueryArgument;
                import io.affinitygrid.compute.ScanTask;
                public final class CentsTask extends ScanTask<QueryArgument, long[], String> {
                    @Override protected long[] newPartial(QueryArgument arg) { return new long[1]; }
                    @Override protected void accumulate(QueryArgument arg, long[] sum, Object key, Object value) {
                        Object amount = field(value, "amount");
                        if (amount instanceof Number n) sum[0] += Math.round(n.doubleValue() * 100) * %d;
                        if (%d > 0) { try { Thread.sleep(%d); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
                    }
                    @Override protected String reduce(QueryArgument arg, List<long[]> partials) {
                        return "%s:" + partials.stream().mapToLong(p -> p[0]).sum();
                    }
                }
                """.formatted(pkg, factor, sleepMillis, sleepMillis, tag);
    }

    static long expectedCents() {
        long cents = 0;
        for (long id = 0; id < ORDERS; id++) {
            cents += Math.round(Orders.order(id).amount() * 100);
        }
        return cents;
    }

    private Path write(String file, byte[] bytes) throws Exception {
        Path path = dir.resolve(file);
        Files.write(path, bytes);
        return path;
    }

    private static TaskJars jar() {
        return TaskJars.builder().against(ScanTask.class, QueryArgument.class, Ignite.class);
    }

    @Test
    void deployedTaskRunsEverywhereAndIsListed() throws Exception {
        byte[] bytes = jar().source("com.example.a.CentsTask", centsTask("com.example.a", "v1", 1, 0)).build();
        Deployment deployed = grid.deployments().deploy("cents-a", write("a.jar", bytes));

        assertThat(deployed.version()).isEqualTo(1);
        assertThat(deployed.taskClasses()).containsExactly("com.example.a.CentsTask");
        assertThat(deployed.checksum()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(deployed.size()).isEqualTo(bytes.length);
        String result = grid.compute().execute("com.example.a.CentsTask", QueryArgument.on("orders").build());
        assertThat(result).isEqualTo("v1:" + expectedCents());
        assertThat(grid.deployments().list()).extracting(Deployment::name).contains("cents-a");
        for (GridNode node : cluster.runningNodes()) {
            assertThat(NodeDeployments.of(node.ignite()).versions()).containsEntry("cents-a", 1);
        }
    }

    /** Entries of a type of their own, with only a quantity; the other tests' tasks read "amount" and skip them. */
    public static final class Stock implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int quantity;

        Stock(int quantity) {
            this.quantity = quantity;
        }
    }

    @Test
    void readmeTaskBuildsDeploysAndRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("package com.example;");
        String source = readme.substring(start, readme.indexOf("```", start));
        GridMap<Long, Stock> stock = grid.map("orders", Long.class, Stock.class);
        for (int i = 1; i <= 50; i++) {
            stock.put(1_000_000L + i, new Stock(i * 3 % 71));
        }
        grid.deployments().deploy("max-quantity", write("max-quantity.jar", jar().source("com.example.MaxQuantityTask", source).build()));
        Long max = grid.compute().execute("com.example.MaxQuantityTask", QueryArgument.on("orders").build());
        assertThat(max).isEqualTo(70L);
        grid.deployments().undeploy("max-quantity");
    }

    @Test
    void redeployWhileRunningFinishesOldAndStartsNew() throws Exception {
        Path v1 = write("b1.jar", jar().source("com.example.b.CentsTask", centsTask("com.example.b", "v1", 1, 6)).build());
        Path v2 = write("b2.jar", jar().source("com.example.b.CentsTask", centsTask("com.example.b", "v2", 2, 0)).build());
        grid.deployments().deploy("cents-b", v1);

        long started = System.nanoTime();
        CompletableFuture<String> running = grid.compute().executeAsync("com.example.b.CentsTask", QueryArgument.on("orders").build());
        Thread.sleep(300);
        Deployment second = grid.deployments().deploy("cents-b", v2);
        long redeployed = System.nanoTime();
        boolean stillRunning = !running.isDone();
        String after = grid.compute().execute("com.example.b.CentsTask", QueryArgument.on("orders").build());
        String before = running.get(60, TimeUnit.SECONDS);

        assertThat(stillRunning).as("the old computation was still running when the new version was active").isTrue();
        assertThat(second.version()).isEqualTo(2);
        assertThat(before).isEqualTo("v1:" + expectedCents());
        assertThat(after).isEqualTo("v2:" + 2 * expectedCents());
        System.out.printf("redeploy while running: old task started %d ms before the new version was active%n",
                (redeployed - started) / 1_000_000);
    }

    /**
     * A node leaves while a computation of version 1 runs, after version 2 was deployed: the partitions sent again
     * would resolve the task's name to version 2 on their new nodes. They refuse to, and the computation fails
     * saying so, rather than answer with a mix of both versions.
     */
    @Test
    void partitionsSentAgainAfterARedeployRunTheVersionTheComputationStartedWith() throws Exception {
        Path v1 = write("l1.jar", jar().source("com.example.l.CentsTask", centsTask("com.example.l", "v1", 1, 3)).build());
        Path v2 = write("l2.jar", jar().source("com.example.l.CentsTask", centsTask("com.example.l", "v2", 2, 0)).build());
        grid.deployments().deploy("cents-l", v1);
        Ignite receiving = cluster.node(0).ignite();
        long previousVersionJobsBefore = previousVersionJobs();

        org.apache.ignite.lang.IgniteFuture<Object> running = receiving.compute().executeAsync("com.example.l.CentsTask",
                QueryArgument.on("orders").build());
        Thread.sleep(300);
        grid.deployments().deploy("cents-l", v2);
        cluster.stopNode(2);
        try {
            assertThat(running.get(60, TimeUnit.SECONDS)).as("the computation that started on v1 answers v1 only, whole")
                    .isEqualTo("v1:" + expectedCents());
            assertThat(previousVersionJobs() - previousVersionJobsBefore)
                    .as("the stopped node's partitions were sent again and ran on v1, kept loaded after v2 replaced it")
                    .isPositive();
        }
        finally {
            cluster.startNode(2);
        }
        assertThat(grid.compute().<String>execute("com.example.l.CentsTask", QueryArgument.on("orders").build()))
                .as("a computation started after the redeploy runs version 2 everywhere").isEqualTo("v2:" + 2 * expectedCents());
    }

    private long previousVersionJobs() {
        return cluster.runningNodes().stream().mapToLong(node -> NodeDeployments.of(node.ignite()).previousVersionJobs()).sum();
    }

    @Test
    void deployedKeyJobRunsOnTheKeysPrimary() throws Exception {
        String source = """
                package com.example.c;
                import io.affinitygrid.compute.KeyContext;
                import io.affinitygrid.compute.KeyJob;
                public final class KeyNodeJob implements KeyJob<String> {
                    @Override public String run(KeyContext context) {
                        return context.ignite().name() + ":" + (context.cache().get(context.key()) != null);
                    }
                }
                """;
        grid.deployments().deploy("key-c", write("c.jar", jar().against(KeyJob.class, javax.cache.Cache.class).source("com.example.c.KeyNodeJob", source).build()));
        String answer = grid.compute().onKey("orders", 7L, "com.example.c.KeyNodeJob", null);
        assertThat(answer).endsWith(":true");
        assertThat(grid.deployments().list()).filteredOn(d -> d.name().equals("key-c"))
                .singleElement().extracting(Deployment::keyJobClasses).asList().containsExactly("com.example.c.KeyNodeJob");
    }

    @Test
    void undeployRemovesEverywhereAndLaterCallsNameTheDeployment() throws Exception {
        grid.deployments().deploy("cents-d", write("d.jar", jar().source("com.example.d.CentsTask", centsTask("com.example.d", "d", 1, 0)).build()));
        Deployment removed = grid.deployments().undeploy("cents-d");

        assertThat(removed.name()).isEqualTo("cents-d");
        assertThat(grid.deployments().list()).extracting(Deployment::name).doesNotContain("cents-d");
        assertThatThrownBy(() -> grid.compute().execute("com.example.d.CentsTask", QueryArgument.on("orders").build()))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("deployment 'cents-d'").hasMessageContaining("undeployed");
        assertThatThrownBy(() -> grid.deployments().undeploy("cents-d"))
                .isInstanceOfSatisfying(UnknownDeploymentException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_DEPLOYMENT));
        for (GridNode node : cluster.runningNodes()) {
            assertThat(NodeDeployments.of(node.ignite()).versions()).doesNotContainKey("cents-d");
        }
    }

    @Test
    void nodeStartedLaterLoadsTheDeploymentsBeforeServing() throws Exception {
        grid.deployments().deploy("cents-e", write("e.jar", jar().source("com.example.e.CentsTask", centsTask("com.example.e", "e", 1, 0)).build()));
        cluster.stopNode(2);
        cluster.startNode(2);
        assertThat(NodeDeployments.of(cluster.node(2).ignite()).versions()).containsEntry("cents-e", 1);
        String result = grid.compute().execute("com.example.e.CentsTask", QueryArgument.on("orders").build());
        assertThat(result).isEqualTo("e:" + expectedCents());
    }

    @Test
    void badJarsAreRefusedAndLeaveTheGridUnchanged() throws Exception {
        List<Deployment> before = grid.deployments().list();
        byte[] good = jar().source("com.example.f.CentsTask", centsTask("com.example.f", "f", 1, 0)).build();

        assertBad("not-a-jar", write("text.jar", "just text".getBytes()), InvalidJarException.class, ErrorCode.BAD_JAR, "not a jar");
        byte[] corrupt = java.util.Arrays.copyOf(good, good.length / 2);
        assertBad("corrupt", write("corrupt.jar", corrupt), InvalidJarException.class, ErrorCode.BAD_JAR, "corrupt");
        byte[] noTask = jar().source("com.example.g.Helper", "package com.example.g; public final class Helper { }").build();
        assertBad("no-task", write("helper.jar", noTask), InvalidJarException.class, ErrorCode.BAD_JAR, "no ComputeTask or KeyJob");
        byte[] big = jar().source("com.example.h.CentsTask", centsTask("com.example.h", "h", 1, 0))
                .entry("data.bin", new java.util.Random(1).ints(MAX_JAR).collect(java.io.ByteArrayOutputStream::new,
                        (out, i) -> out.write(i), (a, b) -> { }).toByteArray()).build();
        assertBad("too-big", write("big.jar", big), InvalidJarException.class, ErrorCode.BAD_JAR, "max-jar-size");
        byte[] shadow = jar().source("io.affinitygrid.compute.Evil", "package io.affinitygrid.compute; public final class Evil { }")
                .source("com.example.i.CentsTask", centsTask("com.example.i", "i", 1, 0)).build();
        assertBad("shadow", write("shadow.jar", shadow), InvalidJarException.class, ErrorCode.BAD_JAR, "io.affinitygrid");
        // compiled against a base class that is then left out of the jar: the task cannot load
        byte[] missing = jar().source("com.example.j.Base", "package com.example.j; public abstract class Base"
                        + " extends io.affinitygrid.compute.ScanTask<io.affinitygrid.compute.QueryArgument, long[], Long> { }")
                .source("com.example.j.MissingBaseTask", """
                        package com.example.j;
                        import java.util.List;
                        import io.affinitygrid.compute.QueryArgument;
                        public final class MissingBaseTask extends Base {
                            @Override protected long[] newPartial(QueryArgument a) { return new long[1]; }
                            @Override protected void accumulate(QueryArgument a, long[] p, Object k, Object v) { }
                            @Override protected Long reduce(QueryArgument a, List<long[]> p) { return 0L; }
                        }
                        """).build();
        assertBad("missing-dep", write("missing.jar", withoutEntry(missing, "com/example/j/Base.class")),
                InvalidJarException.class, ErrorCode.JAR_LOAD_FAILED, "com/example/j/Base");
        assertThatThrownBy(() -> grid.deployments().deploy("no-file", dir.resolve("nothing.jar")))
                .isInstanceOf(InvalidJarException.class).hasMessageContaining("no file");
        assertThatThrownBy(() -> grid.deployments().deploy("bad name!", write("x.jar", good)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid");

        assertThat(grid.deployments().list()).isEqualTo(before);
        for (GridNode node : cluster.runningNodes()) {
            assertThat(NodeDeployments.of(node.ignite()).versions()).doesNotContainKeys("not-a-jar", "corrupt", "no-task",
                    "too-big", "shadow", "missing-dep");
        }
    }

    @Test
    void nameOfAnotherUserAndClassOfAnotherDeploymentAreConflicts() throws Exception {
        Path jarK = write("k.jar", jar().source("com.example.k.CentsTask", centsTask("com.example.k", "k", 1, 0)).build());
        grid.deployments().deploy("cents-k", jarK);
        // without authentication the user is the one the client declares: its user name, else the OS user
        try (Grid other = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses())
                .credentials("someone-else", "unused").build())) {
            assertThatThrownBy(() -> other.deployments().deploy("cents-k", jarK))
                    .isInstanceOfSatisfying(DeploymentConflictException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPLOYMENT_CONFLICT))
                    .hasMessageContaining("belongs to user '" + System.getProperty("user.name") + "'");
        }
        assertThatThrownBy(() -> grid.deployments().deploy("cents-k2", jarK))
                .isInstanceOfSatisfying(DeploymentConflictException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPLOYMENT_CONFLICT))
                .hasMessageContaining("already belongs to deployment 'cents-k'");
        assertThat(grid.deployments().list()).filteredOn(d -> d.name().equals("cents-k")).singleElement()
                .extracting(Deployment::version).isEqualTo(1);
        assertThat(grid.deployments().list()).extracting(Deployment::name).doesNotContain("cents-k2");
    }

    private static <T extends DeploymentException> void assertBad(String name, Path jar, Class<T> type, ErrorCode code, String text) {
        assertThatThrownBy(() -> grid.deployments().deploy(name, jar))
                .isInstanceOfSatisfying(type, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.deploymentName()).isEqualTo(name);
                })
                .hasMessageContaining(text);
    }

    static byte[] withoutEntry(byte[] jar, String entry) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar));
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(entry)) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    zip.write(in.readAllBytes());
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }
}
