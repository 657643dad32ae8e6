package io.affinitygrid.client;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.IgniteConfigurations;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One three-node {@link GridCluster} shared by every test class that registers this extension, started
 * by the first of them and stopped at the end of the test run: starting three nodes is what costs most
 * on a two-core machine. Test classes sharing it must not change its topology; each creates its own maps
 * with {@link #createMap(String)} so that they do not see each other's entries.
 *
 * <pre>{@code @RegisterExtension static final SharedGridCluster CLUSTER = new SharedGridCluster();}</pre>
 */
final class SharedGridCluster implements BeforeAllCallback {

    private GridCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedGridCluster.class, key -> GridCluster.threeNodes().start(), GridCluster.class);
    }

    GridCluster cluster() {
        return cluster;
    }

    /** A grid connection to the cluster with no near cache; shared, do not close it. */
    Grid grid() {
        return cluster.grid();
    }

    /** A configuration builder with the addresses of every node and the timeouts of the shared grid. */
    GridConfig.Builder config() {
        return GridConfig.builder().addresses(cluster.cluster().clientAddresses())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(30));
    }

    /** A server node, to write behind the SDK's back. */
    Ignite server(int index) {
        return cluster.cluster().node(index).ignite();
    }

    /**
     * Creates a partitioned map with one backup, configured as the grid nodes configure theirs, under a
     * name made unique with {@code prefix}; returns its name.
     */
    String createMap(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        server(0).createCache(IgniteConfigurations.cache(CacheSettings.partitioned(name).withBackups(1).withPartitions(64)));
        return name;
    }

    /** The server-side cache of a map. */
    IgniteCache<Object, Object> serverCache(String name) {
        return server(0).cache(name);
    }

    /** Polls {@code condition} until it holds, for at most {@code timeout}; returns whether it held. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
