package io.affinitygrid.client;

import java.util.List;
import java.util.Set;

import io.affinitygrid.compute.NodeSummary;

/**
 * A connection to the grid: the entry point of the SDK.
 *
 * <pre>{@code
 * GridConfig config = GridConfig.builder()
 *         .addresses("10.0.0.1:10800", "10.0.0.2:10800", "10.0.0.3:10800")
 *         .nearCache("orders", NearCacheConfig.defaults())
 *         .build();
 * try (Grid grid = Grid.connect(config)) {
 *     GridMap<Long, Order> orders = grid.map("orders", Long.class, Order.class);
 *     orders.put(1L, new Order(1L, "ada", 12.50));
 *     CompletableFuture<Order> first = orders.async().get(1L);
 *     SumResult total = grid.compute().sum("orders", "amount");
 * }
 * }</pre>
 * A complete, compiled example is the SDK's {@code ReadmeExampleTest}, also shown in the README.
 *
 * <p>Thread-safe: one {@code Grid} is meant to be shared by the whole application. Keys go straight to the
 * node that holds their partition (partition awareness); computations run on the nodes, next to the data.
 * Give the addresses of several nodes: when the node in use leaves, the connection moves to another one,
 * and a node that comes back is reconnected to on a later call.
 *
 * <p>Every method throws {@link GridException} (or a subclass) when the grid fails, never an exception of
 * the underlying client: {@link GridUnavailableException} when no node can be reached, and a plain
 * {@code GridException} with the message "grid connection is closed" once {@link #close()} was called.
 */
public interface Grid extends AutoCloseable {

    /**
     * Connects to the grid, trying the configured addresses in turn.
     *
     * @param config how to reach the grid, not null
     * @return an open connection; close it when done
     * @throws GridUnavailableException when no node can be reached at the configured addresses within
     *         the connect timeout; its message names the addresses tried
     * @throws GridException when a node answers but refuses the connection
     * @throws NullPointerException when {@code config} is null
     */
    static Grid connect(GridConfig config) {
        return ThinClientGrid.connect(config);
    }

    /**
     * Returns a typed view of an existing map (a cache on the grid). Checks that the map exists (one
     * round trip); the view itself is immutable, thread-safe and may be kept for the life of this grid.
     * A primitive type such as {@code long.class} stands for its wrapper ({@code Long.class}). When the
     * configuration gives the map a near cache, the first view of the map starts it (one more round trip,
     * to subscribe to the map's changes); all views of the map share it.
     *
     * @param name the map's name, not null
     * @param keyType the type of the map's keys, not null
     * @param valueType the type of the map's values, not null
     * @throws UnknownMapException when the grid has no map of that name; its message lists the maps that exist
     * @throws NullPointerException when an argument is null
     * @throws GridException when the grid cannot be asked (or cannot subscribe the near cache to the map's
     *         changes), or this grid is closed
     */
    <K, V> GridMap<K, V> map(String name, Class<K> keyType, Class<V> valueType);

    /**
     * A view of an existing map whose values are plain data, so that no class of the values need exist in the
     * application: an object stored on the grid (in its binary form) is read as a {@link GridRecord} of its type
     * name and fields, and a {@code GridRecord} is written as an object of its type; text, numbers, booleans, UUIDs
     * and dates are read and written as themselves. Everything else is as for {@link #map(String, Class, Class)},
     * except that this view has no near cache.
     *
     * <pre>{@code
     * GridMap<Long, Object> orders = grid.records("orders", Long.class);
     * orders.put(7L, GridRecord.builder("Order").field("amount", 12.5).build());
     * long big = grid.compute().on("orders").where("amount > 10").count();
     * }</pre>
     *
     * <p>The grid keeps one type per field of a record type: a number written into a field that the type holds as
     * another number type is converted when nothing is lost (12 into a {@code double} field), and a value that does
     * not fit is refused with an {@link IllegalArgumentException} naming the field, before anything is sent.
     *
     * @param name the map's name, not null
     * @param keyType the type of the map's keys, not null
     * @throws UnknownMapException when the grid has no map of that name
     * @throws NullPointerException when an argument is null
     * @throws GridException when the grid cannot be asked, or this grid is closed
     */
    <K> GridMap<K, Object> records(String name, Class<K> keyType);

    /**
     * Names of the maps on the grid. The grid's own maps, whose names start with {@code __} (such as the
     * progress of running computations), are left out.
     *
     * @return an immutable, sorted set; empty when the grid has no map
     * @throws GridException when the grid cannot be asked, or this grid is closed
     */
    Set<String> mapNames();

    /**
     * Describes every map on the grid, as listed by {@link #mapNames()}: mode, backups, partitions and number
     * of entries. Maps created or destroyed while this runs may be missing or present.
     *
     * @return an immutable list sorted by map name
     * @throws GridException when the grid cannot be asked, or this grid is closed
     */
    List<MapInfo> maps();

    /**
     * Describes the server nodes of the grid: names, addresses, and how many primary and backup
     * partitions of each map each one holds. Runs {@code io.affinitygrid.compute.ClusterInfoTask} on a node.
     *
     * @return an immutable list sorted by node name
     * @throws TaskFailedException when the nodes cannot run the task (e.g. they lack compute-tasks)
     * @throws GridException when the grid cannot be reached, or this grid is closed
     */
    List<NodeSummary> topology();

    /**
     * Runs computations on the grid nodes. The returned object is a thread-safe view of this grid and
     * stops working when it is closed.
     */
    GridCompute compute();

    /**
     * Deployment of task jars to the running grid: deploy, undeploy and list, sync and async. Never null;
     * thread-safe. See {@link Deployments}.
     */
    Deployments deployments();

    /**
     * Administration of the running grid: create, destroy, clear and describe maps, list the server nodes with
     * their JVM and memory, stop a node; sync and async. Never null; thread-safe. See {@link MapAdmin}.
     */
    MapAdmin admin();

    /** The configuration this grid was connected with; never null. */
    GridConfig config();

    /**
     * Closes the connection to every node. Idempotent and thread-safe; after it returns, every operation
     * of this grid and of its views throws {@link GridException} ("grid connection is closed"), or returns
     * a future failed with it. Operations running concurrently with {@code close()} fail with that exception
     * too. Empties the near caches and removes the meters from the registry. Returns within about two
     * seconds: it waits that long at most for the SDK's threads to complete the futures of the requests
     * that were in flight.
     */
    @Override
    void close();
}
