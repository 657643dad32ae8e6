package io.affinitygrid.client;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The SDK's meters in a Micrometer registry. Loaded only when the configuration carries a registry.
 * Thread-safe.
 *
 * <ul>
 * <li>{@value #OPERATIONS}: a timer per map, operation and result ({@code success} or {@code failure});
 * tags {@code map}, {@code operation} (the method's name, e.g. {@code get}, {@code putAll}) and {@code result}.
 * Calls rejected before anything is sent (null or mistyped arguments) are not counted.</li>
 * <li>{@value #ERRORS}: failed operations, tags {@code map}, {@code operation} and {@code exception} (the
 * simple name of the SDK exception, e.g. {@code GridUnavailableException}).</li>
 * <li>{@code grid.client.near.cache.size} (entries), {@code .gets} (tag {@code result=hit|miss}),
 * {@code .evictions} (entries dropped for size or age) and {@code .invalidations} (entries dropped because
 * they changed on the grid, were written by this client, or the near cache was emptied), each tagged
 * {@code map}; {@code .activations} (times the near cache started serving, once its own marker's notice
 * arrived) and {@code .handshake.retries} (markers written again because no notice came in time); they read
 * the near cache through a weak reference, like Micrometer's own
 * {@code CaffeineCacheMetrics}.</li>
 * <li>{@value #COMPUTE_RETRIES}: computations sent again to another node because the connection to the node
 * running them was lost (the node left); tag {@code task}, the task's simple name (e.g. {@code SumTask}).</li>
 * </ul>
 */
final class MicrometerGridMetrics implements GridMetrics {

    static final String OPERATIONS = "grid.client.operations";
    static final String ERRORS = "grid.client.errors";
    static final String NEAR_CACHE = "grid.client.near.cache";
    static final String COMPUTE_RETRIES = "grid.client.compute.retries";

    private final MeterRegistry registry;
    private final Map<String, MapOperations> maps = new ConcurrentHashMap<>();
    private final Map<String, Counter> computeRetries = new ConcurrentHashMap<>();
    /** Every meter registered, to remove them on close. */
    private final Queue<Meter> meters = new ConcurrentLinkedQueue<>();

    private MicrometerGridMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param registry a {@link MeterRegistry}; typed {@code Object} so that callers need not load Micrometer
     */
    static GridMetrics create(Object registry) {
        return new MicrometerGridMetrics((MeterRegistry) registry);
    }

    @Override
    public OperationMetrics operations(String mapName) {
        return maps.computeIfAbsent(mapName, MapOperations::new);
    }

    @Override
    public void bindNearCache(String mapName, NearCache nearCache) {
        meters.add(Gauge.builder(NEAR_CACHE + ".size", nearCache, NearCache::estimatedSize)
                .tag("map", mapName)
                .description("Entries in the near cache of the map")
                .baseUnit("entries")
                .register(registry));
        meters.add(FunctionCounter.builder(NEAR_CACHE + ".gets", nearCache, NearCache::hitCount)
                .tags("map", mapName, "result", "hit")
                .description("Reads of the map served by its near cache (hit) or sent to the grid (miss)")
                .baseUnit("requests")
                .register(registry));
        meters.add(FunctionCounter.builder(NEAR_CACHE + ".gets", nearCache, NearCache::missCount)
                .tags("map", mapName, "result", "miss")
                .description("Reads of the map served by its near cache (hit) or sent to the grid (miss)")
                .baseUnit("requests")
                .register(registry));
        meters.add(FunctionCounter.builder(NEAR_CACHE + ".evictions", nearCache, NearCache::evictionCount)
                .tag("map", mapName)
                .description("Entries dropped from the near cache of the map to respect its size or age bounds")
                .baseUnit("entries")
                .register(registry));
        meters.add(FunctionCounter.builder(NEAR_CACHE + ".invalidations", nearCache, NearCache::invalidationCount)
                .tag("map", mapName)
                .description("Keys dropped from the near cache of the map because they changed on the grid or were"
                        + " written by this client, plus the times the whole near cache was emptied")
                .baseUnit("entries")
                .register(registry));
        meters.add(FunctionCounter.builder(NEAR_CACHE + ".activations", nearCache, near -> near.activations())
                .tag("map", mapName)
                .description("Times the near cache of the map started serving: once per registration of its"
                        + " continuous query, when the notice of its own marker arrived")
                .baseUnit("events")
                .register(registry));
        meters.add(FunctionCounter.builder(NEAR_CACHE + ".handshake.retries", nearCache, near -> near.handshakeRetries())
                .tag("map", mapName)
                .description("Markers the near cache of the map wrote again because the notice of the previous"
                        + " one did not arrive in time")
                .baseUnit("requests")
                .register(registry));
    }

    @Override
    public void computeRetried(String taskName) {
        String task = taskName.substring(taskName.lastIndexOf('.') + 1);
        computeRetries.computeIfAbsent(task, t -> {
            Counter counter = Counter.builder(COMPUTE_RETRIES)
                    .tag("task", t)
                    .description("Computations sent again to another node after the connection to the node running them was lost")
                    .baseUnit("retries")
                    .register(registry);
            meters.add(counter);
            return counter;
        }).increment();
    }

    @Override
    public void close() {
        for (Meter meter; (meter = meters.poll()) != null; ) {
            registry.remove(meter);
        }
    }

    /** The timers and error counters of one map, created on first use. */
    private final class MapOperations implements OperationMetrics {

        private final String mapName;
        private final Map<String, Timer> successes = new ConcurrentHashMap<>();
        private final Map<String, Timer> failures = new ConcurrentHashMap<>();
        private final Map<String, Counter> errors = new ConcurrentHashMap<>();

        MapOperations(String mapName) {
            this.mapName = mapName;
        }

        @Override
        public long start() {
            return System.nanoTime();
        }

        @Override
        public void record(String operation, long start, Throwable failure) {
            long elapsed = System.nanoTime() - start;
            if (failure == null) {
                successes.computeIfAbsent(operation, op -> timer(op, "success")).record(elapsed, TimeUnit.NANOSECONDS);
                return;
            }
            failures.computeIfAbsent(operation, op -> timer(op, "failure")).record(elapsed, TimeUnit.NANOSECONDS);
            String exception = failure.getClass().getSimpleName();
            errors.computeIfAbsent(operation + ' ' + exception, key -> register(Counter.builder(ERRORS)
                    .tags("map", mapName, "operation", operation, "exception", exception)
                    .description("Operations on the map that failed, by exception")
                    .baseUnit("errors")
                    .register(registry))).increment();
        }

        private Timer timer(String operation, String result) {
            return register(Timer.builder(OPERATIONS)
                    .tags("map", mapName, "operation", operation, "result", result)
                    .description("Time taken by operations on the map, from the call to its result, near-cache hits included")
                    .register(registry));
        }

        private <M extends Meter> M register(M meter) {
            meters.add(meter);
            return meter;
        }
    }
}
