package io.affinitygrid.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.affinitygrid.compute.PartitionMapReduceTask;
import org.apache.ignite.Ignite;

/**
 * A partition map-reduce over the {@code orders} map that pauses for the argument's milliseconds while it computes
 * partition 0, and answers the number of partitions computed. It is on the test nodes' classpath (they run in
 * this JVM), so clients can run it by name. Counts the pauses that were cut short by cancellation.
 */
public final class PausingTask extends PartitionMapReduceTask<Long, Integer, Integer> {

    static final String NAME = PausingTask.class.getName();
    static final AtomicInteger cancelled = new AtomicInteger();

    private static final long serialVersionUID = 1L;

    @Override
    protected String cacheName(Long pauseMillis) {
        return GridCluster.ORDERS;
    }

    @Override
    protected Integer computePartition(Ignite ignite, Long pauseMillis, int partition) {
        if (partition == 0) {
            try {
                Thread.sleep(pauseMillis);
            }
            catch (InterruptedException e) {
                cancelled.incrementAndGet();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("cancelled");
            }
        }
        return 1;
    }

    @Override
    protected Integer reduce(Long pauseMillis, List<Integer> partials) {
        return partials.stream().mapToInt(Integer::intValue).sum();
    }
}
