package io.affinitygrid.node.boot;

import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.GridNodeSettings;

import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts one grid node from the {@code grid.*} properties and exposes it, and its Ignite node, as beans.
 * The node stops when the application context closes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GridProperties.class)
public class GridNodeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GridNodeConfiguration.class);

    /**
     * The grid node, started from the properties and then every {@link GridNodeSettingsCustomizer} in order.
     *
     * @throws io.affinitygrid.node.GridConfigurationException when a setting is bad or a port is in use
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public GridNode gridNode(GridProperties properties, ObjectProvider<GridNodeSettingsCustomizer> customizers,
            ConfigurableApplicationContext context) {
        if (properties.usesDeprecatedCaches()) {
            LOG.warn("grid.caches is the deprecated name of grid.maps: rename it in config/grid-node.yml"
                    + " (environment variables: GRID_MAPS_0_NAME and so on)");
        }
        GridNodeSettings.Builder builder = properties.toBuilder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        GridNode node = GridNode.start(builder.build());
        // "node stop": leave the grid gracefully, then end the application (and its JVM) as SIGTERM would
        node.onStopRequest(() -> {
            node.stopGracefully();
            System.exit(SpringApplication.exit(context));
        });
        return node;
    }

    /** The node's Ignite instance; stopped by closing the {@link GridNode}, never by itself. */
    @Bean(destroyMethod = "")
    public Ignite ignite(GridNode gridNode) {
        return gridNode.ignite();
    }
}
