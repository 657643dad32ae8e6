package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a key job answered, with where it ran: the key's partition and the name of the node that ran the job (the
 * key's primary when it ran). Immutable.
 *
 * @param <R> the job's result type
 */
public final class KeyJobResult<R> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final R result;
    private final int partition;
    private final String node;

    /**
     * @throws NullPointerException when {@code node} is null
     */
    public KeyJobResult(R result, int partition, String node) {
        this.result = result;
        this.partition = partition;
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The job's result; may be null. */
    public R result() {
        return result;
    }

    /** The partition of the key. */
    public int partition() {
        return partition;
    }

    /** The name (consistent id) of the node that ran the job. */
    public String node() {
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyJobResult<?> other && Objects.equals(result, other.result) && partition == other.partition
                && node.equals(other.node);
    }

    @Override
    public int hashCode() {
        return Objects.hash(result, partition, node);
    }

    @Override
    public String toString() {
        return "KeyJobResult[" + result + " from partition " + partition + " on " + node + "]";
    }
}
