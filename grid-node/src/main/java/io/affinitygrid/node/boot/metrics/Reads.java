package io.affinitygrid.node.boot.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.affinitygrid.compute.InternalMaps;
import org.apache.ignite.Ignite;

/** Reads shared by the node's meter binders. */
final class Reads {

    /** Prefix of the names of the grid's internal caches, which are not metered. */
    static final String INTERNAL_PREFIX = InternalMaps.PREFIX;

    /** Base unit of the partition meters. */
    static final String PARTITIONS = "partitions";

    private Reads() {
    }

    /** A gauge's value read from the node, or {@code NaN} while the node cannot answer (stopping, stopped). */
    static double orNaN(Ignite ignite, ToDoubleFunction<Ignite> read) {
        try {
            return read.applyAsDouble(ignite);
        }
        catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The caches to meter: the given names, or every cache the node has now except the internal ones (named
     * {@code __...}, such as the compute tasks' progress cache), sorted.
     */
    static List<String> cacheNames(Ignite ignite, Collection<String> configured) {
        List<String> names = new ArrayList<>(configured != null ? configured
                : ignite.cacheNames().stream().filter(name -> !name.startsWith(INTERNAL_PREFIX)).toList());
        names.sort(null);
        return names;
    }
}
