package io.affinitygrid.client;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * The blocking {@link GridMap}: each operation, defined once in {@link MapOperations}, run on the caller's thread
 * (the thin client's blocking call, answered on this thread). Its {@link ThinClientAsyncGridMap asynchronous view}
 * shares the operations, the near cache and the meters. Immutable and thread-safe.
 */
final class ThinClientGridMap<K, V> implements GridMap<K, V> {

    private final MapOperations<K, V> operations;
    private final ThinClientAsyncGridMap<K, V> async;
    private final IntSupplier partitions;

    /** {@code partitions} tells how many partitions the map has, for {@link #entries()}. */
    ThinClientGridMap(MapOperations<K, V> operations, IntSupplier partitions) {
        this.operations = operations;
        this.partitions = partitions;
        this.async = new ThinClientAsyncGridMap<>(operations, this);
    }

    @Override
    public String name() {
        return operations.name();
    }

    @Override
    public AsyncGridMap<K, V> async() {
        return async;
    }

    /** The near cache, or {@code null}; for tests. */
    NearCache nearCache() {
        return operations.nearCache();
    }

    @Override
    public V get(K key) {
        return operations.get(key).await();
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        return operations.getAll(keys).await();
    }

    @Override
    public void put(K key, V value) {
        operations.put(key, value).await();
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        operations.putAll(entries).await();
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        return operations.putIfAbsent(key, value).await();
    }

    @Override
    public boolean replace(K key, V value) {
        return operations.replace(key, value).await();
    }

    @Override
    public boolean replace(K key, V expected, V value) {
        return operations.replace(key, expected, value).await();
    }

    @Override
    public V getAndPut(K key, V value) {
        return operations.getAndPut(key, value).await();
    }

    @Override
    public V getAndRemove(K key) {
        return operations.getAndRemove(key).await();
    }

    @Override
    public boolean remove(K key) {
        return operations.remove(key).await();
    }

    @Override
    public boolean remove(K key, V expected) {
        return operations.remove(key, expected).await();
    }

    @Override
    public void removeAll(Collection<? extends K> keys) {
        operations.removeAll(keys).await();
    }

    @Override
    public boolean containsKey(K key) {
        return operations.containsKey(key).await();
    }

    @Override
    public long size() {
        return operations.size().await();
    }

    @Override
    public Stream<Map.Entry<K, V>> entries() {
        return operations.entries(partitions);
    }

    @Override
    public void clear() {
        operations.clear().await();
    }

    @Override
    public String toString() {
        return operations.toString();
    }
}
