package io.affinitygrid.compute;

import java.util.concurrent.TimeUnit;

import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The node-side cache of {@link TaskProgress}: replicated, entries expiring ten minutes after they are written.
 */
public final class TaskProgressCache {

    private TaskProgressCache() {
    }

    /**
     * Configuration of the progress cache. Grid nodes create it at start, so that clients can always read it;
     * a task creates it too if it runs on a node that lacks it.
     */
    public static CacheConfiguration<String, TaskProgress> cacheConfiguration() {
        return new CacheConfiguration<String, TaskProgress>(TaskProgress.CACHE)
                .setCacheMode(CacheMode.REPLICATED)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 10)));
    }

    static IgniteCache<String, TaskProgress> cache(Ignite ignite) {
        return ignite.getOrCreateCache(cacheConfiguration());
    }
}
