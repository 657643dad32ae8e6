package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.affinitygrid.compute.ComputeLoad;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.ComputeSettings;
import io.affinitygrid.node.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client sees when it asks more of the grid than the grid runs at once, or more time than it allows: one
 * node that coordinates at most {@value #NODE_MAX_CONCURRENT} computations and runs at most
 * {@value #CONNECTION_MAX_TASKS} tasks per thin-client connection. Every outcome is asserted exactly: a
 * computation either answers right or fails with the one exception type that says why.
 */
class ComputeLimitsTest {

    private static final int NODE_MAX_CONCURRENT = 3;
    private static final int CONNECTION_MAX_TASKS = 2;
    private static final int PARTITIONS = 8;

    private static LocalCluster cluster;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.builder()
                .cache(CacheSettings.partitioned(GridCluster.ORDERS).withPartitions(PARTITIONS))
                .nodeSettings(node -> node.compute(new ComputeSettings(8, NODE_MAX_CONCURRENT, 1))
                        .clientMaxComputeTasks(CONNECTION_MAX_TASKS))
                .start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static GridConfig.Builder config() {
        return GridConfig.builder().addresses(cluster.clientAddresses()).requestTimeout(Duration.ofSeconds(30));
    }

    @Test
    void computationsPastTheConnectionsLimitWaitInTheClientAndAllAnswer() {
        try (Grid grid = Grid.connect(config().maxConcurrentComputations(CONNECTION_MAX_TASKS).build())) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(grid.compute().executeAsync(PausingTask.NAME, 100L));
            }

            assertThat(calls).allSatisfy(call -> assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(PARTITIONS));
        }
    }

    @Test
    void aClientAllowedMoreThanTheNodeAcceptsWaitsForRoomAndEveryCallAnswers() {
        try (Grid grid = Grid.connect(config().maxConcurrentComputations(8).build())) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(grid.compute().executeAsync(PausingTask.NAME, 300L));
            }

            assertThat(outcomes(calls, PARTITIONS)).as("calls past the connection's %d tasks wait and are sent again",
                    CONNECTION_MAX_TASKS).isEmpty();
            assertThat(((ThinClientGridCompute) grid.compute()).roomWaits()).as("refusals for want of room, sent again")
                    .isPositive();
        }
    }

    @Test
    void aNodeCoordinatingAsManyAsItAcceptsRefusesMoreAsBusy() {
        ComputeLoad load = ComputeLoad.of(cluster.node(0).ignite());
        long refusedBefore = load.refused();
        List<Grid> grids = new ArrayList<>();
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Grid grid = Grid.connect(config().maxConcurrentComputations(CONNECTION_MAX_TASKS).build());
                grids.add(grid);
                for (int i = 0; i < CONNECTION_MAX_TASKS; i++) {
                    calls.add(grid.compute().executeAsync(PausingTask.NAME, 1_000L));
                }
            }

            List<Throwable> refused = outcomes(calls, PARTITIONS);
            assertThat(refused).as("calls past the node's %d computations", NODE_MAX_CONCURRENT).isNotEmpty()
                    .allSatisfy(error -> assertThat(error).isExactlyInstanceOf(GridBusyException.class)
                            .hasMessageContaining("grid.compute.max-concurrent").hasMessageContaining("PausingTask"));
            assertThat(calls.size() - refused.size()).as("calls that ran").isGreaterThanOrEqualTo(NODE_MAX_CONCURRENT);
            assertThat(load.refused() - refusedBefore).as("refusals counted by the node").isEqualTo(refused.size());
        }
        finally {
            grids.forEach(Grid::close);
        }
    }

    @Test
    void aComputationPastTheRequestTimeoutFailsInTheGridsWordsAndIsCancelledOnTheGrid() throws InterruptedException {
        int cancelledBefore = PausingTask.cancelled.get();
        try (Grid grid = Grid.connect(config().requestTimeout(Duration.ofMillis(500)).build())) {
            assertThatThrownBy(() -> grid.compute().execute(PausingTask.NAME, 20_000L))
                    .isExactlyInstanceOf(GridTimeoutException.class)
                    .hasMessage("Computation PausingTask did not finish within the request timeout of 500 ms, and was"
                            + " cancelled on the grid. Narrow it with a filter, add nodes, or raise the timeout"
                            + " (GridConfig.Builder.requestTimeout).");
        }
        // Ignite cancels a job cooperatively and interrupts its thread only after computeJobWorkerInterruptTimeout (10 s)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (PausingTask.cancelled.get() == cancelledBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(PausingTask.cancelled.get()).as("pauses cut short on the node").isGreaterThan(cancelledBefore);
    }

    /** A caller interrupted while it waits (Ctrl-C in the shell) stops the computation on the grid too. */
    @Test
    void aCallerInterruptedWhileWaitingCancelsTheComputationOnTheGrid() throws Exception {
        int cancelledBefore = PausingTask.cancelled.get();
        try (Grid grid = Grid.connect(config().requestTimeout(Duration.ofSeconds(60)).build())) {
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    grid.compute().execute(PausingTask.NAME, 20_000L);
                }
                catch (Throwable e) {
                    failure.set(e);
                }
            });
            caller.start();
            Thread.sleep(1_000);
            caller.interrupt();
            caller.join(10_000);

            assertThat(caller.isAlive()).as("the caller stopped waiting").isFalse();
            assertThat(failure.get()).isExactlyInstanceOf(GridInterruptedException.class)
                    .hasMessage("Interrupted while waiting for " + PausingTask.NAME + "; it was cancelled, and any part of"
                            + " it the grid had already done stays done");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (PausingTask.cancelled.get() == cancelledBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(PausingTask.cancelled.get()).as("pauses cut short on the node").isGreaterThan(cancelledBefore);
    }

    /** Waits for every call; each one answers {@code expected} or fails; returns the failures. */
    private static List<Throwable> outcomes(List<CompletableFuture<Integer>> calls, int expected) {
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            try {
                assertThat(call.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(expected);
            }
            catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }
}
