package io.affinitygrid.node.compute;

import java.io.Serializable;
import java.util.Objects;

/**
 * Result of {@link WhereJob}: the node a key job ran on, and whether it was the key's primary there. A final
 * class, not a record: Ignite's binary marshaller cannot set a record's fields.
 */
public final class Where implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String node;
    private final boolean primary;

    public Where(String node, boolean primary) {
        this.node = node;
        this.primary = primary;
    }

    public String node() {
        return node;
    }

    public boolean primary() {
        return primary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Where w && node.equals(w.node) && primary == w.primary;
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, primary);
    }

    @Override
    public String toString() {
        return node + (primary ? " (primary)" : " (not primary)");
    }
}
