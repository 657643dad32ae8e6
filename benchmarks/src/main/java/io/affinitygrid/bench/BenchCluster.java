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
 * A cluster of 1–3 grid nodes with the benchmark's data loaded, an SDK {@link Grid} and a raw Ignite thin client
 * connected to it. The nodes are either separate JVM processes ({@link NodeProcesses}: the packaged grid-node
 * jar, the headline mode) or in this JVM ({@link LocalCluster}, loopback TCP). Caches: {@value #ORDERS}
 * ({@code entries} orders, keys 0..entries-1) and {@value #KV} ({@link #kvKeys()} byte-array values of
 * {@code valueSize} bytes). Both have the grid's defaults: one backup, {@code FULL_SYNC} writes. Data is loaded
 * with a data streamer on a node (in-JVM) or with {@code putAll} batches from thin clients (processes); loading
 * is not measured.
 */
public final class BenchCluster implements AutoCloseable {

    public static final String ORDERS = "orders";
    public static final String KV = "kv";

    /** Generous off-heap bytes per stored copy of an order, for sizing the data region. */
    private static final long BYTES_PER_ORDER = 320;

    private final LocalCluster cluster;
    private final NodeProcesses processes;
    private final List<String> addresses;
    private final Grid grid;
    private final IgniteClient raw;
    private final long entries;
    private final int kvKeys;

    private BenchCluster(LocalCluster cluster, NodeProcesses processes, long entries, int kvKeys) {
        this.cluster = cluster;
        this.processes = processes;
        this.addresses = cluster != null ? cluster.clientAddresses() : processes.clientAddresses();
        this.entries = entries;
        this.kvKeys = kvKeys;
        this.grid = Grid.connect(gridConfig().build());
        this.raw = Ignition.startClient(rawConfig());
    }

    /** Starts {@code nodes} nodes as the options say and loads the orders, and the key-value map when {@code withKv}. */
    public static BenchCluster start(int nodes, BenchOptions options, boolean withKv) {
        return start(nodes, options, withKv, false);
    }

    /**
     * Starts {@code nodes} nodes and loads the data; with {@code pinCores} (process mode only) node {@code i} runs
     * on core {@code i} alone.
     */
    public static BenchCluster start(int nodes, BenchOptions options, boolean withKv, boolean pinCores) {
        return start(nodes, options, withKv, pinCores, List.of());
    }

    /** Like {@link #start(int, BenchOptions, boolean, boolean)}, with more {@code --grid.*} arguments for each node process. */
    static BenchCluster start(int nodes, BenchOptions options, boolean withKv, boolean pinCores, List<String> nodeArguments) {
        int kvKeys = withKv ? (int) Math.min(options.entries(), 100_000) : 0;
        int copies = Math.min(2, nodes);
        long bytes = (options.entries() * BYTES_PER_ORDER + kvKeys * (options.valueSize() + 200L)) * copies / nodes;
        long region = Math.max(128L << 20, bytes + bytes / 2);
        if (options.processes()) {
            NodeProcesses processes = NodeProcesses.start(nodes, List.of(ORDERS, KV), options.partitions(), pinCores, region,
                    options.nodeHeap(), nodeArguments);
            BenchCluster bench = null;
            try {
                bench = new BenchCluster(null, processes, options.entries(), kvKeys);
                bench.loadThroughClients(options);
                return bench;
            }
            catch (RuntimeException e) {
                if (bench != null) {
                    bench.close();
                }
                else {
                    processes.close();
                }
                throw e;
            }
        }
        LocalCluster cluster = LocalCluster.builder()
                .nodes(nodes)
                .cache(CacheSettings.partitioned(ORDERS).withPartitions(options.partitions()))
                .cache(CacheSettings.partitioned(KV).withPartitions(options.partitions()))
                .dataRegionSizeBytes(region)
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
            return new BenchCluster(cluster, null, options.entries(), kvKeys);
        }
        catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Loads orders and key-value entries with putAll batches from four thin-client threads. */
    private void loadThroughClients(BenchOptions options) {
        int threads = 4;
        long total = options.entries();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> loads = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int slice = t;
                loads.add(pool.submit(() -> {
                    var orders = raw.<Long, Order>cache(ORDERS);
                    var kv = raw.<Long, byte[]>cache(KV);
                    java.util.Map<Long, Order> batch = new java.util.HashMap<>();
                    for (long id = slice; id < total; id += threads) {
                        batch.put(id, Order.generate(id));
                        if (batch.size() == 2_000) {
                            orders.putAll(batch);
                            batch.clear();
                        }
                    }
                    orders.putAll(batch);
                    java.util.Map<Long, byte[]> values = new java.util.HashMap<>();
                    for (long key = slice; key < kvKeys; key += threads) {
                        values.put(key, value(key, options.valueSize()));
                        if (values.size() == 2_000) {
                            kv.putAll(values);
                            values.clear();
                        }
                    }
                    kv.putAll(values);
                    return null;
                }));
            }
            for (var load : loads) {
                load.get();
            }
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Loading the data failed: " + e.getCause(), e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", e);
        }
        finally {
            pool.shutdownNow();
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
        return GridConfig.builder().addresses(addresses);
    }

    /** A config for another raw thin client to this cluster, like the SDK's (partition awareness on). */
    public ClientConfiguration rawConfig() {
        return new ClientConfiguration().setAddresses(addresses.toArray(String[]::new)).setPartitionAwarenessEnabled(true);
    }

    /** The nodes' thin-client addresses, host:port. */
    public List<String> addresses() {
        return addresses;
    }

    /** The node processes' ids; empty when the nodes run in this JVM. */
    List<Long> nodePids() {
        return processes == null ? List.of() : processes.pids();
    }

    public int nodes() {
        return cluster != null ? cluster.size() : processes.size();
    }

    /** Whether the nodes run in this JVM (so {@link #nodeList()} has them). */
    public boolean inJvm() {
        return cluster != null;
    }

    /** How the nodes run, for notes in the table. */
    public String describe() {
        return cluster != null ? nodes() + " node" + (nodes() == 1 ? "" : "s") + " in the harness JVM" : processes.describe();
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

    /** The nodes, when they run in this JVM; empty otherwise. */
    public List<GridNode> nodeList() {
        return cluster != null ? cluster.runningNodes() : List.of();
    }

    /**
     * Bytes sent and received so far, as counted by the nodes: on their thin-client connectors (both directions,
     * so client↔node traffic) and sent by their node-to-node communication SPI. Read from Ignite's internal metric
     * registries {@code client.connector} and {@code communication.tcp} (in-JVM), or from each node process's
     * {@code grid.network.bytes} meters (its /actuator/prometheus); discovery traffic is not included.
     */
    /**
     * Collects the garbage of the nodes and of this JVM, so that a measurement that follows does not pay for the
     * garbage an earlier one left (like JMH's {@code -gc true}); in process mode through {@code jcmd}, skipped
     * where it is missing.
     */
    public void collectGarbage() {
        if (processes != null) {
            processes.collectGarbage();
        }
        System.gc();
    }

    public Traffic traffic() {
        if (processes != null) {
            return processes.traffic();
        }
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
        if (cluster != null) {
            cluster.close();
        }
        if (processes != null) {
            processes.close();
        }
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
