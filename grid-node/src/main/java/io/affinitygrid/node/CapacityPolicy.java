package io.affinitygrid.node;

/**
 * What a cache does when the memory that holds it is (nearly) full. Chosen per cache with
 * {@code grid.maps[n].capacity-policy}.
 */
public enum CapacityPolicy {

    /**
     * The cache lives in the node's main data region ({@code grid.data-region-size}). Once that region on any
     * server node is above the high-water mark ({@code grid.capacity.high-water-mark}), writes to the cache are
     * refused with error {@code GRID-MEM-1}; reads and removes keep working and nothing already written is
     * dropped. The default: a cache of record must never lose data silently.
     */
    REJECT,

    /**
     * The cache lives in the eviction region ({@code grid.capacity.eviction-region-size}), where Ignite drops the
     * least recently used data pages (random-2-LRU) once the region is 90 % full, so writes keep succeeding and
     * old entries disappear. For pure caches whose entries can be reloaded from elsewhere.
     */
    EVICT
}
