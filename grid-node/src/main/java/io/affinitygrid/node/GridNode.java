package io.affinitygrid.node;

import io.affinitygrid.compute.admin.NodeAdmin;
import io.affinitygrid.node.deploy.DeploymentStartup;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.Ignition;
import org.apache.ignite.internal.IgniteEx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Ignite server node, started from {@link GridNodeSettings}. This is the plain Java entry point:
 * the Spring Boot application, the shell's embedded mode and the tests all start nodes through it.
 *
 * <pre>{@code
 * try (GridNode node = GridNode.start(GridNodeSettings.builder().cache(CacheSettings.partitioned("orders")).build())) {
 *     node.ignite().cache("orders").put(1, "one");
 * }
 * }</pre>
 */
public final class GridNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GridNode.class);

    private final GridNodeSettings settings;
    private final Ignite ignite;
    private final CapacityGuard capacity;
    private final InlineKeyReads inlineReads;

    private GridNode(GridNodeSettings settings, Ignite ignite, CapacityGuard capacity, InlineKeyReads inlineReads) {
        this.settings = settings;
        this.ignite = ignite;
        this.capacity = capacity;
        this.inlineReads = inlineReads;
    }

    /**
     * Starts a node and returns once it has joined the cluster (or formed one).
     *
     * @throws GridConfigurationException when a configured port is already in use, naming its property
     * @throws IgniteException when Ignite itself fails to start
     */
    public static GridNode start(GridNodeSettings settings) {
        if (settings.discoveryPortRange() == 0) {
            Ports.requireFree(settings.localAddress(), settings.discoveryPort(), "grid.discovery.port");
        }
        Ports.requireFree(settings.localAddress(), settings.communicationPort(), "grid.communication.port");
        Ports.requireFree(settings.localAddress(), settings.clientPort(), "grid.client.port");
        long started = System.nanoTime();
        CapacityGuard capacity = CapacityGuard.register(settings);
        Ignite ignite;
        GridNode node;
        try {
            ignite = Ignition.start(IgniteConfigurations.create(settings));
            capacity.start(ignite);
            DeploymentStartup.loadDeployments(ignite, settings);
            node = new GridNode(settings, ignite, capacity, settings.clientInlineReads() ? inlineReads(ignite) : null);
            AdminStartup.install(ignite, settings, node::stopGracefully);
        }
        catch (RuntimeException e) {
            capacity.close();
            Ignition.stop(settings.nodeName(), true);
            throw e;
        }
        log.info("Grid node '{}' started in {} ms: {} node(s) in the cluster, thin clients on port {}",
                settings.nodeName(), (System.nanoTime() - started) / 1_000_000,
                ignite.cluster().nodes().size(), settings.clientPort());
        return node;
    }

    private static InlineKeyReads inlineReads(Ignite ignite) {
        return InlineKeyReads.install((IgniteEx) ignite).orElseGet(() -> {
            log.warn("Thin-client gets go through Ignite's connector pool: this Ignite version's client connector "
                    + "differs from the one grid.client.inline-reads was built for");
            return null;
        });
    }

    /** Gets served on the client connector's I/O thread ({@code grid.client.inline-reads}); for tests. */
    long inlineReads() {
        return inlineReads == null ? 0 : inlineReads.served();
    }

    /**
     * Replaces what the node does when an administrator stops it ({@code node stop}): by default it stops
     * gracefully ({@link #stopGracefully()}); an application makes it exit too.
     */
    public void onStopRequest(Runnable stopper) {
        NodeAdmin.of(ignite).stopper(stopper);
    }

    /**
     * Stops the node, letting its running jobs finish: it leaves the topology and the backups of its partitions take
     * over. Idempotent.
     */
    public void stopGracefully() {
        capacity.close();
        Ignition.stop(settings.nodeName(), false);
        log.info("Grid node '{}' stopped gracefully", settings.nodeName());
    }

    /** The Ignite node. */
    public Ignite ignite() {
        return ignite;
    }

    public GridNodeSettings settings() {
        return settings;
    }

    /** The guard that refuses writes to rejecting caches above the data region's high-water mark. */
    public CapacityGuard capacity() {
        return capacity;
    }

    /** The {@code host:port} where thin clients (and the SDK) connect to this node. */
    public String clientAddress() {
        String host = settings.localAddress() == null ? "127.0.0.1" : settings.localAddress();
        return host + ":" + settings.clientPort();
    }

    /** Stops the node, cancelling its running jobs. Idempotent. */
    @Override
    public void close() {
        capacity.close();
        Ignition.stop(settings.nodeName(), true);
        log.info("Grid node '{}' stopped", settings.nodeName());
    }
}
