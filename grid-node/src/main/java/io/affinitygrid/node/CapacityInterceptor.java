package io.affinitygrid.node;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheInterceptorAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * The interceptor of every cache with {@link CapacityPolicy#REJECT}: before each put, on the key's primary node,
 * asks the node's {@link CapacityGuard} whether there is room, which throws the {@code GRID-MEM-1} error when there
 * is not. Ignite then fails the put (the whole key, on primary and backups) and sends the error, with its code, to
 * the client, thin clients included. Other operations pass through.
 *
 * <p>Ignite sends cache configurations between nodes, so the interceptor holds only the cache's name and finds
 * its node (injected) and the node's guard when called.
 */
public final class CapacityInterceptor extends CacheInterceptorAdapter<Object, Object> {

    private static final long serialVersionUID = 1L;

    private final String cacheName;

    @IgniteInstanceResource
    private transient Ignite ignite;

    /** @param cacheName the cache this interceptor guards, named in its errors */
    public CapacityInterceptor(String cacheName) {
        this.cacheName = cacheName;
    }

    @Override
    public Object onBeforePut(Cache.Entry<Object, Object> entry, Object newValue) {
        Ignite node = ignite;
        CapacityGuard guard = node == null ? null : CapacityGuard.of(node.name());
        if (guard != null) {
            guard.checkWrite(cacheName);
        }
        return newValue;
    }

    @Override
    public String toString() {
        return "CapacityInterceptor[" + cacheName + "]";
    }
}
