package io.affinitygrid.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CachePeekMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The sum task on a real 3-node cluster with one backup, before and after a node leaves. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SumTaskClusterTest {

    private static final int ENTRIES = 20_000;

    private static LocalCluster cluster;
    private static BigDecimal expectedSum = BigDecimal.ZERO;

    @BeforeAll
    static void startClusterAndLoad() {
        cluster = LocalCluster.builder().nodes(3).cache(CacheSettings.partitioned("orders").withPartitions(256))
                .cache(CacheSettings.partitioned("empty")).start();
        Ignite ignite = cluster.node(0).ignite();
        IgniteCache<Long, BinaryObject> orders = ignite.cache("orders").withKeepBinary();
        Map<Long, BinaryObject> batch = new HashMap<>();
        for (long id = 1; id <= ENTRIES; id++) {
            double amount = (id % 10_000) / 100.0;
            expectedSum = expectedSum.add(BigDecimal.valueOf(amount));
            BinaryObject order = ignite.binary().builder("test.Order")
                    .setField("id", id).setField("customer", "c" + (id % 97)).setField("amount", amount).build();
            batch.put(id, order);
            if (batch.size() == 1000) {
                orders.putAll(batch);
                batch.clear();
            }
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyNodeHoldsPrimaryPartitions() {
        long total = 0;
        for (GridNode node : cluster.runningNodes()) {
            int local = node.ignite().cache("orders").localSize(CachePeekMode.PRIMARY);
            assertThat(local).as("primary entries on %s", node.settings().nodeName()).isPositive();
            total += local;
        }
        assertThat(total).isEqualTo(ENTRIES);
    }

    @Test
    @Order(2)
    void sumsExactlyOverEveryPartition() {
        SumResult result = sum(cluster.node(0).ignite(), "orders", "amount");
        assertThat(result.count()).isEqualTo(ENTRIES);
        assertThat(result.summed()).isEqualTo(ENTRIES);
        assertThat(result.sum()).isEqualByComparingTo(expectedSum);
        assertThat(result.partitions()).isEqualTo(256);
    }

    /**
     * Counts entries per partition; with merging on, each job merges its partitions' counts before answering.
     * Answers {entries, partials reduced, partitions covered}.
     */
    public static final class PartialsSeenTask extends io.affinitygrid.compute.PartitionMapReduceTask<Boolean, long[], long[]> {
        @Override
        protected String cacheName(Boolean merge) {
            return "orders";
        }

        @Override
        protected long[] computePartition(Ignite ignite, Boolean merge, int partition) {
            return new long[] {ignite.cache("orders").localSizeLong(partition, CachePeekMode.PRIMARY), 1};
        }

        @Override
        protected long[] mergePartials(Boolean merge, java.util.List<long[]> partials) {
            return merge ? reduce(merge, partials) : null;
        }

        @Override
        protected long[] reduce(Boolean merge, java.util.List<long[]> partials) {
            long[] total = new long[3];
            for (long[] partial : partials) {
                total[0] += partial[0];
                total[2] += partial.length == 3 ? partial[2] : partial[1];
            }
            total[1] = partials.size();
            return total;
        }
    }

    @Test
    @Order(3)
    void eachJobSendsOneMergedPartialWhenTheTaskCanMerge() {
        Ignite ignite = cluster.node(0).ignite();
        int jobs = 0;
        for (GridNode node : cluster.runningNodes()) {
            org.apache.ignite.cluster.ClusterNode local = node.ignite().cluster().localNode();
            int scanThreads = local.attribute(io.affinitygrid.compute.ComputeLimits.SCAN_THREADS_ATTRIBUTE);
            jobs += Math.min(scanThreads, node.ignite().affinity("orders").primaryPartitions(local).length);
        }

        long[] merged = ignite.compute().execute(PartialsSeenTask.class, true);
        long[] perPartition = ignite.compute().execute(PartialsSeenTask.class, false);

        assertThat(merged[0]).isEqualTo(ENTRIES);
        assertThat(merged[2]).as("partitions covered, each once").isEqualTo(256);
        assertThat(merged[1]).as("one partial per job").isEqualTo(jobs);
        assertThat(perPartition[0]).isEqualTo(ENTRIES);
        assertThat(perPartition[1]).as("one partial per partition").isEqualTo(256);
    }

    @Test
    @Order(3)
    void rejectsAFieldThatNoEntryHas() {
        assertThatThrownBy(() -> sum(cluster.node(1).ignite(), "orders", "amout"))
                .isInstanceOf(IgniteException.class).hasStackTraceContaining("No entry of map 'orders' has a field 'amout'");
    }

    @Test
    @Order(4)
    void emptyCacheSumsToZero() {
        SumResult result = sum(cluster.node(2).ignite(), "empty", "amount");
        assertThat(result.count()).isZero();
        assertThat(result.sum()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(result.average()).isNull();
        assertThat(result.partitions()).isEqualTo(CacheSettings.DEFAULT_PARTITIONS);
    }

    @Test
    @Order(5)
    void rejectsUnknownCacheAndNonNumericField() {
        Ignite ignite = cluster.node(0).ignite();
        assertThatThrownBy(() -> sum(ignite, "nope", "amount"))
                .isInstanceOf(IgniteException.class).hasStackTraceContaining("No map named 'nope' on the grid");
        assertThatThrownBy(() -> sum(ignite, "orders", "customer"))
                .isInstanceOf(IgniteException.class).hasStackTraceContaining("Field 'customer' of map 'orders' is not numeric");
    }

    @Test
    @Order(6)
    void afterANodeStopsEveryEntryIsReadableAndTheSumIsUnchanged() {
        cluster.stopNode(1);
        Ignite ignite = cluster.node(0).ignite();
        assertThat(ignite.cluster().forServers().nodes()).hasSize(2);
        IgniteCache<Long, BinaryObject> orders = ignite.cache("orders").withKeepBinary();
        for (long id = 1; id <= ENTRIES; id++) {
            BinaryObject order = orders.get(id);
            assertThat(order).as("order %d", id).isNotNull();
            assertThat((double) order.field("amount")).isEqualTo((id % 10_000) / 100.0);
        }
        SumResult result = sum(cluster.node(2).ignite(), "orders", "amount");
        assertThat(result.count()).isEqualTo(ENTRIES);
        assertThat(result.sum()).isEqualByComparingTo(expectedSum);
    }

    private static SumResult sum(Ignite ignite, String cache, String field) {
        return ignite.compute().execute(SumTask.NAME, new SumArgument(cache, field));
    }
}
