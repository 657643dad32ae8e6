package io.affinitygrid.node.boot.metrics;

import java.lang.ref.WeakReference;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.spi.metric.LongMetric;

/**
 * Bytes this node moved over the network, from Ignite's own counters:
 * <ul>
 * <li>{@code grid.network.bytes} (counter) with {@code channel=client} and {@code direction=sent|received}: the
 * thin-client connector (the SDK, the shell), Ignite's {@code client.connector} metric registry;</li>
 * <li>{@code grid.network.bytes} with {@code channel=node}: node-to-node communication (compute jobs and their
 * results, backups, rebalancing), the {@code communication.tcp} registry. Discovery is not counted.</li>
 * </ul>
 * Read through Ignite's internal metric manager; a counter reads {@code NaN} when the node cannot answer. The
 * node is held weakly. Thread-safe.
 */
public class NetworkMetricsBinder implements MeterBinder {

    private final WeakReference<Ignite> ignite;

    /**
     * @param ignite the node, held weakly
     */
    public NetworkMetricsBinder(Ignite ignite) {
        this.ignite = new WeakReference<>(ignite);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Ignite node = ignite.get();
        if (node == null) {
            return;
        }
        bind(registry, node, "client", "sent", "client.connector", "sentBytes");
        bind(registry, node, "client", "received", "client.connector", "receivedBytes");
        bind(registry, node, "node", "sent", "communication.tcp", "sentBytes");
        bind(registry, node, "node", "received", "communication.tcp", "receivedBytes");
    }

    private static void bind(MeterRegistry registry, Ignite node, String channel, String direction, String group, String metric) {
        FunctionCounter.builder("grid.network.bytes", node, n -> Reads.orNaN(n, i -> read(i, group, metric)))
                .description("Bytes this node " + direction + " on its " + (channel.equals("client") ? "thin-client connector"
                        : "node-to-node communication"))
                .baseUnit("bytes")
                .tag("channel", channel)
                .tag("direction", direction)
                .register(registry);
    }

    private static double read(Ignite ignite, String group, String name) {
        Object metric = ((IgniteEx) ignite).context().metric().registry(group).findMetric(name);
        return metric instanceof LongMetric value ? value.value() : Double.NaN;
    }
}
