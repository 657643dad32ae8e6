package io.affinitygrid.client;

import java.util.Objects;

/**
 * A description of one map on the grid, as {@link Grid#maps()} found it. Immutable and thread-safe.
 */
public final class MapInfo {

    /** Value of {@link #partitions()} and {@link #backups()} when the grid could not tell. */
    public static final int UNKNOWN = -1;

    private final String name;
    private final String mode;
    private final int backups;
    private final int partitions;
    private final long size;

    /**
     * @param name the map's name, not null
     * @param mode {@code "PARTITIONED"} or {@code "REPLICATED"}, not null
     * @param backups backup copies of each partition, or {@link #UNKNOWN}
     * @param partitions number of partitions, or {@link #UNKNOWN}
     * @param size number of entries (primary copies)
     * @throws NullPointerException when {@code name} or {@code mode} is null
     */
    public MapInfo(String name, String mode, int backups, int partitions, long size) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        this.backups = backups;
        this.partitions = partitions;
        this.size = size;
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /** How the map is spread over the nodes: {@code "PARTITIONED"} or {@code "REPLICATED"}. */
    public String mode() {
        return mode;
    }

    /**
     * Number of backup copies of each partition. For a replicated map, every node holds a copy: this is
     * the number of server nodes minus one, or {@link #UNKNOWN} when the topology could not be read.
     */
    public int backups() {
        return backups;
    }

    /** Number of partitions, or {@link #UNKNOWN} when the nodes could not tell (they lack compute-tasks). */
    public int partitions() {
        return partitions;
    }

    /** Number of entries (primary copies, on every node) when the map was described. */
    public long size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapInfo other && name.equals(other.name) && mode.equals(other.mode)
                && backups == other.backups && partitions == other.partitions && size == other.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mode, backups, partitions, size);
    }

    @Override
    public String toString() {
        return "MapInfo[" + name + ", " + mode + ", backups=" + backups + ", partitions=" + partitions + ", size=" + size + "]";
    }
}
