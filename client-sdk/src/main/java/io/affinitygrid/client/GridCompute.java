package io.affinitygrid.client;

import io.affinitygrid.compute.SumResult;

/**
 * Runs computations on the grid nodes, next to the data: only arguments and results travel.
 * Thread-safe.
 */
public interface GridCompute {

    /**
     * Counts the entries of a map and sums a numeric field of its values, partition by partition on the
     * nodes that own them.
     *
     * @throws UnknownMapException when the grid has no map of that name
     * @throws TaskFailedException when the computation fails on the grid, e.g. the field is not numeric
     */
    SumResult sum(String mapName, String field);

    /**
     * Runs a task deployed on the nodes, by its name (the task class's name).
     *
     * @throws TaskFailedException when the task is unknown or fails, with the node's cause
     */
    <R> R execute(String taskName, Object argument);
}
