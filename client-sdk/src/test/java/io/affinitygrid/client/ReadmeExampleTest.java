package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.affinitygrid.compute.SumResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example of the README's "Using the SDK" section, run against a cluster. The code between the
 * README markers is the README's code block, character for character, indentation aside: the second test
 * fails when they differ, so the README's example always compiles and runs.
 */
class ReadmeExampleTest {

    @RegisterExtension
    static final SharedGridCluster CLUSTER = new SharedGridCluster();

    // README begin
    static SumResult example(List<String> addresses, MeterRegistry registry) {
        GridConfig config = GridConfig.builder()
                .addresses(addresses)                      // several nodes: the connection survives the loss of one
                .requestTimeout(Duration.ofSeconds(10))
                .nearCache("orders", NearCacheConfig.builder()
                        .maximumSize(10_000)
                        .expireAfterWrite(Duration.ofMinutes(5))
                        .build())
                .meterRegistry(registry)                   // optional: needs micrometer-core
                .build();

        try (Grid grid = Grid.connect(config)) {
            GridMap<Long, Order> orders = grid.map("orders", Long.class, Order.class);

            // blocking calls
            orders.put(1L, new Order(1L, "ada", 12.50, Instant.now()));
            Order first = orders.get(1L);                  // from the grid, then kept in the near cache
            Order again = orders.get(1L);                  // from the near cache: no network call
            boolean added = orders.putIfAbsent(2L, new Order(2L, "grace", 7.25, Instant.now()));
            boolean replaced = orders.replace(1L, first, new Order(1L, "ada", 15.00, Instant.now())); // compare-and-set

            // asynchronous calls: the same operations, returning CompletableFutures
            CompletableFuture<Void> written = orders.async().putAll(Map.of(
                    3L, new Order(3L, "alan", 3.00, Instant.now()),
                    4L, new Order(4L, "edsger", 4.00, Instant.now())));
            CompletableFuture<Order> second = written.thenCompose(done -> orders.async().get(2L));
            second.join();

            // a computation on the nodes, next to the data: only the result travels
            SumResult total = grid.compute().sum("orders", "amount");

            // meters: operation timers, errors, near-cache hits and misses
            double hits = registry.get("grid.client.near.cache.gets")
                    .tags("map", "orders", "result", "hit").functionCounter().count();
            return total;
        }
        catch (PartitionLostException e) {
            throw new IllegalStateException("Orders of partition " + e.partition() + " are lost", e);
        }
        catch (GridUnavailableException e) {
            throw new IllegalStateException("No grid node at " + e.addresses(), e);
        }
    }
    // README end

    @Test
    void theExampleRuns() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        SumResult total = example(CLUSTER.cluster().cluster().clientAddresses(), registry);

        GridMap<Long, Order> orders = CLUSTER.grid().map(GridCluster.ORDERS, Long.class, Order.class);
        assertThat(orders.get(1L).amount()).isEqualTo(15.00);
        assertThat(total.count()).isEqualTo(orders.size()).isGreaterThanOrEqualTo(4);
        assertThat(registry.getMeters()).as("removed when the grid closed").isEmpty();
    }

    @Test
    void theReadmeShowsThisExample() throws IOException {
        Path source = Path.of("src/test/java/io/affinitygrid/client/ReadmeExampleTest.java");
        Path readme = Path.of("../README.md");
        List<String> lines = Files.readAllLines(source);
        List<String> example = new ArrayList<>(lines.subList(lines.indexOf("    // README begin") + 1, lines.indexOf("    // README end")));
        example.replaceAll(line -> line.startsWith("    ") ? line.substring(4) : line);

        assertThat(Files.readString(readme))
                .as("README.md's 'Using the SDK' example is this test's example")
                .contains("```java\n" + String.join("\n", example) + "\n```");
    }
}
