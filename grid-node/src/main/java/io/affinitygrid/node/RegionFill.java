package io.affinitygrid.node;

import java.io.Serializable;
import java.util.Locale;

/**
 * How full one node's data region is: bytes in use and the region's maximum. Immutable; sent between nodes by
 * the {@link CapacityGuard}, so a plain final class (Ignite 2 cannot marshal records).
 */
public final class RegionFill implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String node;
    private final String region;
    private final long usedBytes;
    private final long maxBytes;

    /**
     * @param node the node's name
     * @param region the region's name
     * @param usedBytes bytes of the region's pages that hold data (emptied pages do not count)
     * @param maxBytes the region's maximum size
     */
    public RegionFill(String node, String region, long usedBytes, long maxBytes) {
        this.node = node;
        this.region = region;
        this.usedBytes = usedBytes;
        this.maxBytes = maxBytes;
    }

    public String node() { return node; }

    public String region() { return region; }

    public long usedBytes() { return usedBytes; }

    public long maxBytes() { return maxBytes; }

    /** Used bytes as a percentage of the maximum, 0 when the maximum is unknown. */
    public double percent() {
        return maxBytes <= 0 ? 0 : usedBytes * 100.0 / maxBytes;
    }

    /** "29.1 MB of 32.0 MB (91 %)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.1f MB of %.1f MB (%.0f %%)", usedBytes / 1048576.0, maxBytes / 1048576.0,
                Math.floor(percent()));
    }

    @Override
    public String toString() {
        return "RegionFill[" + node + "/" + region + ": " + describe() + "]";
    }
}
