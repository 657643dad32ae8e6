package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of 40,000 puts and then 40,000 gets from 32 threads sharing one SDK connection to three node
 * processes: no errors, no lost or changed write. Throughput and latency percentiles are printed (and written to
 * target/fault-tests/report.txt), never asserted: machines are noisy.
 */
@Tag("fault")
@Order(10)
class BurstLoadIT {

    private static final int THREADS = 32;
    /**
     * 1,250 calls per thread, all 32 in flight on the shared connection the whole time: mixed-up or lost answers
     * show within that many, and more only cost time (100,000 took a minute here).
     */
    private static final int OPERATIONS = 40_000;

    @RegisterExtension
    static final ClusterExtension grid = ClusterExtension.shared(HealthyCluster.KEY, HealthyCluster::settings);

    @Test
    void aBurstOfPutsAndGetsFromManyThreadsCompletesWithoutErrorsOrLostWrites() throws Exception {
        try (Grid client = grid.cluster().connect()) {
            GridMap<Long, Purchase> burst = client.map("burst", Long.class, Purchase.class);
            burst.clear();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                Phase puts = run(pool, "put", id -> burst.put(id, Purchase.standard(id)));
                AtomicLong wrong = new AtomicLong();
                Phase gets = run(pool, "get", id -> {
                    if (!Purchase.standard(id).equals(burst.get(id))) {
                        wrong.incrementAndGet();
                    }
                });
                Report.line(puts.describe());
                Report.line(gets.describe());
                puts.errors.stream().limit(5).forEach(error -> Report.line("burst:   " + error));
                gets.errors.stream().limit(5).forEach(error -> Report.line("burst:   " + error));
                assertThat(puts.errors).as("failed puts").isEmpty();
                assertThat(gets.errors).as("failed gets").isEmpty();
                assertThat(wrong.get()).as("gets that did not return the written value").isZero();
                assertThat(burst.size()).isEqualTo(OPERATIONS);
            }
            finally {
                pool.shutdownNow();
            }
        }
    }

    /** One call of a phase, on key {@code id}. */
    private interface Call {
        void call(long id) throws Exception;
    }

    /**
     * Runs one phase: every thread starts at the same moment and makes its share of the calls (keys
     * thread, thread + 32, ...), timing each one; a failed call is recorded and the thread goes on.
     */
    private static Phase run(ExecutorService pool, String operation, Call call) throws Exception {
        Phase phase = new Phase(operation);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Latencies>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<Latencies> task = () -> {
                Latencies latencies = new Latencies();
                start.await();
                for (long id = thread; id < OPERATIONS; id += THREADS) {
                    long begin = System.nanoTime();
                    try {
                        call.call(id);
                    }
                    catch (Exception e) {
                        phase.errors.add(operation + " " + id + ": " + e);
                    }
                    latencies.record(System.nanoTime() - begin);
                }
                return latencies;
            };
            threads.add(pool.submit(task));
        }
        long begin = System.nanoTime();
        start.countDown();
        List<Latencies> all = new ArrayList<>();
        for (Future<Latencies> thread : threads) {
            all.add(thread.get(10, TimeUnit.MINUTES));
        }
        phase.elapsedNanos = System.nanoTime() - begin;
        phase.latencies = Latencies.merge(all);
        return phase;
    }

    private static final class Phase {
        final String operation;
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long elapsedNanos;
        Latencies latencies;

        Phase(String operation) {
            this.operation = operation;
        }

        String describe() {
            double seconds = elapsedNanos / 1e9;
            return String.format(Locale.ROOT, "burst: %,d %ss from %d threads in %.1f s: %,.0f ops/s; latency %s; %d errors",
                    OPERATIONS, operation, THREADS, seconds, OPERATIONS / seconds, latencies.summary(), errors.size());
        }
    }
}
