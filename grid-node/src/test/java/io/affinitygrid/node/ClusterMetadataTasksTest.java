package io.affinitygrid.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.affinitygrid.compute.CacheKey;
import io.affinitygrid.compute.ClusterInfoTask;
import io.affinitygrid.compute.FieldNamesTask;
import io.affinitygrid.compute.KeyOwnersTask;
import io.affinitygrid.compute.NodeSummary;
import io.affinitygrid.compute.PartitionMapTask;
import io.affinitygrid.compute.PartitionOwners;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tasks that describe the cluster: node summaries, partition map, key owners, field names. */
class ClusterMetadataTasksTest {

    private static LocalCluster cluster;
    private static Ignite ignite;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.builder().nodes(3).cache(CacheSettings.partitioned("orders").withPartitions(64))
                .cache(CacheSettings.partitioned("lines").withPartitions(8).withBackups(2)).start();
        ignite = cluster.node(0).ignite();
        Map<Long, Object> orders = new HashMap<>();
        for (long id = 0; id < 100; id++) {
            orders.put(id, ignite.binary().builder("test.Order").setField("id", id).setField("amount", id * 1.5).setField("customer", "c" + id).build());
        }
        ignite.cache("orders").withKeepBinary().putAll(orders);
        ignite.cache("lines").put(1, "a plain string value");
        // until rebalancing ends, the partition map is still moving
        for (GridNode node : cluster.runningNodes()) {
            node.ignite().cache("orders").rebalance().get();
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void partitionMapMatchesAffinityAndCountsAddUp() {
        List<PartitionOwners> map = ignite.compute().execute(PartitionMapTask.NAME, "orders");
        List<NodeSummary> nodes = ignite.compute().execute(ClusterInfoTask.NAME, null);

        assertThat(map).hasSize(64);
        for (PartitionOwners owners : map) {
            List<ClusterNode> expected = List.copyOf(ignite.affinity("orders").mapPartitionToPrimaryAndBackups(owners.partition()));
            assertThat(owners.primary()).isEqualTo(String.valueOf(expected.get(0).consistentId()));
            assertThat(owners.backups()).hasSize(1).doesNotContain(owners.primary());
        }
        Map<String, Long> primariesByNode = map.stream().collect(Collectors.groupingBy(PartitionOwners::primary, Collectors.counting()));
        for (NodeSummary node : nodes) {
            assertThat(node.primaryPartitions().get("orders")).isEqualTo(primariesByNode.getOrDefault(node.name(), 0L).intValue());
        }
        assertThat(ignite.compute().<String, List<PartitionOwners>>execute(PartitionMapTask.NAME, "lines"))
                .allSatisfy(owners -> assertThat(owners.backups()).hasSize(2));
    }

    @Test
    void keyOwnersNameTheKeysPartitionAndNodes() {
        PartitionOwners owners = ignite.compute().execute(KeyOwnersTask.NAME, new CacheKey("orders", 42L));

        assertThat(owners.partition()).isEqualTo(ignite.affinity("orders").partition(42L));
        assertThat(owners.primary()).isEqualTo(String.valueOf(ignite.affinity("orders").mapKeyToNode(42L).consistentId()));
    }

    @Test
    void fieldNamesComeFromTheBinarySchema() {
        Map<String, String> fields = ignite.compute().execute(FieldNamesTask.NAME, "orders");
        Map<String, String> plain = ignite.compute().execute(FieldNamesTask.NAME, "lines");

        assertThat(fields).containsOnlyKeys("amount", "customer", "id").containsEntry("amount", "double");
        assertThat(plain.keySet()).isEqualTo(Set.of("_value"));
    }

    @Test
    void unknownCacheIsNamed() {
        assertThatThrownBy(() -> ignite.compute().execute(PartitionMapTask.NAME, "nope"))
                .isInstanceOf(IgniteException.class).hasStackTraceContaining("No map named 'nope' on the grid");
        assertThatThrownBy(() -> ignite.compute().execute(KeyOwnersTask.NAME, new CacheKey("nope", 1)))
                .isInstanceOf(IgniteException.class).hasStackTraceContaining("No map named 'nope' on the grid");
    }
}
