package io.affinitygrid.compute.admin;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

import io.affinitygrid.compute.InternalMaps;

/**
 * What a map created at run time looks like: its name, mode, backups, partitions and whether it lives in the
 * nodes' eviction region. Immutable and thread-safe; built with {@link #builder(String)}, whose setters refuse a
 * bad value at once with a message naming the setting.
 *
 * <pre>{@code
 * MapDefinition sessions = MapDefinition.builder("sessions").backups(2).partitions(256).eviction(true).build();
 * }</pre>
 */
public final class MapDefinition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Most partitions a map may have (Ignite's limit). */
    public static final int MAX_PARTITIONS = 65_000;
    /** Partitions of a map when none are given (Ignite's default). */
    public static final int DEFAULT_PARTITIONS = 1024;
    /** Backup copies of a partitioned map when none are given: one, so that a node can leave without loss. */
    public static final int DEFAULT_BACKUPS = 1;
    /** Most backup copies accepted; more copies than nodes are useless. */
    public static final int MAX_BACKUPS = 64;
    /** Longest map name accepted. */
    public static final int MAX_NAME_LENGTH = 200;

    private final String name;
    private final MapMode mode;
    private final int backups;
    private final int partitions;
    private final boolean eviction;

    private MapDefinition(String name, MapMode mode, int backups, int partitions, boolean eviction) {
        this.name = name;
        this.mode = mode;
        this.backups = backups;
        this.partitions = partitions;
        this.eviction = eviction;
    }

    /**
     * A builder of the definition of the map {@code name}: partitioned, {@value #DEFAULT_BACKUPS} backup,
     * {@value #DEFAULT_PARTITIONS} partitions, no eviction, until told otherwise.
     *
     * @throws IllegalArgumentException when the name is blank, too long, has control characters, or starts
     *         with {@value InternalMaps#PREFIX} (the grid's own maps)
     */
    public static Builder builder(String name) {
        return new Builder(checkName(name));
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /** Partitioned or replicated. */
    public MapMode mode() {
        return mode;
    }

    /** Backup copies of each partition; 0 for a replicated map (every node holds a copy). */
    public int backups() {
        return backups;
    }

    /** Number of partitions. */
    public int partitions() {
        return partitions;
    }

    /**
     * Whether the map lives in the nodes' eviction region, where the least recently used entries are evicted
     * when it fills, instead of writes being refused.
     */
    public boolean eviction() {
        return eviction;
    }

    /**
     * Checks a definition that did not come through the builder (e.g. one deserialized on a node).
     *
     * @return this definition
     * @throws IllegalArgumentException naming the bad setting
     */
    public MapDefinition validate() {
        checkName(name);
        Objects.requireNonNull(mode, "mode must not be null");
        new Builder(name).mode(mode).backups(backups).partitions(partitions).build();
        return this;
    }

    /** The definition as {@code name=orders, mode=partitioned, backups=1, partitions=1024, eviction=false}. */
    @Override
    public String toString() {
        return "name=" + name + ", mode=" + mode.name().toLowerCase(Locale.ROOT) + ", backups=" + backups
                + ", partitions=" + partitions + ", eviction=" + eviction;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapDefinition d && name.equals(d.name) && mode == d.mode && backups == d.backups
                && partitions == d.partitions && eviction == d.eviction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mode, backups, partitions, eviction);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A map needs a name: give one, e.g. 'orders'");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Map name '" + name.substring(0, 20) + "...' has " + name.length()
                    + " characters; at most " + MAX_NAME_LENGTH + " are allowed");
        }
        if (!name.equals(name.strip()) || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Map name '" + name + "' has leading or trailing spaces or control characters;"
                    + " use letters, digits, '-', '_' or '.'");
        }
        if (InternalMaps.isInternal(name)) {
            throw new IllegalArgumentException("Map name '" + name + "' starts with '" + InternalMaps.PREFIX
                    + "', which is kept for the grid's own maps; choose another name");
        }
        return name;
    }

    /** Builds a {@link MapDefinition}. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private MapMode mode = MapMode.PARTITIONED;
        private Integer backups;
        private int partitions = DEFAULT_PARTITIONS;
        private boolean eviction;

        private Builder(String name) {
            this.name = name;
        }

        /** Partitioned (the default) or replicated. */
        public Builder mode(MapMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode must not be null");
            return this;
        }

        /**
         * Backup copies of each partition of a partitioned map, 0 to {@value #MAX_BACKUPS}; a replicated map takes
         * only 0 (every node holds a copy).
         *
         * @throws IllegalArgumentException when out of range
         */
        public Builder backups(int backups) {
            if (backups < 0 || backups > MAX_BACKUPS) {
                throw new IllegalArgumentException("backups must be 0 to " + MAX_BACKUPS + ", got " + backups);
            }
            this.backups = backups;
            return this;
        }

        /**
         * Number of partitions, 1 to {@value #MAX_PARTITIONS}.
         *
         * @throws IllegalArgumentException when out of range
         */
        public Builder partitions(int partitions) {
            if (partitions < 1 || partitions > MAX_PARTITIONS) {
                throw new IllegalArgumentException("partitions must be 1 to " + MAX_PARTITIONS + ", got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** Whether the map lives in the nodes' eviction region (false by default). */
        public Builder eviction(boolean eviction) {
            this.eviction = eviction;
            return this;
        }

        /**
         * The definition.
         *
         * @throws IllegalArgumentException when backups were given for a replicated map
         */
        public MapDefinition build() {
            if (mode == MapMode.REPLICATED && backups != null && backups > 0) {
                throw new IllegalArgumentException("backups apply to partitioned maps only: a replicated map has a copy on every"
                        + " node; leave backups out (or 0)");
            }
            int copies = mode == MapMode.REPLICATED ? 0 : backups == null ? DEFAULT_BACKUPS : backups;
            return new MapDefinition(name, mode, copies, partitions, eviction);
        }
    }
}
