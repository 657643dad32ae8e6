package io.affinitygrid.compute;

/**
 * The one definition of the grid's internal maps: a map whose name starts with {@value #PREFIX} (e.g.
 * {@link TaskProgress#CACHE}) belongs to the grid itself, and listings, health and meters leave it out.
 */
public final class InternalMaps {

    /** The prefix of the names of the grid's internal maps. */
    public static final String PREFIX = "__";

    private InternalMaps() {
    }

    /** Whether {@code mapName} names an internal map; false for null. */
    public static boolean isInternal(String mapName) {
        return mapName != null && mapName.startsWith(PREFIX);
    }
}
