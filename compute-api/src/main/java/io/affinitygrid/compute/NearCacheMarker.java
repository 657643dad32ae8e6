package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import org.apache.ignite.binary.BinaryObject;

/**
 * The key, and value, that a client's near cache writes into a map and removes at once, to see its own
 * change notice arrive and so learn that its continuous query on that map delivers. It has to be written
 * into the map itself: a notice from any other map would prove nothing about this map's query.
 *
 * <p>No user key can equal one, since no user key is of this type, and the random id keeps two clients'
 * markers apart. It lives in the map for the two requests between its put and its remove (with a 30 s
 * expiry in case the client dies in between), so computations skip it ({@link #isMarker(Object)}); a map's
 * size may count it during that moment. Immutable.
 */
public final class NearCacheMarker implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Name of the binary type of markers: the class name, as Ignite's default name mapper gives it. */
    static final String TYPE_NAME = NearCacheMarker.class.getName();

    private final UUID id;

    public NearCacheMarker(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The id of the near-cache registration that wrote this marker. */
    public UUID id() {
        return id;
    }

    /**
     * Whether a key, as object or in binary form, is a marker. Cheap for keys that are not binary objects
     * (numbers, strings); for binary objects it reads the type's metadata.
     */
    public static boolean isMarker(Object key) {
        if (key instanceof BinaryObject binary) {
            return TYPE_NAME.equals(binary.type().typeName());
        }
        return key instanceof NearCacheMarker;
    }

    /** The id of a marker given as object or in binary form; {@code null} when {@code key} is not a marker. */
    public static UUID idOf(Object key) {
        if (key instanceof NearCacheMarker marker) {
            return marker.id;
        }
        if (key instanceof BinaryObject binary && isMarker(binary)) {
            return binary.field("id");
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearCacheMarker other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "NearCacheMarker[" + id + "]";
    }
}
