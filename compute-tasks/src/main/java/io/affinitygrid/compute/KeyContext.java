package io.affinitygrid.compute;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * What a {@link KeyJob} works with: the node, the cache (in binary mode: values are {@code BinaryObject}s)
 * and the key, all local to the primary node of the key's partition.
 */
public final class KeyContext {

    private final Ignite ignite;
    private final IgniteCache<Object, Object> cache;
    private final Object key;
    private final Object argument;

    KeyContext(Ignite ignite, IgniteCache<Object, Object> cache, Object key, Object argument) {
        this.ignite = ignite;
        this.cache = cache;
        this.key = key;
        this.argument = argument;
    }

    /** The node the job runs on: the key's primary. */
    public Ignite ignite() {
        return ignite;
    }

    /** The key's cache, in binary mode. Operations on {@link #key()} are local. */
    public IgniteCache<Object, Object> cache() {
        return cache;
    }

    public Object key() {
        return key;
    }

    /** The caller's argument, or {@code null}. */
    public Object argument() {
        return argument;
    }
}
