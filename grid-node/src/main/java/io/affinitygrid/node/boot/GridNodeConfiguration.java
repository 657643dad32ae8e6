package io.affinitygrid.node.boot;

import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.GridNodeSettings;

import org.apache.ignite.Ignite;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts one grid node from the {@code grid.*} properties and exposes it, and its Ignite node, as beans.
 * The node stops when the application context closes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GridProperties.class)
public class GridNodeConfiguration {

    /**
     * The grid node, started from the properties and then every {@link GridNodeSettingsCustomizer} in order.
     *
     * @throws io.affinitygrid.node.GridConfigurationException when a setting is bad or a port is in use
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public GridNode gridNode(GridProperties properties, ObjectProvider<GridNodeSettingsCustomizer> customizers) {
        GridNodeSettings.Builder builder = properties.toBuilder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return GridNode.start(builder.build());
    }

    /** The node's Ignite instance; stopped by closing the {@link GridNode}, never by itself. */
    @Bean(destroyMethod = "")
    public Ignite ignite(GridNode gridNode) {
        return gridNode.ignite();
    }
}
