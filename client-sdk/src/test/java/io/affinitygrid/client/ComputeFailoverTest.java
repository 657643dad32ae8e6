package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.affinitygrid.compute.ClusterInfoTask;
import io.affinitygrid.compute.CountTask;
import io.affinitygrid.compute.KeyCallTask;
import io.affinitygrid.compute.NodeSummary;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.compute.UpdateTask;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * What happens to a computation when the node that received it (and runs its reduce) leaves: which computations
 * the SDK sends again, and how the others fail. The end-to-end proof that read-only computations and bulk updates
 * are sent again, with exact results, is {@code FailoverIT} in the fault tests (a node process killed with SIGKILL).
 */
class ComputeFailoverTest {

    private static final String PRICES = "prices";

    @Test
    void onlyReadOnlyComputationsAndUpdatesWithAnOperationIdAreSentAgain() {
        for (String task : List.of(CountTask.NAME, SumTask.NAME, ClusterInfoTask.NAME)) {
            assertThat(ThinClientGridCompute.isIdempotent(task, null)).as(task).isTrue();
        }
        QueryArgument update = QueryArgument.on(PRICES).field("amount").factor(1.1).build();
        assertThat(ThinClientGridCompute.isIdempotent(UpdateTask.NAME, update)).as("an update without an operation id").isFalse();
        assertThat(ThinClientGridCompute.isIdempotent(UpdateTask.NAME, update.withOperationId("op-1"))).as("an update with one").isTrue();
        assertThat(ThinClientGridCompute.isIdempotent(KeyCallTask.NAME, null)).as("a key job").isFalse();
        assertThat(ThinClientGridCompute.isIdempotent(BlockingTask.class.getName(), "x")).as("a user's task").isFalse();
        assertThat(IdempotentRetryPolicy.NOT_IDEMPOTENT).as("the thin client leaves computations to the SDK")
                .contains(org.apache.ignite.client.ClientOperationType.COMPUTE_TASK_EXECUTE);
    }

    /**
     * A read-only computation whose answer is lost with the connection (the node received it, and the connection
     * closed before the result came back) is sent again to another node, counted, and returns the exact result.
     */
    @Test
    void aReadOnlyComputationWhoseConnectionIsLostIsSentAgainToAnotherNode() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LocalCluster cluster = cluster().start()) {
            List<CuttableProxy> proxies = proxies(cluster);
            Grid grid = connect(proxies, registry);
            grid.map(PRICES, Long.class, Order.class).putAll(orders());
            SumResult expected = grid.compute().sum(PRICES, "amount");
            int receiving = receivingNode(cluster, grid);

            proxies.get(receiving).cutAfterNextRequest();
            SumResult sum = grid.compute().execute(SumTask.NAME, new SumArgument(PRICES, "amount", null));

            assertThat(sum).as("the sum computed again on another node").isEqualTo(expected);
            assertThat(sum.count()).isEqualTo(ORDERS);
            assertThat(((ThinClientGridCompute) grid.compute()).retries()).as("re-sends").isEqualTo(1);
            assertThat(registry.get(MicrometerGridMetrics.COMPUTE_RETRIES).tag("task", "SumTask").counter().count()).isEqualTo(1.0);
            assertThat(receivingNode(cluster, grid)).as("computations now go to another node").isNotEqualTo(receiving);
            grid.close();
            proxies.forEach(CuttableProxy::close);
        }
    }

    /**
     * A user's task whose connection is lost while it runs (the node carries on with it: it may well finish) fails
     * with TaskOutcomeUnknownException, saying it may have run, and is not sent again (nothing counted); the next
     * computations go to another node.
     */
    @Test
    void aUserTaskWhoseConnectionIsLostFailsSayingItMayHaveRun() throws Exception {
        BlockingTask.reset();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LocalCluster cluster = cluster().start()) {
            List<CuttableProxy> proxies = proxies(cluster);
            Grid grid = connect(proxies, registry);
            grid.map(PRICES, Long.class, Order.class).putAll(orders());
            int receiving = receivingNode(cluster, grid);

            CompletableFuture<String> running = grid.compute().executeAsync(BlockingTask.class.getName(), "job");
            assertThat(BlockingTask.started.await(20, TimeUnit.SECONDS)).as("the task started").isTrue();
            proxies.get(receiving).cut();

            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> running.get(30, TimeUnit.SECONDS));
            BlockingTask.release.countDown();
            assertThat(failure.getCause()).isInstanceOfSatisfying(TaskOutcomeUnknownException.class, e -> {
                assertThat(e.taskName()).isEqualTo(BlockingTask.class.getName());
                assertThat(e.mayHaveRun()).isTrue();
            });
            assertThat(failure.getCause().getMessage())
                    .startsWith("Lost the connection to the grid node running task " + BlockingTask.class.getName() + " before its result arrived (")
                    .contains("It may or may not have run, in part or in full. It was not sent again, since running it twice may not be safe");
            assertThat(((ThinClientGridCompute) grid.compute()).retries()).as("a user's task is not sent again").isZero();
            assertThat(registry.find(MicrometerGridMetrics.COMPUTE_RETRIES).counters()).as("no re-send counted").isEmpty();

            // the grid is still usable: a read-only computation goes to another node
            assertThat(grid.compute().on(PRICES).count()).isEqualTo(ORDERS);
            assertThat(receivingNode(cluster, grid)).as("computations now go to another node").isNotEqualTo(receiving);
            grid.close();
            proxies.forEach(CuttableProxy::close);
        }
    }

    /**
     * The thin client keeps a connection it found closed and would fail the next request on it before sending a
     * byte. A computation that never left the client is sent again whatever it does: here an update without an
     * operation id, which then runs exactly once (the sum doubles exactly), and the re-send is counted.
     */
    @Test
    void aComputationNeverSentOnAClosedConnectionIsSentToAnotherNodeEvenIfItWrites() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LocalCluster cluster = cluster().start()) {
            List<CuttableProxy> proxies = proxies(cluster);
            Grid grid = connect(proxies, registry);
            grid.map(PRICES, Long.class, Order.class).putAll(orders());
            SumResult before = grid.compute().sum(PRICES, "amount");
            int receiving = receivingNode(cluster, grid);

            proxies.get(receiving).cut();
            Thread.sleep(1_000); // the client sees the connection close; no request is under way on it

            UpdateResult updated = grid.compute().execute(UpdateTask.NAME, QueryArgument.on(PRICES).field("amount").factor(2).build());

            assertThat(updated.updated()).isEqualTo(ORDERS);
            assertThat(((ThinClientGridCompute) grid.compute()).retries()).as("re-sends").isEqualTo(1);
            assertThat(registry.get(MicrometerGridMetrics.COMPUTE_RETRIES).tag("task", "UpdateTask").counter().count()).isEqualTo(1.0);
            SumResult after = grid.compute().sum(PRICES, "amount");
            assertThat(after.count()).isEqualTo(ORDERS);
            assertThat(after.sum()).as("every amount doubled once").isEqualByComparingTo(before.sum().multiply(java.math.BigDecimal.valueOf(2)));
            assertThat(receivingNode(cluster, grid)).as("computations now go to another node").isNotEqualTo(receiving);
            grid.close();
            proxies.forEach(CuttableProxy::close);
        }
    }

    private static LocalCluster.Builder cluster() {
        return LocalCluster.builder().nodes(3)
                .cache(CacheSettings.partitioned(PRICES).withBackups(1).withPartitions(64))
                .dataRegionSizeBytes(64L * 1024 * 1024);
    }

    /** A proxy in front of each node, so that the test can cut the connection to any one. */
    private static List<CuttableProxy> proxies(LocalCluster cluster) throws java.io.IOException {
        List<CuttableProxy> proxies = new ArrayList<>();
        for (String address : cluster.clientAddresses()) {
            proxies.add(new CuttableProxy(address));
        }
        return proxies;
    }

    /** Partition awareness off: the client talks to one node at a time, through its proxy. */
    private static Grid connect(List<CuttableProxy> proxies, SimpleMeterRegistry registry) {
        return Grid.connect(GridConfig.builder().addresses(proxies.stream().map(CuttableProxy::address).toList())
                .partitionAwareness(false).connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(20))
                .meterRegistry(registry).build());
    }

    private static final int ORDERS = 500;

    private static Map<Long, Order> orders() {
        Map<Long, Order> orders = new HashMap<>();
        for (long k = 0; k < ORDERS; k++) {
            orders.put(k, Orders.order(k));
        }
        return orders;
    }

    /** The node the client's computations go to: with partition awareness off, the one its single connection is to. */
    private static int receivingNode(LocalCluster cluster, Grid grid) {
        String local = grid.topology().stream().filter(NodeSummary::local).findFirst().orElseThrow().name();
        for (int i = 0; i < cluster.size(); i++) {
            if (cluster.node(i) != null && cluster.node(i).settings().nodeName().equals(local)) {
                for (int check = 0; check < 5; check++) {
                    assertThat(grid.topology().stream().filter(NodeSummary::local).findFirst().orElseThrow().name())
                            .as("every computation goes to the same node").isEqualTo(local);
                }
                return i;
            }
        }
        throw new AssertionError("no node named " + local);
    }
}
