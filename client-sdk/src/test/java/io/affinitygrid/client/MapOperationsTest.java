package io.affinitygrid.client;

import static io.affinitygrid.client.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every map operation, through the blocking and the asynchronous view, with and without a near cache:
 * one behaviour, four configurations. The asynchronous view is driven through {@link Blocking}, which
 * waits for its futures and rethrows the SDK exception they failed with, so that the assertions are shared.
 */
class MapOperationsTest {

    @RegisterExtension
    static final SharedGridCluster CLUSTER = new SharedGridCluster();

    static String mapName;
    static Grid nearGrid;

    /** The view under test. */
    enum Flavor {
        SYNC(false, false), ASYNC(true, false), NEAR_CACHE_SYNC(false, true), NEAR_CACHE_ASYNC(true, true);

        final boolean async;
        final boolean nearCache;

        Flavor(boolean async, boolean nearCache) {
            this.async = async;
            this.nearCache = nearCache;
        }
    }

    @BeforeAll
    static void connect() {
        mapName = CLUSTER.createMap("ops");
        nearGrid = Grid.connect(CLUSTER.config().nearCache(mapName, NearCacheConfig.defaults()).build());
    }

    @AfterAll
    static void disconnect() {
        if (nearGrid != null) {
            nearGrid.close();
        }
    }

    /** The flavor's view of the test map, emptied. */
    private static Blocking<Long, Order> orders(Flavor flavor) {
        Grid grid = flavor.nearCache ? nearGrid : CLUSTER.grid();
        Blocking<Long, Order> orders = new Blocking<>(grid.map(mapName, Long.class, Order.class), flavor.async);
        orders.clear();
        return orders;
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void putGetRemoveContainsSizeClear(Flavor flavor) {
        Blocking<Long, Order> orders = orders(flavor);
        assertThat(orders.get(1L)).isNull();
        assertThat(orders.containsKey(1L)).isFalse();

        orders.put(1L, order(1));
        orders.put(2L, order(2));
        orders.put(2L, order(22));

        assertThat(orders.get(1L)).isEqualTo(order(1));
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
        assertThat(orders.get(2L)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void conditionalWritesAreAtomicAndCompareValuesByContent(Flavor flavor) {
        Blocking<Long, Order> orders = orders(flavor);

        assertThat(orders.replace(1L, order(1))).as("replace of an absent key").isFalse();
        assertThat(orders.putIfAbsent(1L, order(1))).isTrue();
        assertThat(orders.putIfAbsent(1L, order(2))).isFalse();
        assertThat(orders.get(1L)).isEqualTo(order(1));

        // an equal, distinct instance as the expected value
        assertThat(orders.replace(1L, order(3), order(4))).as("compare-and-set, wrong expected value").isFalse();
        assertThat(orders.get(1L)).isEqualTo(order(1));
        assertThat(orders.replace(1L, order(1), order(4))).as("compare-and-set").isTrue();
        assertThat(orders.get(1L)).isEqualTo(order(4));
        assertThat(orders.replace(1L, order(5))).isTrue();
        assertThat(orders.get(1L)).isEqualTo(order(5));

        assertThat(orders.getAndPut(1L, order(6))).isEqualTo(order(5));
        assertThat(orders.getAndPut(2L, order(2))).isNull();
        assertThat(orders.get(1L)).isEqualTo(order(6));

        assertThat(orders.remove(1L, order(5))).isFalse();
        assertThat(orders.remove(1L, order(6))).isTrue();
        assertThat(orders.get(1L)).isNull();

        assertThat(orders.getAndRemove(2L)).isEqualTo(order(2));
        assertThat(orders.getAndRemove(2L)).isNull();
        assertThat(orders.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void putAllGetAllRemoveAll(Flavor flavor) {
        Blocking<Long, Order> orders = orders(flavor);
        Map<Long, Order> entries = new HashMap<>();
        for (long id = 0; id < 300; id++) {
            entries.put(id, order(id));
        }
        orders.putAll(entries);

        assertThat(orders.size()).isEqualTo(300);
        assertThat(orders.getAll(Orders.keys(290, 310))).hasSize(10).containsEntry(295L, order(295)).doesNotContainKey(300L);
        assertThat(orders.getAll(Orders.keys(290, 310))).as("again, from the near cache if any").hasSize(10);
        assertThat(orders.getAll(Set.of())).isEmpty();

        orders.removeAll(List.copyOf(Orders.keys(0, 295)));
        assertThat(orders.size()).isEqualTo(5);
        assertThat(orders.getAll(Orders.keys(290, 300))).containsOnlyKeys(295L, 296L, 297L, 298L, 299L);

        orders.putAll(Map.of());
        orders.removeAll(List.of());
        assertThat(orders.size()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void nullKeysAndValuesAreRejectedBeforeAnythingIsSent(Flavor flavor) {
        Blocking<Long, Order> orders = orders(flavor);
        List<Runnable> calls = List.of(
                () -> orders.get(null), () -> orders.put(null, order(1)), () -> orders.remove(null),
                () -> orders.containsKey(null), () -> orders.putIfAbsent(null, order(1)), () -> orders.replace(null, order(1)),
                () -> orders.replace(null, order(1), order(2)), () -> orders.getAndPut(null, order(1)),
                () -> orders.getAndRemove(null), () -> orders.remove(null, order(1)));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
        }
        List<Runnable> valueCalls = List.of(
                () -> orders.put(1L, null), () -> orders.putIfAbsent(1L, null), () -> orders.replace(1L, null),
                () -> orders.replace(1L, null, order(1)), () -> orders.replace(1L, order(1), null),
                () -> orders.getAndPut(1L, null), () -> orders.remove(1L, null));
        for (Runnable call : valueCalls) {
            assertThatThrownBy(call::run).isInstanceOf(NullPointerException.class).hasMessage("value must not be null");
        }
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

    @ParameterizedTest
    @EnumSource(Flavor.class)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void wrongTypesAreRejectedBeforeAnythingIsSent(Flavor flavor) {
        Blocking raw = orders(flavor);

        assertThatThrownBy(() -> raw.put("1", order(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map '" + mapName + "' takes keys of type java.lang.Long, not java.lang.String (key 1)");
        assertThatThrownBy(() -> raw.putIfAbsent(1L, "not an order"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("map '" + mapName + "' takes values of type io.affinitygrid.client.Order, not java.lang.String");
        assertThatThrownBy(() -> raw.replace(1L, "not an order", order(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> raw.get(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> raw.getAll(Set.of(1L, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> raw.putAll(Map.of(1L, order(1), 2, order(2)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> raw.removeAll(List.of(1L, "2"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(raw.size()).as("nothing was stored").isEqualTo(0L);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void readingAValueOfAnotherTypeFailsWithAGridException(Flavor flavor) {
        orders(flavor).put(1L, order(1));
        Grid grid = flavor.nearCache ? nearGrid : CLUSTER.grid();
        Blocking<Long, String> strings = new Blocking<>(grid.map(mapName, Long.class, String.class), flavor.async);

        String message = "map '" + mapName + "' holds io.affinitygrid.client.Order values under key 1, not java.lang.String";
        assertThatThrownBy(() -> strings.get(1L)).isExactlyInstanceOf(GridException.class).hasMessage(message);
        assertThatThrownBy(() -> strings.getAll(Set.of(1L))).isExactlyInstanceOf(GridException.class).hasMessage(message);
        assertThatThrownBy(() -> strings.getAndRemove(1L)).isExactlyInstanceOf(GridException.class).hasMessage(message);
        assertThat(strings.containsKey(1L)).as("removed all the same, as documented").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aDestroyedMapIsReportedAsUnknown(Flavor flavor) {
        String temporary = CLUSTER.createMap("temporary");
        try (Grid grid = Grid.connect(CLUSTER.config().nearCache(temporary, NearCacheConfig.defaults()).build())) {
            Grid viewing = flavor.nearCache ? grid : CLUSTER.grid();
            Blocking<Long, String> map = new Blocking<>(viewing.map(temporary, Long.class, String.class), flavor.async);
            map.put(1L, "one");
            CLUSTER.server(0).destroyCache(temporary);

            assertThatThrownBy(() -> map.get(2L))
                    .isInstanceOfSatisfying(UnknownMapException.class, e -> assertThat(e.mapName()).isEqualTo(temporary))
                    .hasMessageStartingWith("No map named '" + temporary + "' on the grid.");
            assertThatThrownBy(map::size).isInstanceOf(UnknownMapException.class);
            assertThatThrownBy(() -> map.putIfAbsent(3L, "three")).isInstanceOf(UnknownMapException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void everyCallOnAClosedGridFails(Flavor flavor) {
        Grid grid = Grid.connect(CLUSTER.config().nearCache(mapName, NearCacheConfig.defaults()).build());
        Grid viewing = flavor.nearCache ? grid : Grid.connect(CLUSTER.config().build());
        Blocking<Long, Order> orders = new Blocking<>(viewing.map(mapName, Long.class, Order.class), flavor.async);
        orders.put(1L, order(1));
        orders.get(1L);
        grid.close();
        viewing.close();

        List<Runnable> calls = List.of(() -> orders.get(1L), () -> orders.put(2L, order(2)), orders::size, orders::clear,
                () -> orders.getAll(Set.of(1L)), () -> orders.putIfAbsent(3L, order(3)), () -> orders.containsKey(1L));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isExactlyInstanceOf(GridException.class).hasMessage("grid connection is closed");
        }
    }

    /**
     * A request the grid does not answer within the request timeout fails with {@link GridTimeoutException}:
     * here a write to a key that a server node holds locked. The asynchronous view returns at once.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRequestWithNoAnswerWithinTheRequestTimeoutFailsWithGridTimeoutException(boolean async) throws Exception {
        String locked = "locked-" + async;
        CLUSTER.server(0).getOrCreateCache(new CacheConfiguration<>(locked).setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL));
        Lock lock = CLUSTER.server(0).cache(locked).lock(1L);
        lock.lock();
        try (Grid grid = Grid.connect(CLUSTER.config().requestTimeout(Duration.ofMillis(500)).build())) {
            GridMap<Long, String> map = grid.map(locked, Long.class, String.class);
            if (async) {
                long started = System.nanoTime();
                CompletableFuture<Void> put = map.async().put(1L, "blocked");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("returned at once").isLessThan(Duration.ofMillis(400));
                assertThatThrownBy(() -> put.get(10, TimeUnit.SECONDS))
                        .cause()
                        .isInstanceOfSatisfying(GridTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500)))
                        .hasMessage("Cannot write key 1 of map '" + locked + "': no answer within the request timeout of 500 ms");
            }
            else {
                assertThatThrownBy(() -> map.put(1L, "blocked"))
                        .isInstanceOf(GridTimeoutException.class)
                        .hasMessage("Cannot write key 1 of map '" + locked + "': no answer within the request timeout of 500 ms");
            }
        }
        finally {
            lock.unlock();
            CLUSTER.server(0).destroyCache(locked);
        }
    }

    @Test
    void theTwoViewsHandOutEachOther() {
        GridMap<Long, Order> orders = CLUSTER.grid().map(mapName, Long.class, Order.class);
        assertThat(orders.async().sync()).isSameAs(orders);
        assertThat(orders.async()).isSameAs(orders.async());
        assertThat(orders.async().name()).isEqualTo(mapName);
        assertThat(orders.async()).hasToString("AsyncGridMap[" + mapName + ", java.lang.Long -> io.affinitygrid.client.Order]");
    }

    /**
     * One map through either view, with blocking calls: the asynchronous view's futures are waited for,
     * and the exception a future failed with is rethrown as is.
     */
    static final class Blocking<K, V> {

        private final GridMap<K, V> map;
        private final AsyncGridMap<K, V> async;

        Blocking(GridMap<K, V> map, boolean async) {
            this.map = map;
            this.async = async ? map.async() : null;
        }

        V get(K key) {
            return async == null ? map.get(key) : join(() -> async.get(key));
        }

        Map<K, V> getAll(Set<? extends K> keys) {
            return async == null ? map.getAll(keys) : join(() -> async.getAll(keys));
        }

        void put(K key, V value) {
            if (async == null) {
                map.put(key, value);
            }
            else {
                join(() -> async.put(key, value));
            }
        }

        void putAll(Map<? extends K, ? extends V> entries) {
            if (async == null) {
                map.putAll(entries);
            }
            else {
                join(() -> async.putAll(entries));
            }
        }

        boolean putIfAbsent(K key, V value) {
            return async == null ? map.putIfAbsent(key, value) : join(() -> async.putIfAbsent(key, value));
        }

        boolean replace(K key, V value) {
            return async == null ? map.replace(key, value) : join(() -> async.replace(key, value));
        }

        boolean replace(K key, V expected, V value) {
            return async == null ? map.replace(key, expected, value) : join(() -> async.replace(key, expected, value));
        }

        V getAndPut(K key, V value) {
            return async == null ? map.getAndPut(key, value) : join(() -> async.getAndPut(key, value));
        }

        V getAndRemove(K key) {
            return async == null ? map.getAndRemove(key) : join(() -> async.getAndRemove(key));
        }

        boolean remove(K key) {
            return async == null ? map.remove(key) : join(() -> async.remove(key));
        }

        boolean remove(K key, V expected) {
            return async == null ? map.remove(key, expected) : join(() -> async.remove(key, expected));
        }

        void removeAll(Collection<? extends K> keys) {
            if (async == null) {
                map.removeAll(keys);
            }
            else {
                join(() -> async.removeAll(keys));
            }
        }

        boolean containsKey(K key) {
            return async == null ? map.containsKey(key) : join(() -> async.containsKey(key));
        }

        long size() {
            return async == null ? map.size() : join(async::size);
        }

        void clear() {
            if (async == null) {
                map.clear();
            }
            else {
                join(async::clear);
            }
        }

        private static <T> T join(Supplier<CompletableFuture<T>> call) {
            CompletableFuture<T> future = call.get();
            try {
                return future.join();
            }
            catch (CompletionException e) {
                assertThat(e.getCause()).as("the future failed with an SDK exception").isInstanceOf(GridException.class);
                throw (GridException) e.getCause();
            }
        }
    }
}
