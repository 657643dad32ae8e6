package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * The grid refused a write because the memory that holds the map is full: some node's data region is above its
 * high-water mark (error code {@code GRID-MEM-1}). Nothing was lost: entries written before stay readable, and reads
 * and removes keep working. A refused multi-key write ({@code putAll}) may have stored some of its entries and
 * refused the others; write them again once there is room.
 *
 * <p>The message names the map, says how full the region is (used and maximum bytes) and what to do: raise the
 * nodes' {@code grid.data-region-size}, add nodes, delete entries, or, for a pure cache whose entries may be dropped,
 * configure the map with {@code capacity-policy: evict}.
 */
public class GridCapacityException extends GridException {

    private static final long serialVersionUID = 1L;

    private final String mapName;

    /**
     * @param mapName the map whose write was refused
     * @param message what was refused, how full the memory is and what to do
     * @param cause the underlying failure, possibly null
     */
    public GridCapacityException(String mapName, String message, Throwable cause) {
        super(message, cause);
        this.mapName = mapName;
    }

    /** The map whose write was refused. */
    public String mapName() {
        return mapName;
    }

    /** Always {@link ErrorCode#CAPACITY_EXCEEDED}: the map's data region is full. */
    @Override
    public ErrorCode code() {
        return ErrorCode.CAPACITY_EXCEEDED;
    }
}
