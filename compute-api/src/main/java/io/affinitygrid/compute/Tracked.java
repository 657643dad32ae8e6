package io.affinitygrid.compute;

/**
 * An argument that asks its task to publish progress under an execution id: partitions done of the total,
 * readable by any client from the {@value TaskProgress#CACHE} cache while the task runs (see
 * {@link TaskProgress}).
 */
public interface Tracked {

    /** The id under which progress is published, or {@code null} for none. */
    String executionId();
}
