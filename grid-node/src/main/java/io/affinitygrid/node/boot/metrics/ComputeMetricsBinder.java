package io.affinitygrid.node.boot.metrics;

import io.affinitygrid.compute.ComputeLoad;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterMetrics;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgnitePredicate;

/**
 * Meters of the compute jobs this node executes (the jobs of every task, e.g. one per partition of a
 * map-reduce):
 * <ul>
 * <li>{@code grid.compute.jobs} (function timer): jobs executed and their total execution time, failed ones
 * included;</li>
 * <li>{@code grid.compute.failed.jobs} (counter): jobs that threw, since the meters were bound;</li>
 * <li>{@code grid.compute.cancelled.jobs}, {@code grid.compute.rejected.jobs} (counters);</li>
 * <li>{@code grid.compute.active.jobs}, {@code grid.compute.waiting.jobs} (gauges): jobs running and queued now;</li>
 * <li>{@code grid.compute.coordinating} (gauge): computations this node received and coordinates now (bounded by
 * {@code grid.compute.max-concurrent});</li>
 * <li>{@code grid.compute.refused} (counter): computations this node refused as busy;</li>
 * <li>{@code grid.compute.resent.partitions} (counter): partitions sent a second time because their first job
 * returned no result (their node left, or they moved during the scan);</li>
 * <li>{@code grid.compute.scanned.partitions} (counter) with {@code path=page-order}: partitions scanned in
 * data-page order and kept; with {@code path=scan-query}: partitions scanned again by ScanQuery because the
 * page-order pass saw a concurrent write.</li>
 * </ul>
 * Executed, cancelled and rejected jobs come from the node's cluster metrics, which Ignite refreshes every
 * {@code metricsUpdateFrequency} (2 s). Failed jobs are counted from the node's local {@code EVT_JOB_FAILED}
 * events, which binding enables (a local listener only: the node stores no events). {@link #close()} removes
 * the listener. The node is held weakly. Thread-safe.
 */
public class ComputeMetricsBinder implements MeterBinder, AutoCloseable {

    private static final String LOCAL = "local";
    private static final String JOBS = "jobs";

    private final WeakReference<Ignite> ignite;
    private final Snapshots<String, JobFigures> figures;
    private final LongAdder failed = new LongAdder();
    private final IgnitePredicate<Event> failureListener;
    private boolean listening;

    /**
     * @param ignite the node, held weakly
     */
    public ComputeMetricsBinder(Ignite ignite) {
        this(ignite, MapMetricsBinder.SNAPSHOT_PERIOD);
    }

    ComputeMetricsBinder(Ignite ignite, Duration snapshotPeriod) {
        this.ignite = new WeakReference<>(ignite);
        this.figures = new Snapshots<>(snapshotPeriod, (node, key) -> JobFigures.of(node.cluster().localNode().metrics()));
        LongAdder counter = failed;
        this.failureListener = event -> {
            counter.increment();
            return true;
        };
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Ignite node = ignite.get();
        if (node == null) {
            return;
        }
        listenForFailures(node);
        bindLoad(node, registry);
        FunctionTimer.builder("grid.compute.jobs", node,
                        n -> figures.count(n, LOCAL, JobFigures::executed),
                        n -> figures.counter(n, LOCAL, JobFigures::executionMillis), TimeUnit.MILLISECONDS)
                .description("Compute jobs this node executed, failed ones included, and their execution time")
                .register(registry);
        FunctionCounter.builder("grid.compute.failed.jobs", failed, LongAdder::doubleValue)
                .description("Compute jobs that failed on this node (threw an exception)")
                .baseUnit(JOBS)
                .register(registry);
        FunctionCounter.builder("grid.compute.cancelled.jobs", node, n -> figures.counter(n, LOCAL, JobFigures::cancelled))
                .description("Compute jobs cancelled on this node")
                .baseUnit(JOBS)
                .register(registry);
        FunctionCounter.builder("grid.compute.rejected.jobs", node, n -> figures.counter(n, LOCAL, JobFigures::rejected))
                .description("Compute jobs this node rejected (collision resolution)")
                .baseUnit(JOBS)
                .register(registry);
        Gauge.builder("grid.compute.active.jobs", node, n -> figures.gauge(n, LOCAL, JobFigures::active))
                .description("Compute jobs running on this node")
                .baseUnit(JOBS)
                .register(registry);
        Gauge.builder("grid.compute.waiting.jobs", node, n -> figures.gauge(n, LOCAL, JobFigures::waiting))
                .description("Compute jobs queued on this node, waiting to run")
                .baseUnit(JOBS)
                .register(registry);
    }

    private static void bindLoad(Ignite node, MeterRegistry registry) {
        Gauge.builder("grid.compute.coordinating", node, n -> ComputeLoad.of(n).active())
                .description("Computations this node received and is coordinating now")
                .baseUnit("computations")
                .register(registry);
        FunctionCounter.builder("grid.compute.refused", node, n -> ComputeLoad.of(n).refused())
                .description("Computations this node refused because it already ran grid.compute.max-concurrent of them")
                .baseUnit("computations")
                .register(registry);
        FunctionCounter.builder("grid.compute.resent.partitions", node, n -> ComputeLoad.of(n).resentPartitions())
                .description("Partitions sent again on their own because their first job returned no result")
                .baseUnit("partitions")
                .register(registry);
        FunctionCounter.builder("grid.compute.scanned.partitions", node, n -> ComputeLoad.of(n).pageOrderPartitions())
                .description("Partitions scanned in data-page order whose result was kept")
                .baseUnit("partitions")
                .tag("path", "page-order")
                .register(registry);
        FunctionCounter.builder("grid.compute.scanned.partitions", node, n -> ComputeLoad.of(n).rescannedPartitions())
                .description("Partitions scanned again by ScanQuery because their page-order scan saw a concurrent write")
                .baseUnit("partitions")
                .tag("path", "scan-query")
                .register(registry);
        FunctionCounter.builder("grid.compute.shared.partials.discarded", node, n -> ComputeLoad.of(n).discardedSharedPartials())
                .description("Scan jobs that discarded their one partial for all partitions because a partition was written"
                        + " during the scan, and scanned again with one partial per partition")
                .baseUnit("jobs")
                .register(registry);
    }

    private synchronized void listenForFailures(Ignite node) {
        if (!listening) {
            node.events().enableLocal(EventType.EVT_JOB_FAILED);
            node.events().localListen(failureListener, EventType.EVT_JOB_FAILED);
            listening = true;
        }
    }

    /** Stops counting failed jobs. Idempotent; the node may already be stopped. */
    @Override
    public synchronized void close() {
        Ignite node = ignite.get();
        if (listening && node != null) {
            try {
                node.events().stopLocalListen(failureListener, EventType.EVT_JOB_FAILED);
            }
            catch (RuntimeException e) {
                // the node is stopped: its listeners went with it
            }
        }
        listening = false;
    }

    /** The job figures of one read of the node's cluster metrics. */
    private record JobFigures(long executed, double executionMillis, double cancelled, double rejected,
            double active, double waiting) {

        static JobFigures of(ClusterMetrics metrics) {
            return new JobFigures(metrics.getTotalExecutedJobs(), metrics.getTotalJobsExecutionTime(),
                    metrics.getTotalCancelledJobs(), metrics.getTotalRejectedJobs(),
                    metrics.getCurrentActiveJobs(), metrics.getCurrentWaitingJobs());
        }
    }
}
