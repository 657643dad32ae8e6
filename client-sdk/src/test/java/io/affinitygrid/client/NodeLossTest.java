package io.affinitygrid.client;

import static io.affinitygrid.client.GridCluster.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.affinitygrid.compute.NodeSummary;
import io.affinitygrid.compute.SumResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With one backup, the grid loses no entry when a node leaves, and the SDK keeps working, including when
 * the node that leaves is the one it sends its requests to. Each case starts its own cluster, since it
 * changes the topology.
 */
class NodeLossTest {

    static final int ORDER_COUNT = 10_000;

    enum StoppedNode {
        /** The node that ran the SDK's last task: the one its requests go to. */
        CONNECTED,
        /** A node the SDK was not sending its computations to. */
        OTHER
    }

    @ParameterizedTest
    @EnumSource(StoppedNode.class)
    void everyEntryAndTheSumSurviveTheLossOfANode(StoppedNode which) {
        try (GridCluster cluster = GridCluster.threeNodes().start()) {
            Grid grid = cluster.grid();
            GridMap<Long, Order> orders = cluster.orders();
            Orders.load(orders, ORDER_COUNT);
            SumResult before = grid.compute().sum(ORDERS, "amount");

            int stopped = nodeToStop(cluster, grid.topology(), which);
            cluster.cluster().stopNode(stopped);

            assertThat(grid.topology()).extracting(NodeSummary::name)
                    .hasSize(2).doesNotContain(cluster.nodeNames().get(stopped));
            for (long from = 0; from < ORDER_COUNT; from += Orders.BATCH) {
                Map<Long, Order> read = orders.getAll(Orders.keys(from, from + Orders.BATCH));
                assertThat(read).hasSize(Orders.BATCH);
                read.forEach((id, order) -> assertThat(order).isEqualTo(Orders.order(id)));
            }
            assertThat(orders.size()).isEqualTo(ORDER_COUNT);
            SumResult after = grid.compute().sum(ORDERS, "amount");
            assertThat(after.count()).isEqualTo(ORDER_COUNT);
            assertThat(after.sum()).isEqualByComparingTo(before.sum()).isEqualByComparingTo(Orders.amountSum(ORDER_COUNT));
            assertThat(after.sum()).isNotEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    private static int nodeToStop(GridCluster cluster, List<NodeSummary> nodes, StoppedNode which) {
        String connected = nodes.stream().filter(NodeSummary::local).findFirst().orElseThrow().name();
        int index = cluster.nodeNames().indexOf(connected);
        return which == StoppedNode.CONNECTED ? index : (index + 1) % cluster.nodeNames().size();
    }
}
