package io.affinitygrid.client;

import static io.affinitygrid.client.NearCacheTest.settledPutAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The meters count what happened: operations by result, errors by exception, near-cache statistics. */
class MetricsTest {

    @RegisterExtension
    static final SharedGridCluster CLUSTER = new SharedGridCluster();

    @Test
    void metersCountOperationsErrorsAndTheNearCache() {
        String map = CLUSTER.createMap("metered");
        String doomed = CLUSTER.createMap("doomed");
        MeterRegistry registry = new SimpleMeterRegistry();
        GridConfig config = CLUSTER.config()
                .nearCache(map, NearCacheConfig.builder().maximumSize(20).build())
                .meterRegistry(registry)
                .build();
        try (Grid grid = Grid.connect(config)) {
            GridMap<Long, String> prices = grid.map(map, Long.class, String.class);
            NearCache nearCache = ((ThinClientGridMap<Long, String>) prices).nearCache();
            GridMap<Long, String> writer = CLUSTER.grid().map(map, Long.class, String.class);
            Map<Long, String> entries = new HashMap<>();
            for (long k = 0; k < 50; k++) {
                entries.put(k, "v" + k);
            }
            settledPutAll(writer, nearCache, entries);

            prices.put(100L, "a");
            prices.put(101L, "b");
            prices.async().put(102L, "c").join();
            assertThat(prices.get(1L)).isEqualTo("v1");
            assertThat(prices.get(1L)).isEqualTo("v1");
            assertThat(prices.async().get(1L).join()).isEqualTo("v1");
            assertThat(prices.getAll(entries.keySet())).hasSize(50);
            nearCache.cleanUp();
            // rejected before anything is sent: not counted
            assertThatThrownBy(() -> prices.get(null)).isInstanceOf(NullPointerException.class);
            // failures
            GridMap<Long, Integer> integers = grid.map(map, Long.class, Integer.class);
            assertThatThrownBy(() -> integers.get(2L)).isExactlyInstanceOf(GridException.class)
                    .hasMessage("map '" + map + "' holds java.lang.String values under key 2, not java.lang.Integer");
            GridMap<Long, String> gone = grid.map(doomed, Long.class, String.class);
            CLUSTER.server(0).destroyCache(doomed);
            assertThatThrownBy(gone::size).isInstanceOf(UnknownMapException.class);
            assertThatThrownBy(() -> gone.async().size().join()).hasCauseInstanceOf(UnknownMapException.class);

            assertThat(timer(registry, map, "put", "success").count()).isEqualTo(3);
            assertThat(timer(registry, map, "get", "success").count()).isEqualTo(3);
            assertThat(timer(registry, map, "get", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
            assertThat(timer(registry, map, "getAll", "success").count()).isEqualTo(1);
            assertThat(timer(registry, map, "get", "failure").count()).isEqualTo(1);
            assertThat(timer(registry, doomed, "size", "failure").count()).isEqualTo(2);
            assertThat(registry.get(MicrometerGridMetrics.ERRORS).tags("map", map, "operation", "get", "exception", "GridException")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get(MicrometerGridMetrics.ERRORS).tags("map", doomed, "operation", "size", "exception", "UnknownMapException")
                    .counter().count()).isEqualTo(2);

            // near cache: get(1) missed, then hit twice; getAll hit key 1 and missed the 49 others; the failed
            // read of key 2 hit or missed, depending on whether the size bound had evicted it
            double hits = registry.get("grid.client.near.cache.gets").tags("map", map, "result", "hit").functionCounter().count();
            double misses = registry.get("grid.client.near.cache.gets").tags("map", map, "result", "miss").functionCounter().count();
            assertThat(hits).isEqualTo(nearCache.hitCount()).isBetween(3.0, 4.0);
            assertThat(misses).isEqualTo(nearCache.missCount());
            assertThat(hits + misses).isEqualTo(3 + 50 + 1);
            assertThat(registry.get("grid.client.near.cache.size").tag("map", map).gauge().value())
                    .isEqualTo(nearCache.estimatedSize()).isBetween(1.0, 20.0);
            assertThat(registry.get("grid.client.near.cache.evictions").tag("map", map).functionCounter().count())
                    .as("50 entries read into a near cache of 20").isGreaterThanOrEqualTo(30);
            assertThat(registry.get("grid.client.near.cache.invalidations").tag("map", map).functionCounter().count())
                    .as("50 change notices and 3 own writes").isGreaterThanOrEqualTo(53);
            assertThat(registry.get("grid.client.near.cache.activations").tag("map", map).functionCounter().count())
                    .as("one handshake completed").isEqualTo(1);
            assertThat(registry.get("grid.client.near.cache.handshake.retries").tag("map", map).functionCounter().count())
                    .isEqualTo(nearCache.handshakeRetries());

            List<Meter> meters = registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("grid.client.")).toList();
            assertThat(meters).allSatisfy(meter -> {
                assertThat(meter.getId().getDescription()).as("description of %s", meter.getId()).isNotBlank();
                assertThat(meter.getId().getBaseUnit()).as("base unit of %s", meter.getId()).isNotBlank();
            });
        }
        assertThat(registry.getMeters()).as("removed when the grid closes")
                .noneMatch(m -> m.getId().getName().startsWith("grid.client."));
    }

    @Test
    void withoutARegistryNothingIsMeasured() {
        try (Grid grid = Grid.connect(CLUSTER.config().build())) {
            assertThat(((ThinClientGrid) grid).metrics()).isSameAs(GridMetrics.NONE);
            grid.map(GridCluster.CUSTOMERS, Long.class, String.class).getAll(Set.of(1L));
        }
    }

    private static Timer timer(MeterRegistry registry, String map, String operation, String result) {
        return registry.get(MicrometerGridMetrics.OPERATIONS).tags("map", map, "operation", operation, "result", result).timer();
    }
}
