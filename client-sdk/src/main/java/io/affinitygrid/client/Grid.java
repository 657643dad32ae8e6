package io.affinitygrid.client;

import java.util.List;
import java.util.Set;

import io.affinitygrid.compute.NodeSummary;

/**
 * A connection to the grid: the entry point of the SDK.
 *
 * <pre>{@code
 * GridConfig config = GridConfig.builder().addresses("10.0.0.1:10800", "10.0.0.2:10800", "10.0.0.3:10800").build();
 * try (Grid grid = Grid.connect(config)) {
 *     GridMap<Long, Order> orders = grid.map("orders", Long.class, Order.class);
 *     orders.put(1L, new Order(1L, "ada", 12.50));
 *     SumResult total = grid.compute().sum("orders", "amount");
 * }
 * }</pre>
 *
 * <p>Thread-safe: one {@code Grid} is meant to be shared by the whole application. Keys go straight to the
 * node that holds their partition; computations run on the nodes, next to the data. Give the addresses of
 * several nodes: when the node in use leaves, the connection moves to another one.
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
     * A primitive type such as {@code long.class} stands for its wrapper ({@code Long.class}).
     *
     * @param name the map's name, not null
     * @param keyType the type of the map's keys, not null
     * @param valueType the type of the map's values, not null
     * @throws UnknownMapException when the grid has no map of that name; its message lists the maps that exist
     * @throws NullPointerException when an argument is null
     * @throws GridException when the grid cannot be asked, or this grid is closed
     */
    <K, V> GridMap<K, V> map(String name, Class<K> keyType, Class<V> valueType);

    /**
     * Names of the maps on the grid.
     *
     * @return an immutable, sorted set; empty when the grid has no map
     * @throws GridException when the grid cannot be asked, or this grid is closed
     */
    Set<String> mapNames();

    /**
     * Describes every map on the grid: mode, backups, partitions and number of entries. Maps created or
     * destroyed while this runs may be missing or present.
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

    /** The configuration this grid was connected with; never null. */
    GridConfig config();

    /**
     * Closes the connection to every node. Idempotent and thread-safe; after it returns, every operation
     * of this grid and of its views throws {@link GridException} ("grid connection is closed"). Operations
     * running concurrently with {@code close()} fail with that exception too.
     */
    @Override
    void close();
}
