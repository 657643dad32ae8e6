package io.affinitygrid.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.affinitygrid.compute.ClusterInfoTask;
import io.affinitygrid.compute.NodeSummary;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.client.ClientAuthenticationException;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.ClientCacheConfiguration;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;

/**
 * The {@link Grid} over Ignite's thin client, with partition awareness on (key operations go straight to
 * the primary node of the key's partition). Thread-safe: {@link IgniteClient} is, and the rest is immutable
 * but for the closed flag. Every Ignite exception is translated here into the SDK's exceptions.
 */
final class ThinClientGrid implements Grid {

    private static final String CLOSED = "grid connection is closed";

    private final GridConfig config;
    private final IgniteClient client;
    private final ThinClientGridCompute compute;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ThinClientGrid(GridConfig config, IgniteClient client) {
        this.config = config;
        this.client = client;
        this.compute = new ThinClientGridCompute(this, client.compute().withTimeout(config.requestTimeout().toMillis()));
    }

    static Grid connect(GridConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        ClientConfiguration clientConfig = new ClientConfiguration()
                .setAddresses(config.addresses().toArray(String[]::new))
                .setPartitionAwarenessEnabled(true)
                // the handshake timeout bounds the socket connect as well as the handshake
                .setHandshakeTimeout(millis(config.connectTimeout()))
                .setRequestTimeout(millis(config.requestTimeout()));
        IgniteClient client;
        try {
            client = Ignition.startClient(clientConfig);
        }
        catch (ClientAuthenticationException e) {
            throw new GridException("The grid at " + config.addresses() + " refused the connection: "
                    + Failures.withoutFinalPeriod(Failures.message(e)) + ". Check the credentials the grid expects.", e);
        }
        catch (RuntimeException e) {
            String reason = Failures.isTimeout(e) ? "no answer within " + config.connectTimeout().toMillis() + " ms"
                    : Failures.withoutFinalPeriod(Failures.message(e));
            throw new GridUnavailableException(config.addresses(), "Cannot reach the grid at " + config.addresses()
                    + ": " + reason + ". Check that a grid node is running and that the address and"
                    + " thin-client port are right.", e);
        }
        try {
            return new ThinClientGrid(config, client);
        }
        catch (RuntimeException e) {
            client.close();
            throw new GridException("Cannot set up the connection to the grid at " + config.addresses() + ": "
                    + Failures.message(e), e);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    @Override
    public <K, V> GridMap<K, V> map(String name, Class<K> keyType, Class<V> valueType) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(keyType, "keyType must not be null");
        Objects.requireNonNull(valueType, "valueType must not be null");
        requireMap(name);
        ClientCache<Object, Object> cache = client.cache(name);
        return new ThinClientGridMap<>(this, cache, name, wrap(keyType), wrap(valueType));
    }

    @Override
    public Set<String> mapNames() {
        return Collections.unmodifiableSet(new TreeSet<>(call(null, "list the maps", client::cacheNames)));
    }

    @Override
    public List<MapInfo> maps() {
        Set<String> names = mapNames();
        List<NodeSummary> nodes = topologyIfAvailable();
        List<MapInfo> maps = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                maps.add(describe(name, nodes));
            }
            catch (UnknownMapException destroyedMeanwhile) {
                // listed a moment ago and gone now: leave it out
            }
        }
        return List.copyOf(maps);
    }

    private MapInfo describe(String name, List<NodeSummary> nodes) {
        ClientCache<Object, Object> cache = client.cache(name);
        ClientCacheConfiguration configuration = call(name, "describe map '" + name + "'", cache::getConfiguration);
        long size = call(name, "count the entries of map '" + name + "'", () -> cache.size(CachePeekMode.PRIMARY));
        boolean replicated = configuration.getCacheMode() == CacheMode.REPLICATED;
        int partitions = MapInfo.UNKNOWN;
        if (nodes != null) {
            partitions = nodes.stream().map(NodeSummary::primaryPartitions)
                    .mapToInt(primaries -> primaries.getOrDefault(name, 0)).sum();
        }
        int backups;
        if (!replicated) {
            backups = configuration.getBackups();
        }
        else {
            // Ignite reports Integer.MAX_VALUE for replicated caches: every other node holds a copy
            backups = nodes == null ? MapInfo.UNKNOWN : Math.max(0, nodes.size() - 1);
        }
        return new MapInfo(name, replicated ? "REPLICATED" : "PARTITIONED", backups,
                partitions > 0 ? partitions : MapInfo.UNKNOWN, size);
    }

    /** The topology, or {@code null} when the nodes cannot run the task that describes it. */
    private List<NodeSummary> topologyIfAvailable() {
        try {
            return topology();
        }
        catch (TaskFailedException e) {
            return null;
        }
    }

    @Override
    public List<NodeSummary> topology() {
        Object result = compute.run(ClusterInfoTask.NAME, null);
        if (!(result instanceof List<?> list)) {
            throw new GridException("Task " + ClusterInfoTask.NAME + " returned "
                    + (result == null ? "null" : result.getClass().getName()) + " instead of a list of NodeSummary");
        }
        List<NodeSummary> nodes = new ArrayList<>(list.size());
        for (Object node : list) {
            if (!(node instanceof NodeSummary summary)) {
                throw new GridException("Task " + ClusterInfoTask.NAME + " returned a list holding "
                        + (node == null ? "null" : node.getClass().getName()) + " instead of NodeSummary");
            }
            nodes.add(summary);
        }
        return List.copyOf(nodes);
    }

    @Override
    public GridCompute compute() {
        return compute;
    }

    @Override
    public GridConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "Grid[" + config.addresses() + (closed.get() ? ", closed]" : "]");
    }

    /** The underlying thin client, for the compute view's progress reads. */
    IgniteClient igniteClient() {
        return client;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Throws when this grid is closed. */
    void ensureOpen() {
        if (closed.get()) {
            throw new GridException(CLOSED);
        }
    }

    /**
     * Checks that the grid has a map named {@code name}.
     *
     * @throws UnknownMapException listing the maps that exist, when it has none
     */
    void requireMap(String name) {
        Collection<String> names = call(null, "list the maps", client::cacheNames);
        if (!names.contains(name)) {
            throw unknownMap(name, names);
        }
    }

    /**
     * Runs one request of the thin client, translating its failures.
     *
     * @param mapName the map the request is about, or {@code null}
     * @param action what the request does, for the message of a failure, e.g. "read key 1 of map 'orders'"
     */
    <T> T call(String mapName, String action, Supplier<T> request) {
        ensureOpen();
        try {
            return request.get();
        }
        catch (RuntimeException e) {
            throw failure(e, mapName, () -> action);
        }
    }

    /** Like {@link #call(String, String, Supplier)}, with a message built only on failure. */
    <T> T call(String mapName, Supplier<String> action, Supplier<T> request) {
        ensureOpen();
        try {
            return request.get();
        }
        catch (RuntimeException e) {
            throw failure(e, mapName, action);
        }
    }

    /** Translates a failure of the thin client into the SDK's exceptions. */
    GridException failure(RuntimeException e, String mapName, Supplier<String> action) {
        if (e instanceof GridException known) {
            return known;
        }
        if (closed.get()) {
            return new GridException(CLOSED, e);
        }
        if (Failures.isConnectionFailure(e)) {
            return new GridUnavailableException(config.addresses(), "Lost the connection to the grid at "
                    + config.addresses() + " while trying to " + action.get() + ": "
                    + Failures.withoutFinalPeriod(Failures.message(e)) + ". Check that grid nodes are running and reachable.", e);
        }
        if (mapName != null && Failures.isUnknownCache(e)) {
            UnknownMapException unknown = unknownMap(mapName, quietMapNames());
            unknown.initCause(e);
            return unknown;
        }
        if (Failures.isTimeout(e)) {
            return new GridException("Cannot " + action.get() + ": no answer within the request timeout of "
                    + config.requestTimeout().toMillis() + " ms", e);
        }
        return new GridException("Cannot " + action.get() + ": " + Failures.message(e), e);
    }

    private Collection<String> quietMapNames() {
        try {
            return client.cacheNames();
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static UnknownMapException unknownMap(String name, Collection<String> existing) {
        String maps;
        if (existing == null) {
            maps = "";
        }
        else if (existing.isEmpty()) {
            maps = " The grid has no maps.";
        }
        else {
            maps = " Maps on the grid: " + new TreeSet<>(existing) + ".";
        }
        return new UnknownMapException(name, "No map named '" + name + "' on the grid." + maps);
    }

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    @SuppressWarnings("unchecked")
    private static <T> Class<T> wrap(Class<T> type) {
        return type.isPrimitive() ? (Class<T>) WRAPPERS.getOrDefault(type, type) : type;
    }
}
