package io.affinitygrid.client;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous {@link AsyncGridMap}: each operation, defined once in {@link MapOperations}, started over the
 * thin client's asynchronous call; its future is settled by the grid's answer or by the request timeout (see
 * {@link Requests}). Immutable and thread-safe.
 */
final class ThinClientAsyncGridMap<K, V> implements AsyncGridMap<K, V> {

    private final MapOperations<K, V> operations;
    private final GridMap<K, V> sync;

    ThinClientAsyncGridMap(MapOperations<K, V> operations, GridMap<K, V> sync) {
        this.operations = operations;
        this.sync = sync;
    }

    @Override
    public String name() {
        return operations.name();
    }

    @Override
    public GridMap<K, V> sync() {
        return sync;
    }

    @Override
    public CompletableFuture<V> get(K key) {
        return operations.get(key).start();
    }

    @Override
    public CompletableFuture<Map<K, V>> getAll(Set<? extends K> keys) {
        return operations.getAll(keys).start();
    }

    @Override
    public CompletableFuture<Void> put(K key, V value) {
        return operations.put(key, value).start();
    }

    @Override
    public CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries) {
        return operations.putAll(entries).start();
    }

    @Override
    public CompletableFuture<Boolean> putIfAbsent(K key, V value) {
        return operations.putIfAbsent(key, value).start();
    }

    @Override
    public CompletableFuture<Boolean> replace(K key, V value) {
        return operations.replace(key, value).start();
    }

    @Override
    public CompletableFuture<Boolean> replace(K key, V expected, V value) {
        return operations.replace(key, expected, value).start();
    }

    @Override
    public CompletableFuture<V> getAndPut(K key, V value) {
        return operations.getAndPut(key, value).start();
    }

    @Override
    public CompletableFuture<V> getAndRemove(K key) {
        return operations.getAndRemove(key).start();
    }

    @Override
    public CompletableFuture<Boolean> remove(K key) {
        return operations.remove(key).start();
    }

    @Override
    public CompletableFuture<Boolean> remove(K key, V expected) {
        return operations.remove(key, expected).start();
    }

    @Override
    public CompletableFuture<Void> removeAll(Collection<? extends K> keys) {
        return operations.removeAll(keys).start();
    }

    @Override
    public CompletableFuture<Boolean> containsKey(K key) {
        return operations.containsKey(key).start();
    }

    @Override
    public CompletableFuture<Long> size() {
        return operations.size().start();
    }

    @Override
    public CompletableFuture<Void> clear() {
        return operations.clear().start();
    }

    @Override
    public String toString() {
        return "Async" + sync;
    }
}
