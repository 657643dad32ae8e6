package io.affinitygrid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.affinitygrid.client.Grid;
import io.affinitygrid.compute.AddToFieldJob;
import io.affinitygrid.compute.KeyCallArgument;
import io.affinitygrid.compute.KeyCallTask;

/**
 * (g) A burst of simultaneous computations vs the same computations one at a time. Half are partition map-reduce
 * sums of the orders, half key jobs ({@code AddToFieldJob} on one order each); the burst fires all of them at once,
 * from one connection and then spread over four, and waits for every answer; the baseline runs them one after
 * another on one connection. Throughput = computations ÷ wall time. A burst that hung, or lost answers, would fail
 * the scenario instead of producing a row.
 */
final class BurstScenario {

    static final Target THROUGHPUT_TARGET = Target.atLeast(1.0);

    private final BenchOptions options;

    BurstScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster cluster, Table table) {
        // a sum of 1,000,000 orders takes on the order of a second here: keep the sequential baseline bounded
        int computations = options.entries() > 200_000 ? 32 : 128;
        List<Grid> four = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                four.add(Grid.connect(cluster.gridConfig().build()));
            }
            Stats[] oneConnection = Stats.measureEach(options.warmup(), options.runs(),
                    () -> side(List.of(cluster.grid()), cluster, computations));
            Stats[] fourConnections = Stats.measureEach(options.warmup(), options.runs(),
                    () -> side(four, cluster, computations));
            String note = computations + " computations, half sums of " + cluster.entries() + " orders, half key jobs";
            table.add(Row.subjectOverBaseline("g", "burst on 1 connection, computations/s", "all at once", oneConnection[0],
                    "one at a time", oneConnection[1], THROUGHPUT_TARGET, note));
            table.add(Row.subjectOverBaseline("g", "burst on 4 connections, computations/s", "all at once", fourConnections[0],
                    "one at a time", fourConnections[1], THROUGHPUT_TARGET, note));
        }
        finally {
            four.forEach(Grid::close);
        }
    }

    /** {burst computations/s, sequential computations/s}. */
    private static double[] side(List<Grid> grids, BenchCluster cluster, int computations) {
        long start = System.nanoTime();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < computations; i++) {
            calls.add(call(grids.get(i % grids.size()), cluster, i));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        double burst = computations / (Stats.millisSince(start) / 1e3);
        start = System.nanoTime();
        for (int i = 0; i < computations; i++) {
            call(grids.get(0), cluster, i).join();
        }
        double sequential = computations / (Stats.millisSince(start) / 1e3);
        return new double[] {burst, sequential};
    }

    private static CompletableFuture<?> call(Grid grid, BenchCluster cluster, int i) {
        if (i % 2 == 0) {
            return grid.compute().on(BenchCluster.ORDERS).async().sum("amount");
        }
        long key = (i * 7919L) % cluster.entries();
        return grid.compute().executeAsync(KeyCallTask.NAME, new KeyCallArgument(BenchCluster.ORDERS, key, AddToFieldJob.NAME, "quantity:0"));
    }
}
