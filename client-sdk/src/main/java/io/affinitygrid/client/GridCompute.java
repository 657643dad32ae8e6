package io.affinitygrid.client;

import io.affinitygrid.compute.SumResult;

/**
 * Runs computations on the grid nodes, next to the data: only the task's name, its argument and its
 * result travel. Tasks are not shipped from the client: a task runs only if its class is on every node's
 * classpath. Thread-safe; stops working when its {@link Grid} is closed.
 *
 * <p>A computation that does not finish within {@link GridConfig#requestTimeout()} fails with
 * {@link TaskFailedException}.
 */
public interface GridCompute {

    /**
     * Counts the entries of a map and sums a numeric field of their values, partition by partition on the
     * nodes that own them. Entries whose value lacks the field are counted but add nothing.
     *
     * @param mapName the map to scan, not null or blank
     * @param field the name of a numeric field of the map's values, not null or blank
     * @return the count and the exact sum
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when an argument is blank
     * @throws UnknownMapException when the grid has no map of that name
     * @throws TaskFailedException when the computation fails on the grid, e.g. the field is not numeric;
     *         the message carries the node's cause
     * @throws GridException when the grid cannot be reached, or the grid is closed
     */
    SumResult sum(String mapName, String field);

    /**
     * Runs a task deployed on the nodes, by its name (the task class's name), and waits for its result.
     *
     * @param taskName the task's name, not null or blank
     * @param argument the task's argument; may be null; must be serializable by Ignite's binary marshaller
     * @param <R> the result type expected by the caller; a result of another type fails with
     *        {@link ClassCastException} where the caller uses it
     * @return the task's result, possibly null
     * @throws NullPointerException when {@code taskName} is null
     * @throws IllegalArgumentException when {@code taskName} is blank
     * @throws TaskFailedException when the task is unknown, fails or times out, with the node's cause
     * @throws GridException when the grid cannot be reached, the calling thread is interrupted (its
     *         interrupt flag is then set again), or the grid is closed
     */
    <R> R execute(String taskName, Object argument);
}
