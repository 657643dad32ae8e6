package io.affinitygrid.compute.admin;

import java.io.Serializable;
import java.util.List;

/**
 * One server node of the grid, as it describes itself: name, id, addresses, JVM, heap, off-heap data regions,
 * uptime, and whether it is the coordinator (the oldest server node). Immutable.
 */
public final class MemberInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String id;
    private final List<String> addresses;
    private final String javaVersion;
    private final long heapUsedBytes;
    private final long heapMaxBytes;
    private final List<RegionUse> regions;
    private final long uptimeMillis;
    private final boolean coordinator;

    public MemberInfo(String name, String id, List<String> addresses, String javaVersion, long heapUsedBytes,
            long heapMaxBytes, List<RegionUse> regions, long uptimeMillis, boolean coordinator) {
        this.name = name;
        this.id = id;
        this.addresses = List.copyOf(addresses);
        this.javaVersion = javaVersion;
        this.heapUsedBytes = heapUsedBytes;
        this.heapMaxBytes = heapMaxBytes;
        this.regions = List.copyOf(regions);
        this.uptimeMillis = uptimeMillis;
        this.coordinator = coordinator;
    }

    /** The node's name (its consistent id, {@code grid.node-name}). */
    public String name() {
        return name;
    }

    /** The node's id in the current topology. */
    public String id() {
        return id;
    }

    /** The node's network addresses. */
    public List<String> addresses() {
        return addresses;
    }

    /** The JVM's version and vendor, e.g. {@code 17.0.12 (Eclipse Adoptium)}. */
    public String javaVersion() {
        return javaVersion;
    }

    /** Heap in use, in bytes. */
    public long heapUsedBytes() {
        return heapUsedBytes;
    }

    /** The most heap the JVM may use, in bytes. */
    public long heapMaxBytes() {
        return heapMaxBytes;
    }

    /** The node's data regions (off-heap), in configuration order. */
    public List<RegionUse> regions() {
        return regions;
    }

    /** Milliseconds since the node started. */
    public long uptimeMillis() {
        return uptimeMillis;
    }

    /** Whether this node is the coordinator: the oldest server node, which leads topology changes. */
    public boolean coordinator() {
        return coordinator;
    }

    @Override
    public String toString() {
        return "MemberInfo[" + name + " " + addresses + (coordinator ? ", coordinator" : "") + ", java " + javaVersion
                + ", heap " + heapUsedBytes + "/" + heapMaxBytes + ", regions " + regions + ", up " + uptimeMillis + " ms]";
    }
}
