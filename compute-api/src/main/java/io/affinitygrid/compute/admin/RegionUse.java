package io.affinitygrid.compute.admin;

import java.io.Serializable;

/** One off-heap data region of a node: its name, the bytes its data uses and the most it may take. Immutable. */
public final class RegionUse implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final long usedBytes;
    private final long maxBytes;

    public RegionUse(String name, long usedBytes, long maxBytes) {
        this.name = name;
        this.usedBytes = usedBytes;
        this.maxBytes = maxBytes;
    }

    /** The region's name, e.g. {@code default} or {@code evictable}. */
    public String name() {
        return name;
    }

    /** Bytes of the region's pages that hold data. */
    public long usedBytes() {
        return usedBytes;
    }

    /** The region's maximum size in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public String toString() {
        return name + " " + usedBytes + "/" + maxBytes;
    }
}
