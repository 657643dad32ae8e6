package io.affinitygrid.client;

import java.util.Set;

/**
 * A connection to the grid: the entry point of the SDK.
 *
 * <pre>{@code
 * try (Grid grid = Grid.connect(GridConfig.builder().addresses("127.0.0.1:10800").build())) {
 *     GridMap<Long, Order> orders = grid.map("orders", Long.class, Order.class);
 *     orders.put(1L, new Order(...));
 *     SumResult total = grid.compute().sum("orders", "amount");
 * }
 * }</pre>
 *
 * <p>Thread-safe: one {@code Grid} is meant to be shared by the whole application. Keys go straight to the
 * node that holds their partition; computations run on the nodes, next to the data.
 */
public interface Grid extends AutoCloseable {

    /**
     * Connects to the grid.
     *
     * @throws GridUnavailableException when no node can be reached at the configured addresses
     * @throws NullPointerException when {@code config} is null
     */
    static Grid connect(GridConfig config) {
        return ThinClientGrid.connect(config);
    }

    /**
     * Returns a typed view of an existing map (a cache on the grid). The view is cheap and thread-safe.
     *
     * @throws UnknownMapException when the grid has no map of that name
     * @throws NullPointerException when an argument is null
     */
    <K, V> GridMap<K, V> map(String name, Class<K> keyType, Class<V> valueType);

    /** Names of the maps on the grid. */
    Set<String> mapNames();

    /** Runs computations on the grid nodes. */
    GridCompute compute();

    /** The configuration this grid was connected with. */
    GridConfig config();

    /** Closes the connection. Idempotent; operations after close throw {@link GridException}. */
    @Override
    void close();
}
