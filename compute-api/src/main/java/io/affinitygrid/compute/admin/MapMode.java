package io.affinitygrid.compute.admin;

/** How a map's entries are spread over the server nodes. */
public enum MapMode {
    /** Each partition lives on one primary node and the map's number of backup nodes. */
    PARTITIONED,
    /** Every server node holds every entry. */
    REPLICATED
}
