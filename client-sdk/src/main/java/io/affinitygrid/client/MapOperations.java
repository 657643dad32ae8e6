package io.affinitygrid.client;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.cache.Cache;

import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.client.ClientCache;

/**
 * The operations of one map, each defined once for both views ({@link ThinClientGridMap} and
 * {@link ThinClientAsyncGridMap}): the checks of its keys and values, the near cache, its request to the grid,
 * how the answer becomes the result, and what it invalidates. Each method checks its arguments (throwing at once)
 * and returns an {@link Operation}, which a view runs: the blocking view {@link Operation#await awaits} it on the
 * caller's thread, the asynchronous one {@link Operation#start starts} it (see {@link Requests}). Immutable and
 * thread-safe. Checks every key and value before sending anything, checks the type of every value it reads
 * (near-cache hits included), and records every run in the map's meters.
 *
 * <p>With a near cache: a read serves a hit from it, and on a miss takes a stamp before asking the grid
 * and stores the answer only if no invalidation came in between (see {@link NearCache}); every write
 * invalidates the keys it wrote once the grid answered (or failed), before returning, so that this
 * client reads its own writes.
 */
final class MapOperations<K, V> {

    /** Entries a partition scan fetches per round trip. */
    private static final int SCAN_PAGE_SIZE = 1024;

    private final String name;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final ClientCache<Object, Object> cache;
    /** The map's near cache, or {@code null} when it has none. */
    private final NearCache near;
    private final GridMetrics.OperationMetrics metrics;
    private final Requests requests;
    private final ValueSizeLimit valueSizes;
    private final ValueCodec codec;

    MapOperations(String name, Class<K> keyType, Class<V> valueType, ClientCache<Object, Object> cache, NearCache near,
            GridMetrics.OperationMetrics metrics, Requests requests, ValueSizeLimit valueSizes) {
        this(name, keyType, valueType, cache, near, metrics, requests, valueSizes, ValueCodec.IDENTITY);
    }

    /** With {@code codec} converting the values written and read (the near cache, if any, holds the stored form). */
    MapOperations(String name, Class<K> keyType, Class<V> valueType, ClientCache<Object, Object> cache, NearCache near,
            GridMetrics.OperationMetrics metrics, Requests requests, ValueSizeLimit valueSizes, ValueCodec codec) {
        this.codec = codec;
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
        this.cache = cache;
        this.near = near;
        this.metrics = metrics;
        this.requests = requests;
        this.valueSizes = valueSizes;
    }

    String name() {
        return name;
    }

    /** The near cache, or {@code null}. */
    NearCache nearCache() {
        return near;
    }

    @Override
    public String toString() {
        return "GridMap[" + name + ", " + keyType.getName() + " -> " + valueType.getName() + (near == null ? "" : ", near cache") + "]";
    }

    // ---- the operations

    Operation<V> get(K key) {
        checkKey(key);
        return operation("get", () -> {
            Request<Object> read = request(() -> cache.get(key), () -> cache.getAsync(key));
            if (near == null) {
                return remote(onKey("read", key), read, value -> checkReadOrNull(key, value), null);
            }
            Object cached = near.getIfPresent(key);
            if (cached != null) {
                return served(() -> checkRead(key, cached));
            }
            long stamp = near.stamp(key);
            return remote(onKey("read", key), read, value -> storeRead(key, value, stamp), null);
        });
    }

    Operation<Map<K, V>> getAll(Set<? extends K> keys) {
        Set<Object> checked = checkKeys(keys);
        return operation("getAll", () -> {
            Map<K, V> result = new HashMap<>(checked.size() * 4 / 3 + 1);
            Map<Object, Long> stamps = near == null ? null : servedFromNearCache(checked, result);
            Set<Object> missing = stamps == null ? checked : stamps.keySet();
            if (missing.isEmpty()) {
                return served(() -> result);
            }
            return remote(onEach("read", missing, "keys"), request(() -> cache.getAll(missing), () -> cache.getAllAsync(missing)),
                    values -> {
                        addRead(result, values, stamps);
                        return result;
                    }, null);
        });
    }

    Operation<Void> put(K key, V given) {
        checkKey(key);
        Object value = checkValue(given);
        return writeKey("put", key, onKey("write", key), request(() -> {
            cache.put(key, value);
            return null;
        }, () -> cache.putAsync(key, value)), Function.identity());
    }

    Operation<Void> putAll(Map<? extends K, ? extends V> entries) {
        Map<Object, Object> checked = checkEntries(entries);
        if (checked.isEmpty()) {
            return nothing();
        }
        return operation("putAll", () -> remote(onEach("write", checked.keySet(), "entries"), request(() -> {
            cache.putAll(checked);
            return null;
        }, () -> cache.putAllAsync(checked)), Function.identity(), () -> invalidate(checked.keySet())));
    }

    Operation<Boolean> putIfAbsent(K key, V given) {
        checkKey(key);
        Object value = checkValue(given);
        return writeKey("putIfAbsent", key, onKey("write", key),
                request(() -> cache.putIfAbsent(key, value), () -> cache.putIfAbsentAsync(key, value)), Function.identity());
    }

    Operation<Boolean> replace(K key, V given) {
        checkKey(key);
        Object value = checkValue(given);
        return writeKey("replace", key, onKey("write", key),
                request(() -> cache.replace(key, value), () -> cache.replaceAsync(key, value)), Function.identity());
    }

    Operation<Boolean> replace(K key, V givenExpected, V given) {
        checkKey(key);
        Object expected = checkValue(givenExpected);
        Object value = checkValue(given);
        return writeKey("replaceIfEquals", key, onKey("write", key),
                request(() -> cache.replace(key, expected, value), () -> cache.replaceAsync(key, expected, value)), Function.identity());
    }

    Operation<V> getAndPut(K key, V given) {
        checkKey(key);
        Object value = checkValue(given);
        return writeKey("getAndPut", key, onKey("write", key),
                request(() -> cache.getAndPut(key, value), () -> cache.getAndPutAsync(key, value)), previous -> checkReadOrNull(key, previous));
    }

    Operation<V> getAndRemove(K key) {
        checkKey(key);
        return writeKey("getAndRemove", key, onKey("remove", key),
                request(() -> cache.getAndRemove(key), () -> cache.getAndRemoveAsync(key)), previous -> checkReadOrNull(key, previous));
    }

    Operation<Boolean> remove(K key) {
        checkKey(key);
        return writeKey("remove", key, onKey("remove", key),
                request(() -> cache.remove(key), () -> cache.removeAsync(key)), Function.identity());
    }

    Operation<Boolean> remove(K key, V givenExpected) {
        checkKey(key);
        Object expected = checkValue(givenExpected);
        return writeKey("removeIfEquals", key, onKey("remove", key),
                request(() -> cache.remove(key, expected), () -> cache.removeAsync(key, expected)), Function.identity());
    }

    Operation<Void> removeAll(Collection<? extends K> keys) {
        Set<Object> checked = checkKeys(keys);
        if (checked.isEmpty()) {
            return nothing();
        }
        return operation("removeAll", () -> remote(onEach("remove", checked, "keys"), request(() -> {
            cache.removeAll(checked);
            return null;
        }, () -> cache.removeAllAsync(checked)), Function.identity(), () -> invalidate(checked)));
    }

    Operation<Boolean> containsKey(K key) {
        checkKey(key);
        return operation("containsKey", () -> {
            if (near != null && near.getIfPresent(key) != null) {
                return served(() -> true);
            }
            return remote(onKey("look up", key), request(() -> cache.containsKey(key), () -> cache.containsKeyAsync(key)),
                    Function.identity(), null);
        });
    }

    Operation<Long> size() {
        return operation("size", () -> remote(onMap("count the entries of"),
                request(() -> cache.size(CachePeekMode.PRIMARY), () -> cache.sizeAsync(CachePeekMode.PRIMARY)), Integer::longValue, null));
    }

    /**
     * removeAll() rather than clear(): Ignite's clear() bypasses listeners and continuous queries, which would leave
     * near caches holding removed entries.
     */
    Operation<Void> clear() {
        return operation("clear", () -> remote(onMap("clear"), request(() -> {
            cache.removeAll();
            return null;
        }, cache::removeAllAsync), Function.identity(), this::invalidateAll));
    }

    /**
     * Every entry, read one partition at a time (of {@code partitions}) when the stream reaches it; see
     * {@link GridMap#entries()}.
     */
    Stream<Map.Entry<K, V>> entries(IntSupplier partitions) {
        return IntStream.range(0, partitions.getAsInt()).boxed().flatMap(partition -> partition(partition).stream());
    }

    private List<Map.Entry<K, V>> partition(int partition) {
        List<Cache.Entry<Object, Object>> read = requests.call(name, () -> "scan partition " + partition + " of map '" + name + "'",
                () -> cache.query(new ScanQuery<Object, Object>().setPartition(partition).setPageSize(SCAN_PAGE_SIZE)).getAll());
        List<Map.Entry<K, V>> entries = new ArrayList<>(read.size());
        for (Cache.Entry<Object, Object> entry : read) {
            Object key = entry.getKey();
            if (!keyType.isInstance(key)) {
                throw new GridException("map '" + name + "' holds a key of type " + key.getClass().getName() + " (" + key
                        + "), not " + keyType.getName());
            }
            entries.add(new AbstractMap.SimpleImmutableEntry<>(keyType.cast(key), checkRead(key, entry.getValue())));
        }
        return entries;
    }

    // ---- how an operation runs

    /** One request of the thin client, in its blocking and its asynchronous form. */
    private record Request<T>(Supplier<T> blocking, Supplier<? extends CompletionStage<T>> async) {
    }

    private static <T> Request<T> request(Supplier<T> blocking, Supplier<? extends CompletionStage<T>> async) {
        return new Request<>(blocking, async);
    }

    /**
     * What one run of an operation does: answers at once (from the near cache) when {@code request} is null, else
     * sends {@code request}, runs {@code after} once the grid answered or failed, and turns the answer into the
     * result with {@code then}.
     */
    private final class Plan<T, R> {

        private final Supplier<String> action;
        private final Request<T> request;
        private final Function<? super T, ? extends R> then;
        private final Runnable after;

        Plan(Supplier<String> action, Request<T> request, Function<? super T, ? extends R> then, Runnable after) {
            this.action = action;
            this.request = request;
            this.then = then;
            this.after = after;
        }

        R await() {
            if (request == null) {
                return then.apply(null);
            }
            T answer;
            try {
                answer = requests.call(name, action, request.blocking());
            }
            finally {
                if (after != null) {
                    after.run();
                }
            }
            return then.apply(answer);
        }

        void start(Pending<R> result) {
            if (request == null) {
                R value;
                try {
                    value = then.apply(null);
                }
                catch (GridException e) {
                    result.fail(e);
                    return;
                }
                result.succeed(value);
                return;
            }
            requests.send(result, name, action, request.async(), then, after);
        }
    }

    private <T, R> Plan<T, R> remote(Supplier<String> action, Request<T> request, Function<? super T, ? extends R> then,
            Runnable after) {
        return new Plan<>(action, request, then, after);
    }

    private <R> Plan<Void, R> served(Supplier<R> value) {
        return new Plan<>(null, null, ignored -> value.get(), null);
    }

    /**
     * One operation, its arguments checked, ready to be run once by either view; its time and failure are
     * recorded in the meters, and a failure saying the map is gone empties the near cache.
     */
    final class Operation<R> {

        /** The operation's name in the meters; {@code null} when there is nothing to do. */
        private final String operation;
        /** Plans the run: consults the near cache, or chooses the request. */
        private final Supplier<Plan<?, R>> plan;

        private Operation(String operation, Supplier<Plan<?, R>> plan) {
            this.operation = operation;
            this.plan = plan;
        }

        /** Runs on the caller's thread, the request being the thin client's blocking call. */
        R await() {
            if (operation == null) {
                return null;
            }
            long start = metrics.start();
            R result;
            try {
                result = plan.get().await();
            }
            catch (RuntimeException e) {
                metrics.record(operation, start, e);
                onFailure(e);
                throw e;
            }
            metrics.record(operation, start, null);
            return result;
        }

        /** Starts the run, the request being the thin client's asynchronous call; returns its future. */
        CompletableFuture<R> start() {
            if (operation == null) {
                return CompletableFuture.completedFuture(null);
            }
            long start = metrics.start();
            Pending<R> result = new Pending<>((value, failure) -> {
                metrics.record(operation, start, failure);
                if (failure != null) {
                    onFailure(failure);
                }
            });
            Plan<?, R> planned;
            try {
                planned = plan.get();
            }
            catch (GridException e) {
                result.fail(e);
                return result;
            }
            planned.start(result);
            return result;
        }
    }

    private <R> Operation<R> operation(String operation, Supplier<Plan<?, R>> plan) {
        return new Operation<>(operation, plan);
    }

    /** An operation with nothing to send (no keys): it records nothing and its result is {@code null}. */
    private <R> Operation<R> nothing() {
        return new Operation<>(null, null);
    }

    /** A write of one key, dropped from the near cache once the grid answered or failed. */
    private <T, R> Operation<R> writeKey(String operation, Object key, Supplier<String> action, Request<T> request,
            Function<? super T, ? extends R> then) {
        return operation(operation, () -> remote(action, request, then, () -> invalidate(key)));
    }

    /** A destroyed map empties the near cache: a map created later under its name is not listened to. */
    private void onFailure(RuntimeException failure) {
        if (near != null && failure instanceof UnknownMapException) {
            near.reset();
        }
    }

    // ---- the near cache

    private void invalidate(Object key) {
        if (near != null) {
            near.invalidate(key);
        }
    }

    private void invalidate(Collection<Object> keys) {
        if (near != null) {
            for (Object key : keys) {
                near.invalidate(key);
            }
        }
    }

    private void invalidateAll() {
        if (near != null) {
            near.invalidateAll();
        }
    }

    /**
     * Puts the near cache's values of {@code keys} into {@code result}.
     *
     * @return the stamps of the keys it lacks, in the iteration order of {@code keys}
     */
    private Map<Object, Long> servedFromNearCache(Set<Object> keys, Map<K, V> result) {
        Map<Object, Long> stamps = new HashMap<>();
        for (Object key : keys) {
            Object cached = near.getIfPresent(key);
            if (cached != null) {
                result.put(keyType.cast(key), checkRead(key, cached));
            }
            else {
                stamps.put(key, near.stamp(key));
            }
        }
        return stamps;
    }

    /** Checks a value read from the grid and stores it in the near cache if the stamp allows. */
    private V storeRead(Object key, Object value, long stamp) {
        if (value == null) {
            return null;
        }
        V checked = checkRead(key, value);
        near.store(key, value, stamp);
        return checked;
    }

    private void addRead(Map<K, V> result, Map<Object, Object> values, Map<Object, Long> stamps) {
        for (Map.Entry<Object, Object> entry : values.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            Object key = entry.getKey();
            V value = stamps == null ? checkRead(key, entry.getValue())
                    : storeRead(key, entry.getValue(), stamps.getOrDefault(key, NearCache.NO_STAMP));
            result.put(keyType.cast(key), value);
        }
    }

    // ---- what a request does, for the message of its failure (built only on failure)

    /** E.g. "read key 5 of map 'orders'". */
    private Supplier<String> onKey(String verb, Object key) {
        return () -> verb + " key " + key + " of map '" + name + "'";
    }

    /** E.g. "write 3 entries of map 'orders'". */
    private Supplier<String> onEach(String verb, Collection<?> items, String noun) {
        return () -> verb + " " + items.size() + " " + noun + " of map '" + name + "'";
    }

    /** E.g. "clear map 'orders'". */
    private Supplier<String> onMap(String verb) {
        return () -> verb + " map '" + name + "'";
    }

    // ---- checks

    private void checkKey(Object key) {
        if (key == null) {
            throw new NullPointerException("key must not be null");
        }
        if (!keyType.isInstance(key)) {
            throw new IllegalArgumentException("map '" + name + "' takes keys of type " + keyType.getName()
                    + ", not " + key.getClass().getName() + " (key " + key + ")");
        }
    }

    /** Checks a value and returns the form in which it is sent. */
    private Object checkValue(Object value) {
        if (value == null) {
            throw new NullPointerException("value must not be null");
        }
        if (!valueType.isInstance(value)) {
            throw new IllegalArgumentException("map '" + name + "' takes values of type " + valueType.getName()
                    + ", not " + value.getClass().getName());
        }
        Object stored = codec.toStored(value);
        valueSizes.check(name, stored);
        return stored;
    }

    private Set<Object> checkKeys(Collection<?> keys) {
        Objects.requireNonNull(keys, "keys must not be null");
        Set<Object> checked = new HashSet<>(keys.size() * 4 / 3 + 1);
        for (Object key : keys) {
            checkKey(key);
            checked.add(key);
        }
        return checked;
    }

    /** A copy of {@code entries}, checked whole, so that what is sent is what was checked. */
    private Map<Object, Object> checkEntries(Map<? extends K, ? extends V> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        Map<Object, Object> checked = new HashMap<>(entries.size() * 4 / 3 + 1);
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            checkKey(entry.getKey());
            checked.put(entry.getKey(), checkValue(entry.getValue()));
        }
        return checked;
    }

    private V checkRead(Object key, Object stored) {
        Object value = codec.fromStored(stored);
        if (!valueType.isInstance(value)) {
            throw new GridException("map '" + name + "' holds " + value.getClass().getName() + " values under key "
                    + key + ", not " + valueType.getName());
        }
        return valueType.cast(value);
    }

    private V checkReadOrNull(Object key, Object value) {
        return value == null ? null : checkRead(key, value);
    }
}
