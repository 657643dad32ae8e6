package io.affinitygrid.client;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A typed view of one map (cache) on the grid, obtained from {@link Grid#map(String, Class, Class)}.
 * Immutable and thread-safe; each call goes to the node that holds the key's partition.
 *
 * <p><b>Arguments.</b> Keys and values must not be null and must be instances of the view's key and value
 * types; otherwise the call throws {@link NullPointerException} or {@link IllegalArgumentException}
 * (naming the map, the expected and the actual type) and nothing is sent. Collections are checked whole
 * before anything is sent.
 *
 * <p><b>Failures.</b> Every method may throw {@link GridException}: {@link GridUnavailableException} when
 * no node can be reached, {@link UnknownMapException} when the map was destroyed, and a plain
 * {@code GridException} for anything else (e.g. lost partitions, a closed grid, a value stored under a key
 * that is not of the view's value type), with the grid's cause.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface GridMap<K, V> {

    /** The map's name; never null. */
    String name();

    /**
     * The value of {@code key}.
     *
     * @return the value, or {@code null} when the key has none
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     * @throws GridException when the stored value is not of the value type, or the grid fails
     */
    V get(K key);

    /**
     * Values of the given keys.
     *
     * @param keys the keys, not null and without null elements; may be empty
     * @return a new map owned by the caller; keys with no value are absent from it
     * @throws NullPointerException when {@code keys} is or contains null
     * @throws IllegalArgumentException when a key is not of the key type
     * @throws GridException when a stored value is not of the value type, or the grid fails
     */
    Map<K, V> getAll(Set<? extends K> keys);

    /**
     * Stores {@code value} under {@code key}. When this returns, the write is on the primary and its
     * backups.
     *
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     * @throws GridException when the grid fails, e.g. the value cannot be serialized
     */
    void put(K key, V value);

    /**
     * Stores every entry of {@code entries}. Not atomic: when it fails, some entries may be stored.
     * Send large maps in batches (a few thousand entries).
     *
     * @param entries the entries, not null, without null keys or values; may be empty
     * @throws NullPointerException when {@code entries} is null or holds a null key or value
     * @throws IllegalArgumentException when a key or value is not of its type; nothing is stored then
     * @throws GridException when the grid fails
     */
    void putAll(Map<? extends K, ? extends V> entries);

    /**
     * Removes the value of {@code key}.
     *
     * @return whether there was one
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     * @throws GridException when the grid fails
     */
    boolean remove(K key);

    /**
     * Removes the values of the given keys.
     *
     * @param keys the keys, not null and without null elements; may be empty
     * @throws NullPointerException when {@code keys} is or contains null
     * @throws IllegalArgumentException when a key is not of the key type; nothing is removed then
     * @throws GridException when the grid fails
     */
    void removeAll(Collection<? extends K> keys);

    /**
     * Whether {@code key} has a value.
     *
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     * @throws GridException when the grid fails
     */
    boolean containsKey(K key);

    /**
     * Number of entries in the whole map (primary copies, on every node); entries of any type count.
     *
     * @throws GridException when the grid fails
     */
    long size();

    /**
     * Removes every entry of the map, on every node. Removals are seen by listeners like single removes.
     *
     * @throws GridException when the grid fails
     */
    void clear();
}
