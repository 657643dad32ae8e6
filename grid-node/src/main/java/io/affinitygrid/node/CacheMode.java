package io.affinitygrid.node;

/** How a cache's data is distributed over the nodes. */
public enum CacheMode {
    /** Each partition lives on one primary node plus the configured number of backup nodes. */
    PARTITIONED,
    /** Every node holds a full copy of the data. */
    REPLICATED
}
