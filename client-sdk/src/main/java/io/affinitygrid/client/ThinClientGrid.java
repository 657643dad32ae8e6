package io.affinitygrid.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.affinitygrid.compute.NodeSummary;
import io.affinitygrid.compute.deploy.DeploymentInfo;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;

/**
 * The {@link Grid} over Ignite's thin client, with partition awareness on unless the configuration turns it off
 * (key operations go straight to the primary node of the key's partition). Holds the connection and its threads,
 * and hands out the views: maps, compute, deployments, and the {@link MapCatalog} behind {@link #maps()}. Requests
 * go through {@link Requests}, and their failures become the SDK's exceptions in {@link FailureTranslator}.
 * Thread-safe: {@link IgniteClient} is, the near caches are in a concurrent map, and the rest is immutable but for
 * the closed flag.
 *
 * <p>The thin client runs its async completions and its continuous-query notices on this grid's own
 * executor (a cached pool of daemon threads), rather than on the common fork-join pool, which has a single
 * thread on a two-core machine: an application blocking in a continuation there would hold up the notices
 * that keep near caches coherent.
 */
final class ThinClientGrid implements Grid {

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
    private final AtomicBoolean closed = new AtomicBoolean();
    private final FailureTranslator translator;
    private final Requests requests;
    private final ValueSizeLimit valueSizes;
    private final ThinClientGridCompute compute;
    private final ThinClientDeployments deployments;
    private final ThinClientMapAdmin admin;
    private final MapCatalog catalog;
    private final Map<String, NearCache> nearCaches = new ConcurrentHashMap<>();

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
        this.translator = new FailureTranslator(config, closed::get, client::cacheNames, this::deploymentOf);
        this.requests = new Requests(this, translator);
        this.valueSizes = new ValueSizeLimit(config.maxValueSize(), client.binary());
        this.compute = new ThinClientGridCompute(this, client.compute().withTimeout(config.requestTimeout().toMillis()));
        this.deployments = new ThinClientDeployments(this, compute);
        this.admin = new ThinClientMapAdmin(compute);
        this.catalog = new MapCatalog(client, requests, compute);
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
            throw FailureTranslator.connectFailure(config, e);
        }
        try {
            return new ThinClientGrid(config, client, executor);
        }
        catch (RuntimeException e) {
            client.close();
            executor.shutdownNow();
            throw FailureTranslator.setupFailure(config, e);
        }
    }

    @Override
    public <K, V> GridMap<K, V> map(String name, Class<K> keyType, Class<V> valueType) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(keyType, "keyType must not be null");
        Objects.requireNonNull(valueType, "valueType must not be null");
        catalog.requireMap(name);
        ClientCache<Object, Object> cache = client.cache(name);
        NearCache near = nearCache(name, cache);
        return new ThinClientGridMap<>(new MapOperations<>(name, wrap(keyType), wrap(valueType), cache, near,
                metrics.operations(name), requests, valueSizes), () -> partitionCount(name));
    }

    @Override
    public <K> GridMap<K, Object> records(String name, Class<K> keyType) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(keyType, "keyType must not be null");
        catalog.requireMap(name);
        // no near cache: it would hold binary objects where the map's other views hold the application's objects
        return new ThinClientGridMap<>(new MapOperations<>(name, wrap(keyType), Object.class, client.cache(name).withKeepBinary(),
                null, metrics.operations(name), requests, valueSizes, new RecordCodec(client.binary())), () -> partitionCount(name));
    }

    private int partitionCount(String name) {
        return compute.partitionMap(name).size();
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
        return catalog.mapNames();
    }

    @Override
    public List<MapInfo> maps() {
        return catalog.maps();
    }

    @Override
    public List<NodeSummary> topology() {
        return catalog.topology();
    }

    @Override
    public GridCompute compute() {
        return compute;
    }

    @Override
    public Deployments deployments() {
        return deployments;
    }

    @Override
    public MapAdmin admin() {
        return admin;
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

    /** The underlying thin client, for the compute view's progress reads and re-sends. */
    IgniteClient igniteClient() {
        return client;
    }

    /** How requests are sent and their futures settled. */
    Requests requests() {
        return requests;
    }

    /** How failures become the SDK's exceptions. */
    FailureTranslator translator() {
        return translator;
    }

    /** What the grid holds; for the compute view, which checks a map exists before computing over it. */
    MapCatalog catalog() {
        return catalog;
    }

    /** The deployment whose jar had the task class {@code taskName}, for the message of an unknown task. */
    private Optional<DeploymentInfo> deploymentOf(String taskName) {
        return deployments.ownerOf(taskName);
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
            throw FailureTranslator.closed(null);
        }
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

    /** Runs {@code task} on this grid's async threads, or {@code onClosed} when the grid is closed. */
    void runAsync(Runnable task, Runnable onClosed) {
        try {
            executor.execute(task);
        }
        catch (RejectedExecutionException closed) {
            onClosed.run();
        }
    }

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    @SuppressWarnings("unchecked")
    private static <T> Class<T> wrap(Class<T> type) {
        return type.isPrimitive() ? (Class<T>) WRAPPERS.getOrDefault(type, type) : type;
    }
}
