package io.affinitygrid.compute;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;

/**
 * Where a key lives: its partition, primary and backup nodes. Argument: {@link CacheKey}; result:
 * {@link PartitionOwners}. Invoke by {@link #NAME}.
 */
public final class KeyOwnersTask extends SingleJobTask<CacheKey, PartitionOwners> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.KeyOwnersTask";

    private static final long serialVersionUID = 1L;

    @Override
    protected PartitionOwners answer(Ignite ignite, CacheKey key) {
        if (key == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "KeyOwnersTask needs a CacheKey, got null");
        }
        TaskNodes.requireCache(ignite, key.cacheName());
        Affinity<Object> affinity = ignite.affinity(key.cacheName());
        int partition = affinity.partition(key.key());
        return PartitionMapTask.owners(partition, affinity.mapPartitionToPrimaryAndBackups(partition));
    }
}
