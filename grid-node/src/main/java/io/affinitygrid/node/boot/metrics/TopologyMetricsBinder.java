package io.affinitygrid.node.boot.metrics;

import java.lang.ref.WeakReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;

/**
 * Meters of the cluster as this node sees it:
 * <ul>
 * <li>{@code grid.topology.nodes} (gauge, {@code type=server|client}): nodes in the cluster; thin clients are
 * not nodes and are not counted;</li>
 * <li>{@code grid.topology.version} (gauge): the topology version, which grows with every node that joins or
 * leaves.</li>
 * </ul>
 * The node is held weakly: once it stops, the gauges read {@code NaN}. Thread-safe.
 */
public class TopologyMetricsBinder implements MeterBinder {

    private final WeakReference<Ignite> ignite;

    /**
     * @param ignite the node, held weakly
     */
    public TopologyMetricsBinder(Ignite ignite) {
        this.ignite = new WeakReference<>(ignite);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Ignite node = ignite.get();
        if (node == null) {
            return;
        }
        Gauge.builder("grid.topology.nodes", node, n -> Reads.orNaN(n, i -> i.cluster().forServers().nodes().size()))
                .tag("type", "server")
                .description("Nodes in the cluster, as this node sees it")
                .baseUnit("nodes")
                .register(registry);
        Gauge.builder("grid.topology.nodes", node, n -> Reads.orNaN(n, i -> i.cluster().forClients().nodes().size()))
                .tag("type", "client")
                .description("Nodes in the cluster, as this node sees it")
                .baseUnit("nodes")
                .register(registry);
        Gauge.builder("grid.topology.version", node, n -> Reads.orNaN(n, i -> i.cluster().topologyVersion()))
                .description("Topology version of the cluster, which grows with every node that joins or leaves")
                .baseUnit("version")
                .register(registry);
    }
}
