package io.affinitygrid.node.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import io.affinitygrid.compute.deploy.Deployments;
import io.affinitygrid.compute.deploy.GridDeploymentSpi;
import io.affinitygrid.node.GridConfigurationException;
import io.affinitygrid.node.GridNodeSettings;
import io.affinitygrid.node.IgniteConfigurations;
import io.affinitygrid.node.deploy.DeploymentSettings;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The {@code grid.deployment.*} properties, their checks, and what they change in the Ignite configuration. */
class DeploymentPropertiesTest {

    @Test
    void offByDefaultWithA16MegabyteLimit() {
        DeploymentSettings settings = new GridProperties().toSettings().deployment();
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.maxJarSizeBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.users()).isEmpty();
    }

    @Test
    void bindsEnabledSizeAndUsers() {
        DeploymentSettings settings = bind(Map.of("grid.deployment.enabled", "true", "grid.deployment.max-jar-size", "2MB",
                "grid.deployment.users", "dev, ops")).toSettings().deployment();
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.maxJarSizeBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(settings.users()).containsExactlyInAnyOrder("dev", "ops");
    }

    @Test
    void refusesASizeOutOfRangeNamingTheProperty() {
        assertThatExceptionOfType(GridConfigurationException.class)
                .isThrownBy(() -> bind(Map.of("grid.deployment.max-jar-size", "1GB")).toSettings())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.deployment.max-jar-size"));
    }

    @Test
    void everyNodeHasTheDeploymentCacheAndOnlyNodesWithDeploymentOnTheSpiThatFindsDeployedTasks() {
        IgniteConfiguration off = IgniteConfigurations.create(GridNodeSettings.builder().build());
        assertThat(off.getDeploymentSpi()).as("Ignite's default SPI while deployment is off").isNull();
        assertThat(off.isPeerClassLoadingEnabled()).isFalse();
        assertThat(off.getCacheConfiguration()).extracting(CacheConfiguration::getName).contains(Deployments.CACHE);

        IgniteConfiguration on = IgniteConfigurations.create(GridNodeSettings.builder()
                .deployment(DeploymentSettings.of(true, 16L * 1024 * 1024, List.of())).build());
        assertThat(on.getDeploymentSpi()).isInstanceOf(GridDeploymentSpi.class);
        assertThat(on.isPeerClassLoadingEnabled()).isFalse();
    }

    private static GridProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("grid", GridProperties.class);
    }
}
