package io.affinitygrid.bench;

import java.util.List;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridConfig;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.spi.metric.LongMetric;

/**
 * A {@link LocalCluster} of 1–3 nodes in this JVM with the benchmark's data loaded, an SDK {@link Grid} and a raw
 * Ignite thin client connected to it. Caches: {@value #ORDERS} ({@code entries} orders, keys 0..entries-1) and
 * {@value #KV} ({@link #kvKeys()} byte-array values of {@code valueSize} bytes). Both have the grid's defaults:
 * one backup, {@code FULL_SYNC} writes. Data is loaded with a data streamer on a node (loading is not measured).
 */
public final class BenchCluster implements AutoCloseable {

    public static final String ORDERS = "orders";
    public static final String KV = "kv";

    /** Generous off-heap bytes per stored copy of an order, for sizing the data region. */
    private static final long BYTES_PER_ORDER = 320;

    private final LocalCluster cluster;
    private final Grid grid;
    private final IgniteClient raw;
    private final long entries;
    private final int kvKeys;

    private BenchCluster(LocalCluster cluster, long entries, int kvKeys) {
        this.cluster = cluster;
        this.entries = entries;
        this.kvKeys = kvKeys;
        this.grid = Grid.connect(gridConfig().build());
        this.raw = Ignition.startClient(new ClientConfiguration()
                .setAddresses(cluster.clientAddresses().toArray(String[]::new))
                .setPartitionAwarenessEnabled(true));
    }

    /** Starts {@code nodes} nodes and loads the orders, and the key-value map when {@code withKv}. */
    public static BenchCluster start(int nodes, BenchOptions options, boolean withKv) {
        int kvKeys = withKv ? (int) Math.min(options.entries(), 100_000) : 0;
        int copies = Math.min(2, nodes);
        long bytes = (options.entries() * BYTES_PER_ORDER + kvKeys * (options.valueSize() + 200L)) * copies / nodes;
        LocalCluster cluster = LocalCluster.builder()
                .nodes(nodes)
                .cache(CacheSettings.partitioned(ORDERS).withPartitions(options.partitions()))
                .cache(CacheSettings.partitioned(KV).withPartitions(options.partitions()))
                .dataRegionSizeBytes(Math.max(128L << 20, bytes + bytes / 2))
                .start();
        try {
            var ignite = cluster.node(0).ignite();
            // The nodes have just joined and partitions are still moving: a streamer that may not overwrite
            // writes straight into partitions and can leave keys missing when they move under it.
            for (var node : cluster.runningNodes()) {
                node.ignite().cache(ORDERS).rebalance().get();
                node.ignite().cache(KV).rebalance().get();
            }
            try (IgniteDataStreamer<Long, Order> streamer = ignite.dataStreamer(ORDERS)) {
                streamer.allowOverwrite(true);
                for (long id = 0; id < options.entries(); id++) {
                    streamer.addData(id, Order.generate(id));
                }
            }
            try (IgniteDataStreamer<Long, byte[]> streamer = ignite.dataStreamer(KV)) {
                streamer.allowOverwrite(true);
                for (long key = 0; key < kvKeys; key++) {
                    streamer.addData(key, value(key, options.valueSize()));
                }
            }
            return new BenchCluster(cluster, options.entries(), kvKeys);
        }
        catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The value stored under {@code key} in {@value #KV}: {@code size} bytes. */
    public static byte[] value(long key, int size) {
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) (key + i);
        }
        return value;
    }

    /** A config for another SDK connection to this cluster (e.g. with a near cache). */
    public GridConfig.Builder gridConfig() {
        return GridConfig.builder().addresses(cluster.clientAddresses());
    }

    public int nodes() {
        return cluster.size();
    }

    public long entries() {
        return entries;
    }

    public int kvKeys() {
        return kvKeys;
    }

    /** The SDK connection, without near cache. */
    public Grid grid() {
        return grid;
    }

    public GridMap<Long, Order> orders() {
        return grid.map(ORDERS, Long.class, Order.class);
    }

    /** The raw Ignite thin client, configured like the SDK's (partition awareness on). */
    public IgniteClient raw() {
        return raw;
    }

    public List<GridNode> nodeList() {
        return cluster.runningNodes();
    }

    /**
     * Bytes sent and received so far, as counted by the nodes: on their thin-client connectors (both directions,
     * so client↔node traffic) and sent by their node-to-node communication SPI. Read from Ignite's internal metric
     * registries {@code client.connector} and {@code communication.tcp}; discovery traffic is not included.
     */
    public Traffic traffic() {
        long client = 0;
        long node = 0;
        for (GridNode n : cluster.runningNodes()) {
            var metrics = ((IgniteEx) n.ignite()).context().metric();
            client += metric(metrics.registry("client.connector").findMetric("sentBytes"))
                    + metric(metrics.registry("client.connector").findMetric("receivedBytes"));
            node += metric(metrics.registry("communication.tcp").findMetric("sentBytes"));
        }
        return new Traffic(client, node);
    }

    private static long metric(Object metric) {
        return metric instanceof LongMetric m ? m.value() : 0;
    }

    @Override
    public void close() {
        try {
            raw.close();
        }
        catch (Exception ignored) {
            // closing anyway
        }
        grid.close();
        cluster.close();
    }

    /**
     * Byte counters of the nodes at one moment; subtract two to get the traffic in between.
     *
     * @param clientBytes bytes through the thin-client connectors, both directions
     * @param nodeBytes bytes sent between nodes
     */
    public record Traffic(long clientBytes, long nodeBytes) {

        public Traffic minus(Traffic before) {
            return new Traffic(clientBytes - before.clientBytes, nodeBytes - before.nodeBytes);
        }

        public long total() {
            return clientBytes + nodeBytes;
        }
    }
}
