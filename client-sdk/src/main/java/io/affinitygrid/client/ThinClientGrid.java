package io.affinitygrid.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.InternalMaps;
import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.NodeSummary;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.ClientCacheConfiguration;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;

/**
 * The {@link Grid} over Ignite's thin client, with partition awareness on unless the configuration turns it off
 * (key operations go straight to the primary node of the key's partition). Thread-safe: {@link IgniteClient} is, the near caches are in a
 * concurrent map, and the rest is immutable but for the closed flag. Every Ignite exception is translated
 * here into the SDK's exceptions.
 *
 * <p>The thin client runs its async completions and its continuous-query notices on this grid's own
 * executor (a cached pool of daemon threads), rather than on the common fork-join pool, which has a single
 * thread on a two-core machine: an application blocking in a continuation there would hold up the notices
 * that keep near caches coherent.
 */
final class ThinClientGrid implements Grid {

    private static final String CLOSED = "grid connection is closed";
    /** Prefix of the names of the grid's own maps, which are not listed. */
    static final String INTERNAL_PREFIX = InternalMaps.PREFIX;
    /**
     * At most {@value #RECONNECT_ATTEMPTS} attempts to reconnect to one node per this period; Ignite's
     * default, 30 s, would keep a client away from a grid for half a minute after a short outage.
     */
    static final long RECONNECT_THROTTLING_MILLIS = 5_000;
    static final int RECONNECT_ATTEMPTS = 3;
    /** How long {@link #close()} waits for the async threads to finish their work. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final GridConfig config;
    private final IgniteClient client;
    private final ExecutorService executor;
    /** Fails asynchronous requests that the request timeout passed; one daemon thread. */
    private final ScheduledThreadPoolExecutor timer;
    private final GridMetrics metrics;
    private final ThinClientGridCompute compute;
    private final ThinClientDeployments deployments;
    private final Map<String, NearCache> nearCaches = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ThinClientGrid(GridConfig config, IgniteClient client, ExecutorService executor) {
        this.config = config;
        this.client = client;
        this.executor = executor;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "grid-client-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.metrics = config.meterRegistry().isPresent() ? MicrometerGridMetrics.create(config.meterRegistry().get())
                : GridMetrics.NONE;
        this.compute = new ThinClientGridCompute(this, client.compute().withTimeout(config.requestTimeout().toMillis()));
        this.deployments = new ThinClientDeployments(this, compute);
    }

    static Grid connect(GridConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        ExecutorService executor = ClientSetup.asyncExecutor();
        ClientConfiguration clientConfig = ClientSetup.clientConfiguration(config, executor);
        IgniteClient client;
        try {
            client = Ignition.startClient(clientConfig);
        }
        catch (RuntimeException e) {
            executor.shutdownNow();
            throw ClientSetup.connectFailure(config, e);
        }
        try {
            return new ThinClientGrid(config, client, executor);
        }
        catch (RuntimeException e) {
            client.close();
            executor.shutdownNow();
            throw new GridException("Cannot set up the connection to the grid at " + config.addresses() + ": "
                    + Failures.message(e), e);
        }
    }

    @Override
    public <K, V> GridMap<K, V> map(String name, Class<K> keyType, Class<V> valueType) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(keyType, "keyType must not be null");
        Objects.requireNonNull(valueType, "valueType must not be null");
        requireMap(name);
        ClientCache<Object, Object> cache = client.cache(name);
        NearCache near = nearCache(name, cache);
        return new ThinClientGridMap<>(this, cache, name, wrap(keyType), wrap(valueType), near, metrics.operations(name));
    }

    /**
     * The near cache of a map, shared by all its views, started (its continuous query registered) when
     * first asked for; {@code null} when the configuration gives the map none.
     */
    private NearCache nearCache(String name, ClientCache<Object, Object> cache) {
        NearCacheConfig settings = config.nearCaches().get(name);
        if (settings == null) {
            return null;
        }
        NearCache near = nearCaches.computeIfAbsent(name, n -> {
            NearCache created = new NearCache(n, settings, this, cache);
            metrics.bindNearCache(n, created);
            return created;
        });
        near.start();
        return near;
    }

    @Override
    public Set<String> mapNames() {
        return Collections.unmodifiableSet(userMaps(call(null, "list the maps", client::cacheNames)));
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
        Object result = compute.run(CatalogTasks.CLUSTER_INFO.name(), null);
        if (!(result instanceof List<?> list)) {
            throw new GridException("Task " + CatalogTasks.CLUSTER_INFO.name() + " returned "
                    + (result == null ? "null" : result.getClass().getName()) + " instead of a list of NodeSummary");
        }
        List<NodeSummary> nodes = new ArrayList<>(list.size());
        for (Object node : list) {
            if (!(node instanceof NodeSummary summary)) {
                throw new GridException("Task " + CatalogTasks.CLUSTER_INFO.name() + " returned a list holding "
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
    public Deployments deployments() {
        return deployments;
    }

    /** The deployments, for the compute view's messages about undeployed tasks. */
    ThinClientDeployments deploymentsImpl() {
        return deployments;
    }

    @Override
    public GridConfig config() {
        return config;
    }

    /**
     * Closes the near caches, the thin client (which fails the requests in flight) and the async threads,
     * after letting them complete the futures of those requests for up to {@value #CLOSE_WAIT_MILLIS} ms,
     * then removes the meters.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                nearCaches.values().forEach(NearCache::close);
                client.close();
            }
            finally {
                timer.shutdownNow();
                executor.shutdown();
                try {
                    if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        executor.shutdownNow();
                    }
                }
                catch (InterruptedException e) {
                    executor.shutdownNow();
                    Thread.currentThread().interrupt();
                }
                metrics.close();
            }
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

    /** What this grid measures; for tests. */
    GridMetrics metrics() {
        return metrics;
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
        if (mapName != null && (Failures.isUnknownCache(e) || Failures.code(e).filter(ErrorCode.UNKNOWN_MAP::equals).isPresent())) {
            return unknownMap(mapName, e);
        }
        if (mapName != null && Failures.code(e).filter(ErrorCode.CAPACITY_EXCEEDED::equals).isPresent()) {
            return new GridCapacityException(mapName, "Cannot " + action.get() + ": "
                    + Failures.reason(e, ErrorCode.CAPACITY_EXCEEDED), e);
        }
        if (mapName != null && IgniteWording.isPartitionLost(e)) {
            int partition = IgniteWording.lostPartition(e);
            String which = partition == PartitionLostException.UNKNOWN_PARTITION ? "its partition" : "partition " + partition;
            return new PartitionLostException(mapName, partition, "Cannot " + action.get() + ": " + which + " of map '"
                    + mapName + "' is lost: every node holding a copy of it left the grid. Bring those nodes back, or"
                    + " reset the lost partitions to accept the loss.", e);
        }
        if (IgniteWording.isTimeout(e)) {
            return timeout(action, e);
        }
        return new GridException("Cannot " + action.get() + ": " + Failures.message(e), e);
    }

    /** The failure of a request that got no answer within the request timeout. */
    GridTimeoutException timeout(Supplier<String> action, Throwable cause) {
        return new GridTimeoutException(config.requestTimeout(), "Cannot " + action.get()
                + ": no answer within the request timeout of " + config.requestTimeout().toMillis() + " ms", cause);
    }

    /**
     * Runs {@code task} once the request timeout has passed, unless cancelled: the thin client bounds its
     * blocking calls by the request timeout, but not its asynchronous ones.
     */
    ScheduledFuture<?> afterRequestTimeout(Runnable task) {
        return schedule(task, config.requestTimeout().toNanos());
    }

    /** Runs {@code task} on this grid's timer thread after {@code delayNanos}; {@code null} once closed. Keep it short. */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException closed) {
            return null;
        }
    }

    /**
     * Refuses a value larger than {@link GridConfig#maxValueSize()} once serialized, before anything is sent.
     *
     * @throws IllegalArgumentException naming the size, the limit and the setting
     */
    void checkValueSize(String mapName, Object value) {
        long size = serializedSize(value, 0);
        if (size > config.maxValueSize()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "A value for map '%s' is %,d bytes once"
                    + " serialized, above the limit of %,d bytes (GridConfig.Builder.maxValueSize): nothing was sent. Store it"
                    + " in smaller pieces, or raise maxValueSize.", mapName, size, config.maxValueSize()));
        }
    }

    /**
     * About how many bytes a value takes once serialized: exactly for Ignite's binary objects, arrays of primitives
     * and text (bytes of UTF-8), as the sum of the elements for arrays and collections; 0 for small scalar types.
     */
    private long serializedSize(Object value, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?> || value instanceof java.util.UUID || value instanceof java.util.Date
                || value instanceof java.time.temporal.Temporal) {
            return 0;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof String text) {
            // a char takes 1 to 3 bytes in UTF-8: count them only when it could matter
            return (long) text.length() * 3 <= config.maxValueSize() ? text.length()
                    : text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
            int width = switch (value.getClass().getComponentType().getName()) {
                case "boolean" -> 1;
                case "short", "char" -> 2;
                case "int", "float" -> 4;
                default -> 8;
            };
            return (long) java.lang.reflect.Array.getLength(value) * width;
        }
        if (value instanceof org.apache.ignite.binary.BinaryObject binary) {
            return binary.size();
        }
        if (depth > 2) {
            return 0;
        }
        if (value instanceof Object[] array) {
            long total = 0;
            for (Object element : array) {
                total += serializedSize(element, depth + 1);
            }
            return total;
        }
        if (value instanceof Collection<?> collection) {
            long total = 0;
            for (Object element : collection) {
                total += serializedSize(element, depth + 1);
            }
            return total;
        }
        if (value instanceof Map<?, ?> map) {
            long total = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += serializedSize(entry.getKey(), depth + 1) + serializedSize(entry.getValue(), depth + 1);
            }
            return total;
        }
        Object binary;
        try {
            binary = client.binary().toBinary(value);
        }
        catch (RuntimeException e) {
            return 0; // a value Ignite cannot serialize: the write itself reports why
        }
        return binary == value ? 0 : serializedSize(binary, depth + 1);
    }

    /** Runs {@code task} on this grid's async threads, or {@code onClosed} when the grid is closed. */
    void runAsync(Runnable task, Runnable onClosed) {
        try {
            executor.execute(task);
        }
        catch (RejectedExecutionException closed) {
            onClosed.run();
        }
    }

    private Collection<String> quietMapNames() {
        try {
            return client.cacheNames();
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The maps of applications, sorted: the grid's own maps, whose names start with
     * {@value #INTERNAL_PREFIX} (e.g. the progress of running tasks), are left out.
     */
    private static Set<String> userMaps(Collection<String> names) {
        Set<String> maps = new TreeSet<>();
        for (String name : names) {
            if (!name.startsWith(INTERNAL_PREFIX)) {
                maps.add(name);
            }
        }
        return maps;
    }

    /** The failure for a map the grid does not have, listing the maps it has, caused by {@code cause}. */
    UnknownMapException unknownMap(String name, Throwable cause) {
        UnknownMapException unknown = unknownMap(name, quietMapNames());
        unknown.initCause(cause);
        return unknown;
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
            Set<String> userMaps = userMaps(existing);
            maps = userMaps.isEmpty() ? " The grid has no maps." : " Maps on the grid: " + userMaps + ".";
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
