package io.affinitygrid.node.boot.metrics;

import io.affinitygrid.node.boot.GridProperties;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ignite.Ignite;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's meters, one binder per concern; Spring Boot binds every {@link MeterBinder} bean to its registry,
 * which Actuator exposes at {@code /actuator/prometheus}. Replace a binder by declaring a bean of its type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterBinder.class)
public class GridMetricsConfiguration {

    /** Map entries, operations and their latencies. */
    @Bean
    @ConditionalOnMissingBean
    public MapMetricsBinder gridMapMetrics(Ignite ignite, GridProperties properties) {
        return new MapMetricsBinder(ignite, null, properties.getMetrics().isCacheMeterAliases());
    }

    /** Partitions owned, lost and rebalancing. */
    @Bean
    @ConditionalOnMissingBean
    public MapPartitionMetricsBinder gridMapPartitionMetrics(Ignite ignite, GridProperties properties) {
        return new MapPartitionMetricsBinder(ignite, null, properties.getMetrics().isCacheMeterAliases());
    }

    /** Compute jobs executed, failed, cancelled, and their durations. */
    @Bean
    @ConditionalOnMissingBean
    public ComputeMetricsBinder gridComputeMetrics(Ignite ignite) {
        return new ComputeMetricsBinder(ignite);
    }

    /** Memory regions used and maximum, evicted pages, writes refused above the high-water mark. */
    @Bean
    @ConditionalOnMissingBean
    public CapacityMetricsBinder gridCapacityMetrics(Ignite ignite) {
        return new CapacityMetricsBinder(ignite);
    }

    /** Bytes moved on the thin-client connector and between nodes. */
    @Bean
    @ConditionalOnMissingBean
    public NetworkMetricsBinder gridNetworkMetrics(Ignite ignite) {
        return new NetworkMetricsBinder(ignite);
    }

    /** Nodes in the cluster. */
    @Bean
    @ConditionalOnMissingBean
    public TopologyMetricsBinder gridTopologyMetrics(Ignite ignite) {
        return new TopologyMetricsBinder(ignite);
    }
}
