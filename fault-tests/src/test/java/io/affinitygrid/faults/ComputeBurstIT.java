package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.compute.AddToFieldJob;
import io.affinitygrid.compute.KeyCallArgument;
import io.affinitygrid.compute.KeyCallTask;
import io.affinitygrid.compute.SumResult;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bursts of simultaneous computations on three node processes: partition map-reduce sums, key jobs and writes,
 * all fired at once from one connection or from several. Before the coordinator pool, a burst of 64 filled
 * every node's public pool with fan-out and dispatch jobs waiting for jobs that could then never run, and the
 * grid hung until the tasks timed out. Now every computation must come back, right, within a bound that
 * catches a hang. Latencies and throughput go to the report, never asserted.
 */
@Tag("fault")
@Order(15)
class ComputeBurstIT {

    private static final String ORDERS = "bursty";
    private static final String TALLIES = "tallies";
    private static final int ORDER_COUNT = 60_000;
    private static final int TALLY_KEYS = 16;
    /** Far beyond what a burst takes when it works (seconds), far below a hang (tasks time out at 60 s). */
    private static final Duration HANG_BOUND = Duration.ofSeconds(50);

    @RegisterExtension
    static final ClusterExtension grid = ClusterExtension.shared(HealthyCluster.KEY, HealthyCluster::settings);

    @BeforeAll
    static void load() {
        try (Grid client = grid.cluster().connect()) {
            GridMap<Long, Purchase> orders = client.map(ORDERS, Long.class, Purchase.class);
            orders.clear();
            Purchase.putStandard(orders, ORDER_COUNT);
            assertThat(orders.size()).isEqualTo(ORDER_COUNT);
        }
    }

    @ParameterizedTest(name = "{0} connection(s) x {1} computations, plus as many writes")
    @CsvSource({"1, 128", "4, 64"})
    void everyComputationOfABurstComesBackRight(int connections, int perConnection) throws Exception {
        List<Grid> clients = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                clients.add(grid.cluster().connect());
            }
            GridMap<Long, Purchase> tallies = clients.get(0).map(TALLIES, Long.class, Purchase.class);
            tallies.clear();
            for (long key = 0; key < TALLY_KEYS; key++) {
                tallies.put(key, new Purchase(key, "tally", 0));
            }

            Map<Long, Integer> expectedTallies = new ConcurrentHashMap<>();
            List<Call> calls = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                Grid client = clients.get(c);
                GridMap<Long, Purchase> writes = client.map(TALLIES, Long.class, Purchase.class);
                for (int i = 0; i < perConnection; i++) {
                    long began = System.nanoTime();
                    if (i % 2 == 0) {
                        calls.add(new Call("sum", began, client.compute().on(ORDERS).async().sum("amount")));
                    }
                    else {
                        long key = (c * perConnection + i) % TALLY_KEYS;
                        expectedTallies.merge(key, 1, Integer::sum);
                        calls.add(new Call("key job", began, client.compute().executeAsync(KeyCallTask.NAME,
                                new KeyCallArgument(TALLIES, key, AddToFieldJob.NAME, "amount:1"))));
                    }
                    long id = 1_000_000L + c * perConnection + i;
                    calls.add(new Call("write", System.nanoTime(), writes.async().put(id, Purchase.standard(id))));
                }
            }

            Map<String, Latencies> latencies = new HashMap<>();
            List<String> hung = new ArrayList<>();
            for (Call call : calls) {
                try {
                    call.future.get(Math.max(1, HANG_BOUND.toNanos() - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
                }
                catch (TimeoutException e) {
                    hung.add(call.kind);
                    continue;
                }
                latencies.computeIfAbsent(call.kind, k -> new Latencies()).record(call.finishedNanos() - call.began);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!hung.isEmpty()) {
                Report.line("compute burst " + connections + "x" + perConnection + ": " + hung.size() + " calls still pending after "
                        + HANG_BOUND.toSeconds() + " s\n" + grid.cluster().threadDumps());
            }
            assertThat(hung).as("calls with no answer within %s s (a hang)", HANG_BOUND.toSeconds()).isEmpty();

            SumResult expected = new SumResult(ORDER_COUNT, ORDER_COUNT, BigDecimal.valueOf(Purchase.standardSum(ORDER_COUNT)), 64);
            for (Call call : calls) {
                if (call.kind.equals("sum")) {
                    assertThat(call.future.join()).as("a sum of the burst").isEqualTo(expected);
                }
            }
            for (long key = 0; key < TALLY_KEYS; key++) {
                assertThat(tallies.get(key).amount()).as("tally %d: key jobs applied exactly once each", key)
                        .isEqualTo(expectedTallies.getOrDefault(key, 0).longValue());
            }
            for (int c = 0; c < connections; c++) {
                for (int i = 0; i < perConnection; i++) {
                    long id = 1_000_000L + c * perConnection + i;
                    assertThat(tallies.get(id)).as("write %d of the burst", id).isEqualTo(Purchase.standard(id));
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "compute burst %d connection(s) x %d computations + %d writes: all %d calls answered in %.2f s (%.0f calls/s)",
                    connections, perConnection, connections * perConnection, calls.size(), seconds, calls.size() / seconds));
            latencies.forEach((kind, samples) -> line.append("\n  ").append(kind).append(": ")
                    .append(Latencies.merge(List.of(samples)).summary()));
            Report.line(line.toString());
        }
        finally {
            clients.forEach(Grid::close);
        }
    }

    /** One call of the burst: what it is, when it was made, and its answer. */
    private static final class Call {

        final String kind;
        final long began;
        final CompletableFuture<?> future;
        volatile long finished;

        Call(String kind, long began, CompletableFuture<?> future) {
            this.kind = kind;
            this.began = began;
            this.future = future;
            future.whenComplete((value, error) -> finished = System.nanoTime());
        }

        long finishedNanos() {
            // the completion callback may run just after get() returns
            long at = finished;
            return at == 0 ? System.nanoTime() : at;
        }
    }
}
