package io.affinitygrid.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * A user's task (not one of the catalog's) that runs one job on the node that received it and blocks until the
 * test releases it. The nodes of these tests run in the test's JVM, so the task reaches them by its class name
 * and the latches are shared. Argument and result: a String.
 */
public final class BlockingTask extends ComputeTaskAdapter<String, String> {

    private static final long serialVersionUID = 1L;

    /** Counted down when a job starts. */
    static volatile CountDownLatch started = new CountDownLatch(1);
    /** Counted down to let the jobs finish. */
    static volatile CountDownLatch release = new CountDownLatch(1);

    static void reset() {
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @IgniteInstanceResource
    private transient org.apache.ignite.Ignite ignite;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, String argument) {
        return Map.of(new BlockingJob(argument), ignite.cluster().localNode());
    }

    @Override
    public String reduce(List<ComputeJobResult> results) {
        return results.get(0).getData();
    }

    private static final class BlockingJob extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final String argument;

        BlockingJob(String argument) {
            this.argument = argument;
        }

        @Override
        public Object execute() {
            started.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IgniteException("not released within 60 s");
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IgniteException("interrupted", e);
            }
            return "done " + argument;
        }
    }
}
