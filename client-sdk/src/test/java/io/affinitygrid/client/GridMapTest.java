package io.affinitygrid.client;

import static io.affinitygrid.client.GridCluster.CUSTOMERS;
import static io.affinitygrid.client.GridCluster.ORDERS;
import static io.affinitygrid.client.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@link GridMap} behaves like a map, checks what it is given and what it reads, and leaks no Ignite exception. */
class GridMapTest {

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.threeNodes();

    private GridMap<Long, Order> orders;

    @BeforeEach
    void emptyOrders() {
        orders = CLUSTER.orders();
        orders.clear();
    }

    /** Ctrl-C in the shell interrupts its thread: the SDK says so in its own type, and keeps the flag set. */
    @Test
    void aWriterInterruptedWhileItWaitsGetsGridInterruptedException() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean flagSet = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = new Thread(() -> {
            java.util.Map<Long, Order> batch = new java.util.HashMap<>();
            for (long k = 0; k < 1_000; k++) {
                batch.put(k, order(k));
            }
            try {
                while (true) {
                    orders.putAll(batch);
                    batches.incrementAndGet();
                }
            }
            catch (Throwable e) {
                failure.set(e);
                flagSet.set(Thread.currentThread().isInterrupted());
            }
        });
        writer.start();
        while (batches.get() < 2) {
            Thread.sleep(5);
        }
        writer.interrupt();
        writer.join(10_000);

        assertThat(writer.isAlive()).isFalse();
        assertThat(failure.get()).isExactlyInstanceOf(GridInterruptedException.class)
                .hasMessageStartingWith("Interrupted while trying to write 1000 entries of map 'orders'");
        assertThat(flagSet).as("the interrupt flag is set again").isTrue();
    }

    @Test
    void putGetRemoveContainsSizeClear() {
        assertThat(orders.name()).isEqualTo(ORDERS);
        assertThat(orders.get(1L)).isNull();
        assertThat(orders.containsKey(1L)).isFalse();

        orders.put(1L, order(1));
        orders.put(2L, order(2));
        orders.put(2L, order(22));

        assertThat(orders.get(1L)).isEqualTo(order(1));
        assertThat(orders.get(2L)).isEqualTo(order(22));
        assertThat(orders.containsKey(1L)).isTrue();
        assertThat(orders.size()).isEqualTo(2);

        assertThat(orders.remove(1L)).isTrue();
        assertThat(orders.remove(1L)).isFalse();
        assertThat(orders.get(1L)).isNull();
        assertThat(orders.size()).isEqualTo(1);

        orders.clear();
        assertThat(orders.size()).isZero();
        assertThat(orders.containsKey(2L)).isFalse();
    }

    @Test
    void putAllGetAllRemoveAll() {
        Map<Long, Order> entries = new HashMap<>();
        for (long id = 0; id < 500; id++) {
            entries.put(id, order(id));
        }
        orders.putAll(entries);

        assertThat(orders.size()).isEqualTo(500);
        Map<Long, Order> read = orders.getAll(Orders.keys(490, 510));
        assertThat(read).hasSize(10).containsEntry(495L, order(495)).doesNotContainKey(500L);
        assertThat(orders.getAll(Set.of())).isEmpty();

        orders.removeAll(List.copyOf(Orders.keys(0, 250)));
        assertThat(orders.size()).isEqualTo(250);
        assertThat(orders.containsKey(249L)).isFalse();
        assertThat(orders.containsKey(250L)).isTrue();

        orders.putAll(Map.of());
        orders.removeAll(List.of());
        assertThat(orders.size()).isEqualTo(250);
    }

    @Test
    void primitiveTypesStandForTheirWrappers() {
        GridMap<Long, Order> view = CLUSTER.grid().map(ORDERS, long.class, Order.class);
        view.put(7L, order(7));
        assertThat(orders.get(7L)).isEqualTo(order(7));
    }

    @Test
    void nullKeysAndValuesAreRejectedWithAMessage() {
        assertThatThrownBy(() -> orders.get(null)).isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
        assertThatThrownBy(() -> orders.put(null, order(1))).isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
        assertThatThrownBy(() -> orders.put(1L, null)).isInstanceOf(NullPointerException.class).hasMessage("value must not be null");
        assertThatThrownBy(() -> orders.remove(null)).isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
        assertThatThrownBy(() -> orders.containsKey(null)).isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
        assertThatThrownBy(() -> orders.getAll(null)).isInstanceOf(NullPointerException.class).hasMessage("keys must not be null");
        assertThatThrownBy(() -> orders.removeAll(null)).isInstanceOf(NullPointerException.class).hasMessage("keys must not be null");
        assertThatThrownBy(() -> orders.putAll(null)).isInstanceOf(NullPointerException.class).hasMessage("entries must not be null");

        Set<Long> keysWithNull = new HashSet<>(Set.of(1L));
        keysWithNull.add(null);
        assertThatThrownBy(() -> orders.getAll(keysWithNull)).isInstanceOf(NullPointerException.class).hasMessage("key must not be null");

        Map<Long, Order> entriesWithNullValue = new HashMap<>(Map.of(1L, order(1)));
        entriesWithNullValue.put(2L, null);
        assertThatThrownBy(() -> orders.putAll(entriesWithNullValue)).isInstanceOf(NullPointerException.class).hasMessage("value must not be null");

        assertThat(orders.size()).as("nothing was sent").isZero();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void wrongKeyOrValueTypesAreRejectedAndNothingIsStored() {
        GridMap raw = orders;

        assertThatThrownBy(() -> raw.put("1", order(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map 'orders' takes keys of type java.lang.Long, not java.lang.String (key 1)");
        assertThatThrownBy(() -> raw.put(1L, "not an order"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map 'orders' takes values of type io.affinitygrid.client.Order, not java.lang.String");
        assertThatThrownBy(() -> raw.putAll(Map.of(1L, order(1), 2, order(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not java.lang.Integer");
        assertThatThrownBy(() -> raw.get(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> raw.removeAll(List.of(1L, "2"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(orders.size()).as("nothing was stored").isZero();
        assertThat(orders.containsKey(1L)).isFalse();
    }

    @Test
    void readingAValueOfAnotherTypeFailsWithAnExplanation() {
        orders.put(1L, order(1));
        GridMap<Long, String> strings = CLUSTER.grid().map(ORDERS, Long.class, String.class);

        assertThatThrownBy(() -> strings.get(1L))
                .isExactlyInstanceOf(GridException.class)
                .hasMessage("map 'orders' holds io.affinitygrid.client.Order values under key 1, not java.lang.String");
        assertThatThrownBy(() -> strings.getAll(Set.of(1L)))
                .isExactlyInstanceOf(GridException.class)
                .hasMessageContaining("under key 1, not java.lang.String");
    }

    @Test
    void recordValuesAreRejectedWithAGridException() {
        record Line(long id, String text) {
        }
        GridMap<Long, Line> lines = CLUSTER.grid().map(ORDERS, Long.class, Line.class);

        // Ignite 2.18's binary marshaller cannot write records; the SDK must not leak its raw exception
        assertThatThrownBy(() -> lines.put(1L, new Line(1, "one")))
                .isExactlyInstanceOf(GridException.class)
                .hasMessageStartingWith("Cannot write key 1 of map 'orders': ")
                .hasMessageContaining("record");
    }

    @Test
    void unknownMapsAreReportedWithTheMapsThatExist() {
        assertThatThrownBy(() -> CLUSTER.grid().map("nope", Long.class, Order.class))
                .isInstanceOfSatisfying(UnknownMapException.class, e -> assertThat(e.mapName()).isEqualTo("nope"))
                .hasMessage("No map named 'nope' on the grid. Maps on the grid: [customers, orders].");
        assertThatThrownBy(() -> CLUSTER.grid().map(null, Long.class, Order.class)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CLUSTER.grid().map(ORDERS, null, Order.class)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CLUSTER.grid().map(ORDERS, Long.class, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aMapDestroyedAfterItsViewWasTakenIsReportedAsUnknown() {
        CLUSTER.cluster().node(0).ignite().createCache("temporary");
        GridMap<Long, String> temporary = CLUSTER.grid().map("temporary", Long.class, String.class);
        temporary.put(1L, "one");
        CLUSTER.cluster().node(0).ignite().destroyCache("temporary");

        assertThatThrownBy(() -> temporary.get(1L))
                .isInstanceOfSatisfying(UnknownMapException.class, e -> assertThat(e.mapName()).isEqualTo("temporary"))
                .hasMessageStartingWith("No map named 'temporary' on the grid.");
        assertThatThrownBy(temporary::size).isInstanceOf(UnknownMapException.class);
    }

    @Test
    void mapNamesAndMapDescriptions() {
        Orders.load(orders, 1_500);

        assertThat(CLUSTER.grid().mapNames()).containsExactly(CUSTOMERS, ORDERS);
        assertThat(CLUSTER.grid().maps()).containsExactly(
                new MapInfo(CUSTOMERS, "REPLICATED", 2, GridCluster.PARTITIONS, 0),
                new MapInfo(ORDERS, "PARTITIONED", 1, GridCluster.PARTITIONS, 1_500));
    }

    @Test
    void oneViewServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long first = t * 250L;
                writers.add(pool.submit(() -> {
                    for (long id = first; id < first + 250; id++) {
                        orders.put(id, order(id));
                        assertThat(orders.get(id)).isEqualTo(order(id));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(orders.size()).isEqualTo(1_000);
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() {
        Grid grid = Grid.connect(CLUSTER.config());
        GridMap<Long, Order> view = grid.map(ORDERS, Long.class, Order.class);
        view.put(1L, order(1));

        grid.close();
        grid.close();

        Collection<Runnable> calls = List.of(
                () -> view.get(1L), () -> view.put(2L, order(2)), view::size, view::clear,
                grid::mapNames, grid::maps, grid::topology,
                () -> grid.map(ORDERS, Long.class, Order.class),
                () -> grid.compute().sum(ORDERS, "amount"));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isExactlyInstanceOf(GridException.class).hasMessage("grid connection is closed");
        }
        assertThat(orders.get(1L)).as("the shared grid is still open").isEqualTo(order(1));
    }
}
