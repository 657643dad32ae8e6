package io.affinitygrid.client;

import static io.affinitygrid.client.GridCluster.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.ClusterInfoTask;
import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.NodeSummary;
import io.affinitygrid.compute.PartitionOwners;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import io.affinitygrid.compute.TaskRef;
import io.affinitygrid.node.GridNode;
import org.apache.ignite.cache.CachePeekMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Computations over 10 000 orders spread over three nodes, written through the SDK. */
class GridComputeTest {

    static final int ORDER_COUNT = 10_000;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.threeNodes();

    @BeforeAll
    static void loadOrders() {
        Orders.load(CLUSTER.orders(), ORDER_COUNT);
    }

    @Test
    void ordersAreSpreadOverEveryNode() {
        List<NodeSummary> nodes = CLUSTER.grid().topology();

        assertThat(nodes).extracting(NodeSummary::name).containsExactlyElementsOf(CLUSTER.nodeNames());
        assertThat(nodes).allSatisfy(node -> assertThat(node.primaryPartitions().get(ORDERS)).isPositive());
        assertThat(nodes.stream().mapToInt(node -> node.primaryPartitions().get(ORDERS)).sum()).isEqualTo(GridCluster.PARTITIONS);
        assertThat(nodes.stream().mapToInt(node -> node.backupPartitions().get(ORDERS)).sum()).isEqualTo(GridCluster.PARTITIONS);
        assertThat(nodes).filteredOn(NodeSummary::local).as("the node that ran the task").hasSize(1);

        long primaries = 0;
        for (GridNode node : CLUSTER.cluster().runningNodes()) {
            int local = node.ignite().cache(ORDERS).localSize(CachePeekMode.PRIMARY);
            assertThat(local).as("primary entries on %s", node.settings().nodeName()).isPositive();
            primaries += local;
        }
        assertThat(primaries).isEqualTo(ORDER_COUNT);
        assertThat(CLUSTER.orders().size()).isEqualTo(ORDER_COUNT);
    }

    @Test
    void sumOfAmountsIsExact() {
        SumResult result = CLUSTER.grid().compute().sum(ORDERS, "amount");

        assertThat(result.count()).isEqualTo(ORDER_COUNT);
        assertThat(result.summed()).isEqualTo(ORDER_COUNT);
        assertThat(result.sum()).isEqualByComparingTo(Orders.amountSum(ORDER_COUNT));
        assertThat(result.partitions()).isEqualTo(GridCluster.PARTITIONS);
    }

    @Test
    void sumOfANonNumericFieldFailsWithTheNodesCause() {
        assertThatThrownBy(() -> CLUSTER.grid().compute().sum(ORDERS, "customer"))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.taskName()).isEqualTo(SumTask.NAME))
                // the innermost cause from the node, without Ignite's wrapping
                .hasMessageStartingWith("Field 'customer' of map 'orders' is not numeric");
    }

    @Test
    void sumOfAFieldNoEntryHasFailsWithTheNodesCause() {
        assertThatThrownBy(() -> CLUSTER.grid().compute().sum(ORDERS, "discount"))
                .isInstanceOf(TaskFailedException.class)
                .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FIELD))
                .hasMessageStartingWith("No entry of map 'orders' has a field 'discount'. Fields of its entries: ")
                .hasMessageContaining("amount")
                .hasMessageNotContaining("Remote job threw")
                .hasMessageNotContaining("Did you mean");
    }

    @Test
    void aMisspeltFieldOrMapGetsTheClosestName() {
        assertThatThrownBy(() -> CLUSTER.grid().compute().sum(ORDERS, "amout"))
                .hasMessageStartingWith("No entry of map 'orders' has a field 'amout'. Did you mean 'amount'? Fields of its entries: ")
                .hasMessageEndingWith(".");
        assertThatThrownBy(() -> CLUSTER.grid().compute().sum("ordrs", "amount"))
                .isInstanceOf(UnknownMapException.class)
                .hasMessage("No map named 'ordrs' on the grid. Did you mean 'orders'? Maps on the grid: [customers, orders].");
    }

    @Test
    void sumOfAnUnknownMapFailsBeforeRunningAnything() {
        assertThatThrownBy(() -> CLUSTER.grid().compute().sum("nope", "amount"))
                .isInstanceOfSatisfying(UnknownMapException.class, e -> assertThat(e.mapName()).isEqualTo("nope"))
                .hasMessageContaining("Maps on the grid: [customers, orders]");
    }

    @Test
    void sumChecksItsArguments() {
        GridCompute compute = CLUSTER.grid().compute();
        assertThatThrownBy(() -> compute.sum(null, "amount")).isInstanceOf(NullPointerException.class).hasMessage("mapName must not be null");
        assertThatThrownBy(() -> compute.sum(ORDERS, null)).isInstanceOf(NullPointerException.class).hasMessage("field must not be null");
        assertThatThrownBy(() -> compute.sum(" ", "amount")).isInstanceOf(IllegalArgumentException.class).hasMessage("mapName must not be blank");
        assertThatThrownBy(() -> compute.sum(ORDERS, "")).isInstanceOf(IllegalArgumentException.class).hasMessage("field must not be blank");
    }

    @Test
    void executeRunsATaskByName() {
        List<NodeSummary> nodes = CLUSTER.grid().compute().execute(ClusterInfoTask.NAME, null);
        assertThat(nodes).hasSize(3);
    }

    @Test
    void unknownTasksFailWithAnExplanation() {
        assertThatThrownBy(() -> CLUSTER.grid().compute().execute("com.example.NoSuchTask", 42))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.taskName()).isEqualTo("com.example.NoSuchTask"))
                .hasMessageStartingWith("No task named 'com.example.NoSuchTask' on the grid nodes.");
        assertThatThrownBy(() -> CLUSTER.grid().compute().execute((String) null, 42)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CLUSTER.grid().compute().execute((io.affinitygrid.compute.TaskRef<Integer, Object>) null, 42)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CLUSTER.grid().compute().execute("  ", 42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsReportsTheSizeOfOrders() {
        assertThat(CLUSTER.grid().maps()).contains(new MapInfo(ORDERS, "PARTITIONED", 1, GridCluster.PARTITIONS, ORDER_COUNT));
    }

    @Test
    void typedCallsAnswerWhatTheShellAsks() {
        GridCompute compute = CLUSTER.grid().compute();

        List<PartitionOwners> map = compute.partitionMap(ORDERS);
        assertThat(map).hasSize(GridCluster.PARTITIONS);
        assertThat(map).allSatisfy(owners -> assertThat(CLUSTER.nodeNames()).contains(owners.primary()));

        PartitionOwners owners = compute.keyOwners(ORDERS, 7L);
        assertThat(owners.partition()).isEqualTo(CLUSTER.cluster().runningNodes().get(0).ignite().affinity(ORDERS).partition(7L));
        assertThat(owners).isEqualTo(map.get(owners.partition()));

        assertThat(compute.fieldTypes(ORDERS)).containsKeys("amount", "customer");

        assertThatThrownBy(() -> compute.partitionMap("nope")).isInstanceOfSatisfying(UnknownMapException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_MAP));
        assertThatThrownBy(() -> compute.keyOwners("nope", 1L)).isInstanceOf(UnknownMapException.class);
        assertThatThrownBy(() -> compute.fieldTypes("nope")).isInstanceOf(UnknownMapException.class);
    }

    @Test
    void catalogTasksRunByTypedReference() {
        SumResult sum = CLUSTER.grid().compute().execute(CatalogTasks.SUM, new SumArgument(ORDERS, "amount"));
        assertThat(sum.sum()).isEqualByComparingTo(Orders.amountSum(ORDER_COUNT));

        List<NodeSummary> nodes = CLUSTER.grid().compute().executeAsync(CatalogTasks.CLUSTER_INFO, null).join();
        assertThat(nodes).hasSize(CLUSTER.nodeNames().size());

        // the untyped escape hatch and the typed call name the same task
        assertThat(CLUSTER.grid().compute().<Long>execute(CatalogTasks.COUNT.name(), QueryArgument.on(ORDERS).build()))
                .isEqualTo(CLUSTER.grid().compute().execute(CatalogTasks.COUNT, QueryArgument.on(ORDERS).build()));

        @SuppressWarnings({"unchecked", "rawtypes"})
        TaskRef<Object, Long> wrongArgument = (TaskRef) CatalogTasks.COUNT;
        assertThatThrownBy(() -> CLUSTER.grid().compute().execute(wrongArgument, "orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QueryArgument");
    }
}
