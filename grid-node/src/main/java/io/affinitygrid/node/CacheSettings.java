package io.affinitygrid.node;

import java.util.Objects;

/**
 * Settings of one cache created by a grid node at start. Immutable; validated when the node settings
 * that contain it are built.
 *
 * @param name cache name, unique within the grid
 * @param mode partitioned or replicated
 * @param backups number of backup copies of each partition (partitioned caches only), 0 or more
 * @param partitions number of partitions, 1 to 65535
 * @param capacityPolicy what writes do when memory is (nearly) full; {@link CapacityPolicy#REJECT} by default
 */
public record CacheSettings(String name, CacheMode mode, int backups, int partitions, CapacityPolicy capacityPolicy) {

    /** Default number of backup copies: one, so that a node can leave without losing data. */
    public static final int DEFAULT_BACKUPS = 1;

    /** Default number of partitions (Ignite's default). */
    public static final int DEFAULT_PARTITIONS = 1024;

    public CacheSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(capacityPolicy, "capacityPolicy");
    }

    /** Settings with the default capacity policy, {@link CapacityPolicy#REJECT}. */
    public CacheSettings(String name, CacheMode mode, int backups, int partitions) {
        this(name, mode, backups, partitions, CapacityPolicy.REJECT);
    }

    /** A partitioned cache with one backup and the default number of partitions. */
    public static CacheSettings partitioned(String name) {
        return new CacheSettings(name, CacheMode.PARTITIONED, DEFAULT_BACKUPS, DEFAULT_PARTITIONS);
    }

    /** A replicated cache. */
    public static CacheSettings replicated(String name) {
        return new CacheSettings(name, CacheMode.REPLICATED, 0, DEFAULT_PARTITIONS);
    }

    /** A copy with the given number of backups. */
    public CacheSettings withBackups(int backups) {
        return new CacheSettings(name, mode, backups, partitions, capacityPolicy);
    }

    /** A copy with the given number of partitions. */
    public CacheSettings withPartitions(int partitions) {
        return new CacheSettings(name, mode, backups, partitions, capacityPolicy);
    }

    /** A copy with the given capacity policy. */
    public CacheSettings withCapacityPolicy(CapacityPolicy capacityPolicy) {
        return new CacheSettings(name, mode, backups, partitions, capacityPolicy);
    }
}
