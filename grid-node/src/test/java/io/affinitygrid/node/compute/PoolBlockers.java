package io.affinitygrid.node.compute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;

/**
 * Occupies every thread of one node's public pool with jobs that hold until the node stops (stopping cancels
 * them), so that the jobs a computation sends there meanwhile wait in the node's queue and can only be cut short by
 * the stop. That makes "the node left while its share of the computation was not done" certain rather than a matter
 * of timing. Test-only: these jobs block a pool on purpose.
 */
final class PoolBlockers {

    private static final AtomicInteger holding = new AtomicInteger();

    private PoolBlockers() {
    }

    /** Sends {@code threads} holding jobs to {@code target} from {@code from}, and waits until all of them run. */
    static void occupy(Ignite from, ClusterNode target, int threads) {
        int before = holding.get();
        from.compute().executeAsync(new HoldTask(target, threads), null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (holding.get() < before + threads) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + (holding.get() - before) + " of " + threads + " holding jobs started on " + target);
            }
            GridContents.sleep(5);
        }
    }

    /** Maps its jobs to one node; ignores their fate (the node is about to leave), and never fails over. */
    private static final class HoldTask extends ComputeTaskAdapter<Void, Void> {

        private static final long serialVersionUID = 1L;

        private final transient ClusterNode target;
        private final int threads;

        HoldTask(ClusterNode target, int threads) {
            this.target = target;
            this.threads = threads;
        }

        @Override
        public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, Void argument) {
            Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
            for (int i = 0; i < threads; i++) {
                jobs.put(new HoldJob(), target);
            }
            return jobs;
        }

        @Override
        public ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
            return ComputeJobResultPolicy.WAIT;
        }

        @Override
        public Void reduce(List<ComputeJobResult> results) {
            return null;
        }
    }

    /** Holds its thread until cancelled (or a minute), then a moment longer, so that the stop has cancelled every queued job. */
    private static final class HoldJob extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        @Override
        public Object execute() {
            holding.incrementAndGet();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!isCancelled() && System.nanoTime() < deadline) {
                GridContents.sleep(10);
            }
            GridContents.sleep(100);
            return null;
        }
    }
}
