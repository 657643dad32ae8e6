package io.affinitygrid.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.affinitygrid.compute.KeyJobRef;
import io.affinitygrid.compute.KeyJobResult;
import io.affinitygrid.compute.PartitionOwners;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TaskRef;

/**
 * Runs computations on the grid nodes, next to the data: only the task's name, its argument and its
 * result travel. Tasks are not shipped from the client: a task runs only if its class is on every node's
 * classpath (the catalog's tasks always are). Thread-safe; stops working when its {@link Grid} is closed.
 *
 * <p>The catalog of aggregations is reached through {@link #on(String)}:
 * <pre>{@code
 * long big = grid.compute().on("orders").where("amount > 100").count();
 * List<GroupRow> byRegion = grid.compute().on("orders").groupBy("region", "amount");
 * }</pre>
 *
 * <p>A computation that does not finish within {@link GridConfig#requestTimeout()} is cancelled on the grid
 * and fails with {@link GridTimeoutException}. One {@link Grid} runs at most
 * {@link GridConfig#maxConcurrentComputations()} computations on the grid at once; later ones wait in the
 * client, in order, and their wait counts towards the timeout. A node that already coordinates as many
 * computations as it accepts refuses more with {@link GridBusyException}.
 *
 * <p><b>When a node leaves.</b> The node that receives a computation runs its reduce. A node that leaves while it
 * runs partition jobs is absorbed by the grid (its partitions are computed on their new primaries). When the
 * receiving node itself leaves (or the connection to it fails), the SDK:
 * <ul>
 * <li>sends the computation again, to another node, within the request timeout, if running it twice is safe:
 * every catalog computation of {@link #on(String)} (count, sum, stats, group-by, top/bottom, distinct, word count),
 * {@link Grid#topology()}, the catalog's metadata tasks run by name, and the bulk update
 * ({@link ComputeScope#multiply}), whose operation id makes a second run change nothing twice; each re-send is
 * counted by the meter {@code grid.client.compute.retries} (tag {@code task});</li>
 * <li>fails any other computation (a key job of {@link #onKey}, a task of yours run by {@link #execute}) with
 * {@link TaskOutcomeUnknownException}: it may or may not have run, and is not sent again.</li>
 * </ul>
 */
public interface GridCompute {

    /**
     * The entries of a map, as the scope of catalog computations (count, sum, stats, group-by, top-N,
     * distinct, word count, bulk update). The map's existence is checked when a computation runs.
     *
     * @throws NullPointerException when {@code mapName} is null
     * @throws IllegalArgumentException when {@code mapName} is blank
     */
    ComputeScope on(String mapName);

    /**
     * Counts the entries of a map and sums a numeric field of their values, partition by partition on the
     * nodes that own them. Same as {@code on(mapName).sum(field)}.
     *
     * @param mapName the map to scan, not null or blank
     * @param field the name of a numeric field of the map's values, not null or blank
     * @return the count and the exact sum
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when an argument is blank
     * @throws UnknownMapException when the grid has no map of that name
     * @throws PartitionLostException at once, when partitions of the map lost every copy (never a partial sum)
     * @throws TaskFailedException when the computation fails on the grid: the field is not numeric, or no
     *         entry has it; the message carries the node's cause
     * @throws GridException when the grid cannot be reached, or the grid is closed
     */
    SumResult sum(String mapName, String field);

    /**
     * Runs a key job by class name; prefer {@link #onKey(String, Object, KeyJobRef, Object)}. Runs a key job (a
     * class implementing {@code io.affinitygrid.compute.KeyJob}, deployed on the nodes) on
     * the primary node of {@code key}'s partition, where it reads and writes the entry locally, and returns
     * its result.
     *
     * @param mapName the key's map
     * @param key the key, not null
     * @param jobClassName the job's class name, e.g. {@code io.affinitygrid.compute.AddToFieldJob}
     * @param argument the job's argument; may be null
     * @throws NullPointerException when the map, key or job class name is null
     * @throws UnknownMapException when the grid has no map of that name
     * @throws TaskFailedException when the job class is missing on the nodes or the job fails
     * @throws TaskOutcomeUnknownException when the connection to the node running it was lost before its result
     *         came: the job may or may not have run; it is not sent again
     */
    <R> R onKey(String mapName, Object key, String jobClassName, Object argument);

    /**
     * Runs a key job on the primary node of {@code key}'s partition, where it reads and writes the entry locally,
     * and returns its result. Never sent twice (a key job may write).
     *
     * <pre>{@code
     * Object newAmount = grid.compute().onKey("orders", 7L, CatalogTasks.ADD_TO_FIELD, FieldDelta.of("amount", 10));
     * }</pre>
     *
     * @param mapName the key's map
     * @param key the key, not null
     * @param job the job, e.g. {@link io.affinitygrid.compute.CatalogTasks#ADD_TO_FIELD}
     * @param argument the job's argument; may be null
     * @throws NullPointerException when the map, key or job is null
     * @throws IllegalArgumentException when {@code argument} is not of the job's argument type
     * @throws UnknownMapException when the grid has no map of that name
     * @throws TaskFailedException when the job class is missing on the nodes or the job fails ({@link GridException#code()}
     *         tells which)
     * @throws TaskOutcomeUnknownException when the connection to the node running it was lost before its result
     *         came: the job may or may not have run; it is not sent again
     */
    <A, R> R onKey(String mapName, Object key, KeyJobRef<A, R> job, A argument);

    /**
     * Like {@link #onKey(String, Object, KeyJobRef, Object)}, and says where the job ran: the key's partition and the
     * node that ran it.
     *
     * @return the job's result, the partition and the node's name
     * @throws NullPointerException when the map, key or job is null
     * @throws IllegalArgumentException when {@code argument} is not of the job's argument type
     * @throws UnknownMapException when the grid has no map of that name
     * @throws TaskFailedException when the job class is missing on the nodes or the job fails
     * @throws TaskOutcomeUnknownException when the connection to the node running it was lost before its result
     *         came: the job may or may not have run; it is not sent again
     */
    <A, R> KeyJobResult<R> runOnKey(String mapName, Object key, KeyJobRef<A, R> job, A argument);

    /**
     * Like {@link #onKey(String, Object, String, Object)} (a key job named by class, e.g. a deployed one whose class
     * the application cannot see), and says where the job ran: the key's partition and the node that ran it.
     *
     * @return the job's result, the partition and the node's name
     * @throws NullPointerException when the map, key or job class name is null
     * @throws UnknownMapException when the grid has no map of that name
     * @throws TaskFailedException when the job class is missing on the nodes or the job fails
     * @throws TaskOutcomeUnknownException when the connection to the node running it was lost before its result
     *         came: the job may or may not have run; it is not sent again
     */
    KeyJobResult<Object> runOnKey(String mapName, Object key, String jobClassName, Object argument);

    /**
     * The catalog's key jobs, which every grid node carries (such as
     * {@link io.affinitygrid.compute.CatalogTasks#ADD_TO_FIELD}); deployed ones are listed by {@link Grid#deployments()}.
     * Asks nothing of the grid.
     *
     * @return an immutable list
     */
    default List<KeyJobRef<?, ?>> catalogKeyJobs() {
        return io.affinitygrid.compute.CatalogTasks.keyJobs();
    }

    /**
     * For each partition of a map, its primary and backup nodes, as the grid's affinity function assigns them now.
     *
     * @return one entry per partition, by partition number; a lost partition has no primary
     * @throws UnknownMapException when the grid has no map of that name
     * @throws GridException when the grid cannot be reached, or the grid is closed
     */
    List<PartitionOwners> partitionMap(String mapName);

    /**
     * The partition of {@code key} in a map and the nodes that own it, primary first. Whether the map holds an
     * entry for the key does not matter.
     *
     * @throws UnknownMapException when the grid has no map of that name
     * @throws GridException when the grid cannot be reached, or the grid is closed
     */
    PartitionOwners keyOwners(String mapName, Object key);

    /**
     * The fields of a map's values and their types, read on a node from the binary metadata of a sample of entries;
     * {@code _value} for maps of plain values; empty for an empty map.
     *
     * @return field name to type name, sorted by field name
     * @throws UnknownMapException when the grid has no map of that name
     * @throws GridException when the grid cannot be reached, or the grid is closed
     */
    Map<String, String> fieldTypes(String mapName);

    /**
     * Runs a task deployed on the nodes, named by a typed reference (one of
     * {@link io.affinitygrid.compute.CatalogTasks}, or {@link TaskRef#of(Class)} for a task of yours), and waits
     * for its result. A read-only task of the catalog is sent again to another node if the node running it
     * leaves; any other task then fails with {@link TaskOutcomeUnknownException}.
     *
     * @param task the task, not null
     * @param argument the task's argument; may be null
     * @return the task's result, possibly null
     * @throws NullPointerException when {@code task} is null
     * @throws IllegalArgumentException when {@code argument} is not of the task's argument class
     * @throws UnknownMapException when the argument names a map the grid does not have
     * @throws TaskFailedException when the task is unknown, fails or times out, with the node's cause
     * @throws GridException when the grid cannot be reached, or the grid is closed
     */
    <A, R> R execute(TaskRef<A, R> task, A argument);

    /**
     * Like {@link #execute(TaskRef, Object)}, without waiting: the future completes with the result or with one
     * of the exceptions {@code execute} throws (argument checks throw at once).
     */
    <A, R> CompletableFuture<R> executeAsync(TaskRef<A, R> task, A argument);

    /**
     * Runs a task deployed on the nodes, by its name (the task class's name), and waits for its result. The
     * untyped escape hatch, for tasks of yours whose class the application cannot see; prefer
     * {@link #execute(TaskRef, Object)}.
     *
     * @param taskName the task's name, not null or blank
     * @param argument the task's argument; may be null; must be serializable by Ignite's binary marshaller
     *        (plain classes, not records)
     * @param <R> the result type expected by the caller; a result of another type fails with
     *        {@link ClassCastException} where the caller uses it
     * @return the task's result, possibly null
     * @throws NullPointerException when {@code taskName} is null
     * @throws IllegalArgumentException when {@code taskName} is blank
     * @throws TaskFailedException when the task is unknown, fails or times out, with the node's cause
     * @throws TaskOutcomeUnknownException when the connection to the node running it was lost before its result
     *         came, and the task is not one of the catalog's read-only ones (which are sent again to another node):
     *         it may or may not have run
     * @throws GridException when the grid cannot be reached, the calling thread is interrupted (its
     *         interrupt flag is then set again), or the grid is closed
     */
    <R> R execute(String taskName, Object argument);

    /**
     * Like {@link #execute(String, Object)}, without waiting: the future completes with the result or with one
     * of the exceptions {@code execute} throws.
     */
    <R> CompletableFuture<R> executeAsync(String taskName, Object argument);
}
