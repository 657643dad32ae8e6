package io.affinitygrid.client;

import java.time.Duration;
import java.util.List;

import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared test fixture: a cluster of grid nodes in this JVM (free ports, isolated discovery) with the
 * maps {@code orders} (partitioned, one backup) and {@code customers} (replicated), and a {@link Grid}
 * connected to every node.
 *
 * <p>Register it on a static field to get one cluster per test class:
 * <pre>{@code @RegisterExtension static final GridCluster CLUSTER = GridCluster.threeNodes();}</pre>
 * or start and close it yourself ({@link #start()}, {@link #close()}) for a cluster per test.
 */
final class GridCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    static final String ORDERS = "orders";
    static final String CUSTOMERS = "customers";
    static final int PARTITIONS = CacheSettings.DEFAULT_PARTITIONS;

    private final int nodes;
    private LocalCluster cluster;
    private Grid grid;

    private GridCluster(int nodes) {
        this.nodes = nodes;
    }

    /** Three nodes; not started yet. */
    static GridCluster threeNodes() {
        return new GridCluster(3);
    }

    /** Starts the nodes and connects the grid; returns this. */
    GridCluster start() {
        cluster = LocalCluster.builder()
                .nodes(nodes)
                .cache(CacheSettings.partitioned(ORDERS).withBackups(1))
                .cache(CacheSettings.replicated(CUSTOMERS))
                .dataRegionSizeBytes(96L * 1024 * 1024)
                .start();
        grid = Grid.connect(config());
        return this;
    }

    /** A configuration with the addresses of every node, so that the SDK survives the loss of any one. */
    GridConfig config() {
        return GridConfig.builder().addresses(cluster.clientAddresses())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }

    LocalCluster cluster() {
        return cluster;
    }

    /** The shared grid connection; do not close it. */
    Grid grid() {
        return grid;
    }

    GridMap<Long, Order> orders() {
        return grid.map(ORDERS, Long.class, Order.class);
    }

    /** Node names (their consistent ids), by index. */
    List<String> nodeNames() {
        return java.util.stream.IntStream.range(0, cluster.size()).mapToObj(i -> cluster.settings(i).nodeName()).toList();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        try {
            if (grid != null) {
                grid.close();
            }
        }
        finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
