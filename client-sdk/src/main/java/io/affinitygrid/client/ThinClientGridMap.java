package io.affinitygrid.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.client.ClientCache;

/**
 * The {@link GridMap} over a thin-client cache, with its {@link AsyncGridMap} view as an inner object:
 * both views share the checks, the near cache and the meters. Immutable and thread-safe. Checks every
 * key and value before sending anything, checks the type of every value it reads (near-cache hits
 * included), and lets its grid translate failures.
 *
 * <p>With a near cache: a read serves a hit from it, and on a miss takes a stamp before asking the grid
 * and stores the answer only if no invalidation came in between (see {@link NearCache}); every write
 * invalidates the keys it wrote once the grid answered (or failed), before returning, so that this
 * client reads its own writes.
 */
final class ThinClientGridMap<K, V> implements GridMap<K, V> {

    private final ThinClientGrid grid;
    private final ClientCache<Object, Object> cache;
    private final String name;
    private final Class<K> keyType;
    private final Class<V> valueType;
    /** The map's near cache, or {@code null} when it has none. */
    private final NearCache near;
    private final GridMetrics.OperationMetrics metrics;
    private final Async async = new Async();

    ThinClientGridMap(ThinClientGrid grid, ClientCache<Object, Object> cache, String name, Class<K> keyType,
            Class<V> valueType, NearCache near, GridMetrics.OperationMetrics metrics) {
        this.grid = grid;
        this.cache = cache;
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
        this.near = near;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AsyncGridMap<K, V> async() {
        return async;
    }

    /** The near cache, or {@code null}; for tests. */
    NearCache nearCache() {
        return near;
    }

    // ---- blocking operations

    @Override
    public V get(K key) {
        checkKey(key);
        return timed("get", () -> {
            if (near == null) {
                return checkReadOrNull(key, grid.call(name, () -> readAction(key), () -> cache.get(key)));
            }
            Object cached = near.getIfPresent(key);
            if (cached != null) {
                return checkRead(key, cached);
            }
            long stamp = near.stamp(key);
            return storeRead(key, grid.call(name, () -> readAction(key), () -> cache.get(key)), stamp);
        });
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        Set<Object> checked = checkKeys(keys);
        return timed("getAll", () -> {
            Map<K, V> result = new HashMap<>(checked.size() * 4 / 3 + 1);
            Map<Object, Long> stamps = near == null ? null : servedFromNearCache(checked, result);
            Set<Object> missing = stamps == null ? checked : stamps.keySet();
            if (!missing.isEmpty()) {
                Map<Object, Object> values = grid.call(name, () -> readAllAction(missing), () -> cache.getAll(missing));
                addRead(result, values, stamps);
            }
            return result;
        });
    }

    @Override
    public void put(K key, V value) {
        checkKey(key);
        checkValue(value);
        timed("put", () -> writeKey(key, () -> writeAction(key), () -> {
            cache.put(key, value);
            return null;
        }));
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        Map<Object, Object> checked = checkEntries(entries);
        if (checked.isEmpty()) {
            return;
        }
        timed("putAll", () -> writeKeys(checked.keySet(), () -> writeAllAction(checked), () -> {
            cache.putAll(checked);
            return null;
        }));
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        checkKey(key);
        checkValue(value);
        return timed("putIfAbsent", () -> writeKey(key, () -> writeAction(key), () -> cache.putIfAbsent(key, value)));
    }

    @Override
    public boolean replace(K key, V value) {
        checkKey(key);
        checkValue(value);
        return timed("replace", () -> writeKey(key, () -> writeAction(key), () -> cache.replace(key, value)));
    }

    @Override
    public boolean replace(K key, V expected, V value) {
        checkKey(key);
        checkValue(expected);
        checkValue(value);
        return timed("replaceIfEquals", () -> writeKey(key, () -> writeAction(key), () -> cache.replace(key, expected, value)));
    }

    @Override
    public V getAndPut(K key, V value) {
        checkKey(key);
        checkValue(value);
        return timed("getAndPut", () -> checkReadOrNull(key, writeKey(key, () -> writeAction(key), () -> cache.getAndPut(key, value))));
    }

    @Override
    public V getAndRemove(K key) {
        checkKey(key);
        return timed("getAndRemove", () -> checkReadOrNull(key, writeKey(key, () -> removeAction(key), () -> cache.getAndRemove(key))));
    }

    @Override
    public boolean remove(K key) {
        checkKey(key);
        return timed("remove", () -> writeKey(key, () -> removeAction(key), () -> cache.remove(key)));
    }

    @Override
    public boolean remove(K key, V expected) {
        checkKey(key);
        checkValue(expected);
        return timed("removeIfEquals", () -> writeKey(key, () -> removeAction(key), () -> cache.remove(key, expected)));
    }

    @Override
    public void removeAll(Collection<? extends K> keys) {
        Set<Object> checked = checkKeys(keys);
        if (checked.isEmpty()) {
            return;
        }
        timed("removeAll", () -> writeKeys(checked, () -> removeAllAction(checked), () -> {
            cache.removeAll(checked);
            return null;
        }));
    }

    @Override
    public boolean containsKey(K key) {
        checkKey(key);
        return timed("containsKey", () -> {
            if (near != null && near.getIfPresent(key) != null) {
                return true;
            }
            return grid.call(name, () -> lookUpAction(key), () -> cache.containsKey(key));
        });
    }

    @Override
    public long size() {
        return timed("size", () -> {
            Integer size = grid.call(name, this::sizeAction, () -> cache.size(CachePeekMode.PRIMARY));
            return size.longValue();
        });
    }

    @Override
    public void clear() {
        // removeAll() rather than clear(): Ignite's clear() bypasses listeners and continuous queries,
        // which would leave near caches holding removed entries
        timed("clear", () -> {
            try {
                return grid.call(name, this::clearAction, () -> {
                    cache.removeAll();
                    return null;
                });
            }
            finally {
                invalidateAll();
            }
        });
    }

    @Override
    public String toString() {
        return "GridMap[" + name + ", " + keyType.getName() + " -> " + valueType.getName() + (near == null ? "" : ", near cache") + "]";
    }

    // ---- shared by both views

    /** Runs an operation, recording its time and its failure. */
    private <T> T timed(String operation, Supplier<T> body) {
        long start = metrics.start();
        T result;
        try {
            result = body.get();
        }
        catch (RuntimeException e) {
            metrics.record(operation, start, e);
            onFailure(e);
            throw e;
        }
        metrics.record(operation, start, null);
        return result;
    }

    /** A destroyed map empties the near cache: a map created later under its name is not listened to. */
    private void onFailure(RuntimeException failure) {
        if (near != null && failure instanceof UnknownMapException) {
            near.reset();
        }
    }

    /** Sends a write of one key, then drops the key from the near cache, whatever the outcome. */
    private <T> T writeKey(Object key, Supplier<String> action, Supplier<T> request) {
        try {
            return grid.call(name, action, request);
        }
        finally {
            invalidate(key);
        }
    }

    /** Sends a write of several keys, then drops them from the near cache, whatever the outcome. */
    private <T> T writeKeys(Collection<Object> keys, Supplier<String> action, Supplier<T> request) {
        try {
            return grid.call(name, action, request);
        }
        finally {
            invalidate(keys);
        }
    }

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

    private String readAction(Object key) {
        return "read key " + key + " of map '" + name + "'";
    }

    private String readAllAction(Collection<?> keys) {
        return "read " + keys.size() + " keys of map '" + name + "'";
    }

    private String writeAction(Object key) {
        return "write key " + key + " of map '" + name + "'";
    }

    private String writeAllAction(Map<?, ?> entries) {
        return "write " + entries.size() + " entries of map '" + name + "'";
    }

    private String removeAction(Object key) {
        return "remove key " + key + " of map '" + name + "'";
    }

    private String removeAllAction(Collection<?> keys) {
        return "remove " + keys.size() + " keys of map '" + name + "'";
    }

    private String lookUpAction(Object key) {
        return "look up key " + key + " of map '" + name + "'";
    }

    private String sizeAction() {
        return "count the entries of map '" + name + "'";
    }

    private String clearAction() {
        return "clear map '" + name + "'";
    }

    private void checkKey(Object key) {
        if (key == null) {
            throw new NullPointerException("key must not be null");
        }
        if (!keyType.isInstance(key)) {
            throw new IllegalArgumentException("map '" + name + "' takes keys of type " + keyType.getName()
                    + ", not " + key.getClass().getName() + " (key " + key + ")");
        }
    }

    private void checkValue(Object value) {
        if (value == null) {
            throw new NullPointerException("value must not be null");
        }
        if (!valueType.isInstance(value)) {
            throw new IllegalArgumentException("map '" + name + "' takes values of type " + valueType.getName()
                    + ", not " + value.getClass().getName());
        }
        grid.checkValueSize(name, value);
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
            checkValue(entry.getValue());
            checked.put(entry.getKey(), entry.getValue());
        }
        return checked;
    }

    private V checkRead(Object key, Object value) {
        if (!valueType.isInstance(value)) {
            throw new GridException("map '" + name + "' holds " + value.getClass().getName() + " values under key "
                    + key + ", not " + valueType.getName());
        }
        return valueType.cast(value);
    }

    private V checkReadOrNull(Object key, Object value) {
        return value == null ? null : checkRead(key, value);
    }

    /**
     * The future of one asynchronous operation, settled once: by the grid's answer or failure, or by the
     * request timeout, whichever comes first. Its time is recorded before it completes, so that the meters
     * count it by the time the caller sees the result.
     */
    private final class Outcome<R> extends CompletableFuture<R> {

        private final String operation;
        private final long start;
        private final AtomicBoolean settled = new AtomicBoolean();

        Outcome(String operation, long start) {
            this.operation = operation;
            this.start = start;
        }

        void succeed(R value) {
            if (settled.compareAndSet(false, true)) {
                metrics.record(operation, start, null);
                complete(value);
            }
        }

        void fail(GridException failure) {
            if (settled.compareAndSet(false, true)) {
                metrics.record(operation, start, failure);
                onFailure(failure);
                completeExceptionally(failure);
            }
        }
    }

    /** The asynchronous view: the same operations over the thin client's async calls. */
    private final class Async implements AsyncGridMap<K, V> {

        @Override
        public String name() {
            return name;
        }

        @Override
        public GridMap<K, V> sync() {
            return ThinClientGridMap.this;
        }

        @Override
        public CompletableFuture<V> get(K key) {
            checkKey(key);
            if (near == null) {
                return call("get", () -> readAction(key), () -> cache.getAsync(key), value -> checkReadOrNull(key, value), null);
            }
            Object cached = near.getIfPresent(key);
            if (cached != null) {
                return served("get", () -> checkRead(key, cached));
            }
            long stamp = near.stamp(key);
            return call("get", () -> readAction(key), () -> cache.getAsync(key), value -> storeRead(key, value, stamp), null);
        }

        @Override
        public CompletableFuture<Map<K, V>> getAll(Set<? extends K> keys) {
            Set<Object> checked = checkKeys(keys);
            Map<K, V> result = new HashMap<>(checked.size() * 4 / 3 + 1);
            Map<Object, Long> stamps;
            try {
                stamps = near == null ? null : servedFromNearCache(checked, result);
            }
            catch (GridException e) {
                return served("getAll", () -> {
                    throw e;
                });
            }
            Set<Object> missing = stamps == null ? checked : stamps.keySet();
            if (missing.isEmpty()) {
                return served("getAll", () -> result);
            }
            return call("getAll", () -> readAllAction(missing), () -> cache.getAllAsync(missing), values -> {
                addRead(result, values, stamps);
                return result;
            }, null);
        }

        @Override
        public CompletableFuture<Void> put(K key, V value) {
            checkKey(key);
            checkValue(value);
            return call("put", () -> writeAction(key), () -> cache.putAsync(key, value), done -> null, () -> invalidate(key));
        }

        @Override
        public CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries) {
            Map<Object, Object> checked = checkEntries(entries);
            if (checked.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return call("putAll", () -> writeAllAction(checked), () -> cache.putAllAsync(checked), done -> null,
                    () -> invalidate(checked.keySet()));
        }

        @Override
        public CompletableFuture<Boolean> putIfAbsent(K key, V value) {
            checkKey(key);
            checkValue(value);
            return call("putIfAbsent", () -> writeAction(key), () -> cache.putIfAbsentAsync(key, value), Function.identity(),
                    () -> invalidate(key));
        }

        @Override
        public CompletableFuture<Boolean> replace(K key, V value) {
            checkKey(key);
            checkValue(value);
            return call("replace", () -> writeAction(key), () -> cache.replaceAsync(key, value), Function.identity(),
                    () -> invalidate(key));
        }

        @Override
        public CompletableFuture<Boolean> replace(K key, V expected, V value) {
            checkKey(key);
            checkValue(expected);
            checkValue(value);
            return call("replaceIfEquals", () -> writeAction(key), () -> cache.replaceAsync(key, expected, value),
                    Function.identity(), () -> invalidate(key));
        }

        @Override
        public CompletableFuture<V> getAndPut(K key, V value) {
            checkKey(key);
            checkValue(value);
            return call("getAndPut", () -> writeAction(key), () -> cache.getAndPutAsync(key, value),
                    previous -> checkReadOrNull(key, previous), () -> invalidate(key));
        }

        @Override
        public CompletableFuture<V> getAndRemove(K key) {
            checkKey(key);
            return call("getAndRemove", () -> removeAction(key), () -> cache.getAndRemoveAsync(key),
                    previous -> checkReadOrNull(key, previous), () -> invalidate(key));
        }

        @Override
        public CompletableFuture<Boolean> remove(K key) {
            checkKey(key);
            return call("remove", () -> removeAction(key), () -> cache.removeAsync(key), Function.identity(), () -> invalidate(key));
        }

        @Override
        public CompletableFuture<Boolean> remove(K key, V expected) {
            checkKey(key);
            checkValue(expected);
            return call("removeIfEquals", () -> removeAction(key), () -> cache.removeAsync(key, expected), Function.identity(),
                    () -> invalidate(key));
        }

        @Override
        public CompletableFuture<Void> removeAll(Collection<? extends K> keys) {
            Set<Object> checked = checkKeys(keys);
            if (checked.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return call("removeAll", () -> removeAllAction(checked), () -> cache.removeAllAsync(checked), done -> null,
                    () -> invalidate(checked));
        }

        @Override
        public CompletableFuture<Boolean> containsKey(K key) {
            checkKey(key);
            if (near != null && near.getIfPresent(key) != null) {
                return served("containsKey", () -> true);
            }
            return call("containsKey", () -> lookUpAction(key), () -> cache.containsKeyAsync(key), Function.identity(), null);
        }

        @Override
        public CompletableFuture<Long> size() {
            return call("size", ThinClientGridMap.this::sizeAction, () -> cache.sizeAsync(CachePeekMode.PRIMARY),
                    Integer::longValue, null);
        }

        @Override
        public CompletableFuture<Void> clear() {
            return call("clear", ThinClientGridMap.this::clearAction, cache::removeAllAsync, done -> null,
                    ThinClientGridMap.this::invalidateAll);
        }

        @Override
        public String toString() {
            return "Async" + ThinClientGridMap.this;
        }

        /** A result from the near cache: an already completed future. */
        private <R> CompletableFuture<R> served(String operation, Supplier<R> result) {
            long start = metrics.start();
            try {
                R value = result.get();
                metrics.record(operation, start, null);
                return CompletableFuture.completedFuture(value);
            }
            catch (GridException e) {
                metrics.record(operation, start, e);
                return CompletableFuture.failedFuture(e);
            }
        }

        /**
         * Sends one asynchronous request.
         *
         * @param operation the operation's name, for the meters
         * @param action what the request does, for the message of a failure
         * @param request sends the request
         * @param then turns the grid's answer into the result; may throw {@link GridException}
         * @param after runs when the grid answered or failed, before the result completes (invalidations); may be null
         */
        private <T, R> CompletableFuture<R> call(String operation, Supplier<String> action,
                Supplier<? extends CompletionStage<T>> request, Function<? super T, ? extends R> then, Runnable after) {
            Outcome<R> result = new Outcome<>(operation, metrics.start());
            CompletionStage<T> stage;
            try {
                grid.ensureOpen();
                stage = request.get();
            }
            catch (RuntimeException e) {
                if (after != null) {
                    after.run();
                }
                result.fail(grid.failure(e, name, action));
                return result;
            }
            ScheduledFuture<?> timeout = grid.afterRequestTimeout(() -> result.fail(grid.timeout(action, null)));
            stage.whenComplete((answer, error) -> {
                if (timeout != null) {
                    timeout.cancel(false);
                }
                if (after != null) {
                    after.run();
                }
                if (error != null) {
                    result.fail(translate(error, action));
                    return;
                }
                R value;
                try {
                    value = then.apply(answer);
                }
                catch (RuntimeException e) {
                    result.fail(grid.failure(e, name, action));
                    return;
                }
                result.succeed(value);
            });
            return result;
        }

        private GridException translate(Throwable error, Supplier<String> action) {
            Throwable cause = error;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                return grid.failure(runtime, name, action);
            }
            return new GridException("Cannot " + action.get() + ": " + Failures.message(cause), cause);
        }
    }
}
