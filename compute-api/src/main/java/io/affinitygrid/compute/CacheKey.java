package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/** A key of a named cache: the argument of {@code KeyOwnersTask}. Immutable. */
public final class CacheKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final Object key;

    /**
     * @throws IllegalArgumentException when the cache name is blank
     * @throws NullPointerException when the key is null
     */
    public CacheKey(String cacheName, Object key) {
        this.cacheName = SumArgument.requireText(cacheName, "cache name");
        this.key = Objects.requireNonNull(key, "key must not be null");
    }

    public String cacheName() {
        return cacheName;
    }

    public Object key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey k && cacheName.equals(k.cacheName) && key.equals(k.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cacheName, key);
    }

    @Override
    public String toString() {
        return cacheName + "/" + key;
    }
}
