package io.affinitygrid.client;

import static io.affinitygrid.client.GridCluster.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.KeyJobResult;
import io.affinitygrid.compute.PartitionOwners;
import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.AddToFieldJob;
import io.affinitygrid.compute.FieldDelta;
import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.UpdateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog of computations through the SDK, checked against results computed here from the same orders. */
class ComputeScopeTest {

    static final int COUNT = 5_000;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.threeNodes();

    private static final List<Order> ORDERS_LOADED = LongStream.range(0, COUNT).mapToObj(Orders::order).toList();

    @BeforeEach
    void loadOrders() {
        Orders.load(CLUSTER.orders(), COUNT);
    }

    private static ComputeScope orders() {
        return CLUSTER.grid().compute().on(ORDERS);
    }

    @ParameterizedTest
    @CsvSource({"amount > 500, 500", "amount <= 10.5, 10.5", "amount = 123.45, 123.45", "amount != 1, 1", "amount >= 999, 999", "amount < 0.5, 0.5"})
    void countsAndSumsWithNumericFilters(String filter, BigDecimal operand) {
        Predicate<Order> matches = order -> {
            int c = BigDecimal.valueOf(order.amount()).compareTo(operand);
            return switch (filter.split(" ")[1]) {
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case ">=" -> c >= 0;
                default -> c < 0;
            };
        };
        List<Order> expected = ORDERS_LOADED.stream().filter(matches).toList();

        assertThat(orders().where(filter).count()).isEqualTo(expected.size());
        assertThat(orders().where(filter).sum("amount").sum()).isEqualByComparingTo(sumOf(expected));
    }

    @Test
    void statsOverEveryOrder() {
        FieldStats stats = orders().stats("amount");

        assertThat(stats.count()).isEqualTo(COUNT);
        assertThat(stats.valueCount()).isEqualTo(COUNT);
        assertThat(stats.sum()).isEqualByComparingTo(sumOf(ORDERS_LOADED));
        assertThat(stats.min().doubleValue()).isEqualTo(ORDERS_LOADED.stream().mapToDouble(Order::amount).min().orElseThrow());
        assertThat(stats.max().doubleValue()).isEqualTo(ORDERS_LOADED.stream().mapToDouble(Order::amount).max().orElseThrow());
    }

    @Test
    void groupsByCustomerWithCountsAndSums() {
        Map<String, List<Order>> expected = ORDERS_LOADED.stream().collect(Collectors.groupingBy(Order::customer));

        List<GroupRow> rows = orders().groupBy("customer", "amount");

        assertThat(rows).hasSize(expected.size());
        for (GroupRow row : rows) {
            List<Order> group = expected.get((String) row.group());
            assertThat(row.count()).as("count of %s", row.group()).isEqualTo(group.size());
            assertThat(row.sum()).as("sum of %s", row.group()).isEqualByComparingTo(sumOf(group));
        }
        assertThat(rows).isSortedAccordingTo(Comparator.comparingLong(GroupRow::count).reversed());
        assertThat(orders().where("customer = customer-5").groupBy("customer")).singleElement()
                .satisfies(row -> assertThat(row.count()).isEqualTo(expected.get("customer-5").size()));
    }

    @Test
    void topAndBottomByAmount() {
        List<Double> descending = ORDERS_LOADED.stream().map(Order::amount).sorted(Comparator.reverseOrder()).toList();

        List<TopEntry> top = orders().top("amount", 5);
        List<TopEntry> bottom = orders().bottom("amount", 3);

        assertThat(top).extracting(e -> ((Number) e.rank()).doubleValue()).containsExactlyElementsOf(descending.subList(0, 5));
        assertThat(bottom).extracting(e -> ((Number) e.rank()).doubleValue())
                .containsExactlyElementsOf(ORDERS_LOADED.stream().map(Order::amount).sorted().limit(3).toList());
        TopEntry best = top.get(0);
        assertThat(best.fields()).containsEntry("amount", best.rank()).containsKey("customer");
        assertThat(Orders.order((Long) best.key()).amount()).isEqualTo(best.rank());
    }

    @Test
    void distinctCustomers() {
        assertThat(orders().distinct("customer")).isEqualTo(ORDERS_LOADED.stream().map(Order::customer).distinct().count());
    }

    @Test
    void asyncViewCompletesWithTheSameResults() throws Exception {
        AsyncComputeScope async = orders().where("amount > 900").async();

        assertThat(async.count().get(30, TimeUnit.SECONDS)).isEqualTo(orders().where("amount > 900").count());
        assertThat(async.sum("amount").get(30, TimeUnit.SECONDS).sum())
                .isEqualByComparingTo(sumOf(ORDERS_LOADED.stream().filter(o -> o.amount() > 900).toList()));
        assertThat(async.sync().count()).isEqualTo(orders().where("amount > 900").count());
    }

    @Test
    void progressReachesEveryPartition() {
        List<TaskProgress> seen = new CopyOnWriteArrayList<>();

        long count = orders().onProgress(seen::add).count();

        assertThat(count).isEqualTo(COUNT);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new TaskProgress(GridCluster.PARTITIONS, GridCluster.PARTITIONS));
        assertThat(seen).extracting(TaskProgress::done).isSorted();
    }

    @Test
    void multiplyUpdatesMatchingEntriesInPlaceOnce() {
        List<Order> matching = ORDERS_LOADED.stream().filter(o -> o.id() >= 4_000).toList();

        UpdateResult result = orders().where("id >= 4000").multiply("amount", 2);

        assertThat(result.updated()).isEqualTo(matching.size());
        assertThat(result.alreadyApplied()).isZero();
        for (Order order : matching) {
            assertThat(CLUSTER.orders().get(order.id()).amount()).isEqualTo(order.amount() * 2);
        }
        assertThat(CLUSTER.orders().get(1L).amount()).isEqualTo(Orders.order(1).amount());
    }

    @Test
    void keyJobRunsOnTheKeysPrimary() {
        Object updated = CLUSTER.grid().compute().onKey(ORDERS, 7L, AddToFieldJob.NAME, "amount:10");

        assertThat(((Number) updated).doubleValue()).isEqualTo(Orders.order(7).amount() + 10);
        assertThat(CLUSTER.orders().get(7L).amount()).isEqualTo(Orders.order(7).amount() + 10);

        // the typed reference and argument do the same
        Object typed = CLUSTER.grid().compute().onKey(ORDERS, 7L, CatalogTasks.ADD_TO_FIELD, FieldDelta.of("amount", 5));
        assertThat(((Number) typed).doubleValue()).isEqualTo(Orders.order(7).amount() + 15);
        assertThat(CLUSTER.orders().get(7L).amount()).isEqualTo(Orders.order(7).amount() + 15);

        // runOnKey also says where it ran: the key's partition, on its primary
        KeyJobResult<Object> placed = CLUSTER.grid().compute().runOnKey(ORDERS, 7L, CatalogTasks.ADD_TO_FIELD, FieldDelta.of("amount", -15));
        assertThat(((Number) placed.result()).doubleValue()).isEqualTo(Orders.order(7).amount());
        PartitionOwners owners = CLUSTER.grid().compute().keyOwners(ORDERS, 7L);
        assertThat(placed.partition()).isEqualTo(owners.partition());
        assertThat(placed.node()).isEqualTo(owners.primary());
        assertThat(CLUSTER.grid().compute().runOnKey(ORDERS, 7L, AddToFieldJob.NAME, FieldDelta.of("amount", 0)).node())
                .isEqualTo(owners.primary());
    }

    @Test
    void badRequestsFailClearlyAndChangeNothing() {
        BigDecimal before = orders().sum("amount").sum();

        assertThatThrownBy(() -> CLUSTER.grid().compute().on("nope").count()).isInstanceOf(UnknownMapException.class);
        // a typed call that names the map only in its argument: the node's code, not its words, says "unknown map"
        assertThatThrownBy(() -> CLUSTER.grid().compute().execute(CatalogTasks.COUNT, QueryArgument.on("nope").build()))
                .isInstanceOfSatisfying(UnknownMapException.class, e -> {
                    assertThat(e.mapName()).isEqualTo("nope");
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_MAP);
                });
        assertThatThrownBy(() -> orders().stats("amout")).isInstanceOfSatisfying(TaskFailedException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FIELD)).hasMessageNotContaining("[GRID-");
        assertThatThrownBy(() -> CLUSTER.grid().compute().execute(CatalogTasks.TOP, QueryArgument.on(ORDERS).field("amount").build()))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
                .hasMessageContaining("top needs a limit");
        assertThatThrownBy(() -> orders().where("amount >> 3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount >> 3");
        assertThatThrownBy(() -> orders().stats("customer")).isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("'customer'").hasMessageContaining("not numeric")
                .satisfies(e -> assertThat(((GridException) e).code()).isEqualTo(ErrorCode.BAD_FIELD));
        assertThatThrownBy(() -> orders().multiply("customer", 2)).isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("not numeric");
        assertThatThrownBy(() -> orders().where("amount > many").count()).isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> orders().top("amount", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> orders().multiply("amount", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CLUSTER.grid().compute().onKey(ORDERS, 1L, "com.example.Missing", null))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("com.example.Missing")
                .satisfies(e -> assertThat(((GridException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TASK));

        assertThat(orders().sum("amount").sum()).isEqualByComparingTo(before);
    }

    private static BigDecimal sumOf(List<Order> orders) {
        return orders.stream().map(o -> BigDecimal.valueOf(o.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
