package io.affinitygrid.compute.admin;

import java.io.Serializable;
import java.util.Objects;

/**
 * A map as the grid has it now: its definition, number of entries and partitions, and whether it was created at
 * run time or configured on the nodes ({@code grid.maps}). Immutable.
 */
public final class MapDescription implements Serializable {

    private static final long serialVersionUID = 1L;

    private final MapDefinition definition;
    private final long size;
    private final boolean runtime;

    public MapDescription(MapDefinition definition, long size, boolean runtime) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.size = size;
        this.runtime = runtime;
    }

    /** The map's definition (for a configured map, as its configuration reads). */
    public MapDefinition definition() {
        return definition;
    }

    /** The map's name. */
    public String name() {
        return definition.name();
    }

    /** Number of entries (primary copies on every node) when the map was described. */
    public long size() {
        return size;
    }

    /** Number of partitions. */
    public int partitions() {
        return definition.partitions();
    }

    /**
     * Whether the map was created at run time (and is kept by the nodes in their work directories); false for
     * a map configured in the nodes' {@code grid.maps}.
     */
    public boolean runtime() {
        return runtime;
    }

    @Override
    public String toString() {
        return "MapDescription[" + definition + ", size=" + size + ", " + (runtime ? "created at run time" : "configured") + "]";
    }
}
