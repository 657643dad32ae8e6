package io.affinitygrid.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.client.ClientCache;

/**
 * The {@link GridMap} over a thin-client cache. Immutable and thread-safe. Checks every key and value
 * before sending anything, checks the type of every value it reads, and lets its grid translate failures.
 */
final class ThinClientGridMap<K, V> implements GridMap<K, V> {

    private final ThinClientGrid grid;
    private final ClientCache<Object, Object> cache;
    private final String name;
    private final Class<K> keyType;
    private final Class<V> valueType;

    ThinClientGridMap(ThinClientGrid grid, ClientCache<Object, Object> cache, String name, Class<K> keyType, Class<V> valueType) {
        this.grid = grid;
        this.cache = cache;
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public V get(K key) {
        checkKey(key);
        Object value = grid.call(name, () -> "read key " + key + " of map '" + name + "'", () -> cache.get(key));
        return value == null ? null : checkRead(key, value);
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        Set<Object> checked = checkKeys(keys);
        if (checked.isEmpty()) {
            return new HashMap<>();
        }
        Map<Object, Object> values = grid.call(name, () -> "read " + checked.size() + " keys of map '" + name + "'",
                () -> cache.getAll(checked));
        Map<K, V> result = new HashMap<>(values.size() * 4 / 3 + 1);
        for (Map.Entry<Object, Object> entry : values.entrySet()) {
            if (entry.getValue() != null) {
                result.put(keyType.cast(entry.getKey()), checkRead(entry.getKey(), entry.getValue()));
            }
        }
        return result;
    }

    @Override
    public void put(K key, V value) {
        checkKey(key);
        checkValue(value);
        grid.call(name, () -> "write key " + key + " of map '" + name + "'", () -> {
            cache.put(key, value);
            return null;
        });
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        // copy while checking, so that what is sent is what was checked
        Map<Object, Object> checked = new HashMap<>(entries.size() * 4 / 3 + 1);
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            checkKey(entry.getKey());
            checkValue(entry.getValue());
            checked.put(entry.getKey(), entry.getValue());
        }
        if (checked.isEmpty()) {
            return;
        }
        grid.call(name, () -> "write " + checked.size() + " entries of map '" + name + "'", () -> {
            cache.putAll(checked);
            return null;
        });
    }

    @Override
    public boolean remove(K key) {
        checkKey(key);
        return grid.call(name, () -> "remove key " + key + " of map '" + name + "'", () -> cache.remove(key));
    }

    @Override
    public void removeAll(Collection<? extends K> keys) {
        Set<Object> checked = checkKeys(keys);
        if (checked.isEmpty()) {
            return;
        }
        grid.call(name, () -> "remove " + checked.size() + " keys of map '" + name + "'", () -> {
            cache.removeAll(checked);
            return null;
        });
    }

    @Override
    public boolean containsKey(K key) {
        checkKey(key);
        return grid.call(name, () -> "look up key " + key + " of map '" + name + "'", () -> cache.containsKey(key));
    }

    @Override
    public long size() {
        return grid.call(name, () -> "count the entries of map '" + name + "'", () -> cache.size(CachePeekMode.PRIMARY));
    }

    @Override
    public void clear() {
        // removeAll() rather than clear(): Ignite's clear() bypasses listeners and continuous queries,
        // which would leave near caches holding removed entries
        grid.call(name, () -> "clear map '" + name + "'", () -> {
            cache.removeAll();
            return null;
        });
    }

    @Override
    public String toString() {
        return "GridMap[" + name + ", " + keyType.getName() + " -> " + valueType.getName() + "]";
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

    private V checkRead(Object key, Object value) {
        if (!valueType.isInstance(value)) {
            throw new GridException("map '" + name + "' holds " + value.getClass().getName() + " values under key "
                    + key + ", not " + valueType.getName());
        }
        return valueType.cast(value);
    }
}
