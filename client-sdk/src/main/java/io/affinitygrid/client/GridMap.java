package io.affinitygrid.client;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A typed view of one map (cache) on the grid. Thread-safe. Keys and values must not be null and must be
 * instances of the view's key and value types; otherwise the call fails with a {@link NullPointerException}
 * or {@link IllegalArgumentException} and nothing is sent.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface GridMap<K, V> {

    /** The map's name. */
    String name();

    /** The value of {@code key}, or {@code null} when it has none. */
    V get(K key);

    /** Values of the given keys; keys with no value are absent from the result. */
    Map<K, V> getAll(Set<? extends K> keys);

    /** Stores {@code value} under {@code key}; when this returns, the write is on the primary and its backups. */
    void put(K key, V value);

    /** Stores every entry of {@code entries}. */
    void putAll(Map<? extends K, ? extends V> entries);

    /** Removes the value of {@code key}; returns whether there was one. */
    boolean remove(K key);

    /** Removes the values of the given keys. */
    void removeAll(Collection<? extends K> keys);

    /** Whether {@code key} has a value. */
    boolean containsKey(K key);

    /** Number of entries in the whole map (primary copies, on every node). */
    long size();

    /** Removes every entry. */
    void clear();
}
