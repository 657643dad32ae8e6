package io.affinitygrid.client;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link GridMap}, from {@link GridMap#async()}: the same operations, with the
 * same meaning, returning at once a {@link CompletableFuture} of their result. Thread-safe; no calling
 * thread waits for the network.
 *
 * <p><b>Arguments</b> are checked before anything is sent, as by {@link GridMap}: a null or mistyped key or
 * value throws {@link NullPointerException} or {@link IllegalArgumentException} from the call itself.
 *
 * <p><b>Failures</b> of the grid complete the future exceptionally with the SDK's exception itself
 * ({@link GridUnavailableException}, {@link UnknownMapException}, {@link PartitionLostException},
 * {@link GridTimeoutException} or {@link GridException}, as listed on {@link GridMap}); as usual, {@code join()}
 * wraps it in a {@code CompletionException} and {@code get()} in an {@code ExecutionException}. Calls on a
 * closed grid return a future failed with {@code GridException("grid connection is closed")}.
 *
 * <p><b>Threads.</b> A near-cache hit returns an already completed future. Otherwise the future completes on
 * one of the SDK's threads, and so do the dependent stages you add without an executor: keep them short, or
 * give them an executor ({@code thenApplyAsync(fn, executor)}).
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface AsyncGridMap<K, V> {

    /** The map's name; never null. */
    String name();

    /** The blocking view of this map; {@code map.sync().async()} is this view. */
    GridMap<K, V> sync();

    /**
     * The value of {@code key}; see {@link GridMap#get(Object)}.
     *
     * @return the value, or {@code null} when the key has none
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     */
    CompletableFuture<V> get(K key);

    /**
     * Values of the given keys; see {@link GridMap#getAll(Set)}.
     *
     * @return a new map owned by the caller; keys with no value are absent from it
     * @throws NullPointerException when {@code keys} is or contains null
     * @throws IllegalArgumentException when a key is not of the key type
     */
    CompletableFuture<Map<K, V>> getAll(Set<? extends K> keys);

    /**
     * Stores {@code value} under {@code key}; see {@link GridMap#put(Object, Object)}.
     *
     * @return completes when the write is on the primary and its backups
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     */
    CompletableFuture<Void> put(K key, V value);

    /**
     * Stores every entry of {@code entries}; see {@link GridMap#putAll(Map)}.
     *
     * @throws NullPointerException when {@code entries} is null or holds a null key or value
     * @throws IllegalArgumentException when a key or value is not of its type; nothing is stored then
     */
    CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries);

    /**
     * Stores {@code value} under {@code key} if the key has no value; see {@link GridMap#putIfAbsent(Object, Object)}.
     *
     * @return whether the value was stored
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     */
    CompletableFuture<Boolean> putIfAbsent(K key, V value);

    /**
     * Stores {@code value} under {@code key} if the key has a value; see {@link GridMap#replace(Object, Object)}.
     *
     * @return whether the value was replaced
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     */
    CompletableFuture<Boolean> replace(K key, V value);

    /**
     * Compare-and-set; see {@link GridMap#replace(Object, Object, Object)}.
     *
     * @return whether the value was replaced
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when an argument is not of its type
     */
    CompletableFuture<Boolean> replace(K key, V expected, V value);

    /**
     * Stores {@code value} under {@code key} and returns the value it replaced; see {@link GridMap#getAndPut(Object, Object)}.
     *
     * @return the previous value, or {@code null} when the key had none
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     */
    CompletableFuture<V> getAndPut(K key, V value);

    /**
     * Removes the value of {@code key} and returns it; see {@link GridMap#getAndRemove(Object)}.
     *
     * @return the removed value, or {@code null} when the key had none
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     */
    CompletableFuture<V> getAndRemove(K key);

    /**
     * Removes the value of {@code key}; see {@link GridMap#remove(Object)}.
     *
     * @return whether there was one
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     */
    CompletableFuture<Boolean> remove(K key);

    /**
     * Removes the value of {@code key} if it equals {@code expected}; see {@link GridMap#remove(Object, Object)}.
     *
     * @return whether the value was removed
     * @throws NullPointerException when {@code key} or {@code expected} is null
     * @throws IllegalArgumentException when {@code key} or {@code expected} is not of its type
     */
    CompletableFuture<Boolean> remove(K key, V expected);

    /**
     * Removes the values of the given keys; see {@link GridMap#removeAll(Collection)}.
     *
     * @throws NullPointerException when {@code keys} is or contains null
     * @throws IllegalArgumentException when a key is not of the key type; nothing is removed then
     */
    CompletableFuture<Void> removeAll(Collection<? extends K> keys);

    /**
     * Whether {@code key} has a value; see {@link GridMap#containsKey(Object)}.
     *
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     */
    CompletableFuture<Boolean> containsKey(K key);

    /** Number of entries in the whole map; see {@link GridMap#size()}. */
    CompletableFuture<Long> size();

    /** Removes every entry of the map; see {@link GridMap#clear()}. */
    CompletableFuture<Void> clear();
}
