package io.affinitygrid.node.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.affinitygrid.node.GridConfigurationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** {@link GridConfigurationFailureAnalyzer}: its text, and environment variable names that really bind. */
class GridConfigurationFailureAnalyzerTest {

    private final GridConfigurationFailureAnalyzer analyzer = new GridConfigurationFailureAnalyzer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            grid.discovery.port,            GRID_DISCOVERY_PORT
            grid.maps[0].backups,         GRID_MAPS_0_BACKUPS
            grid.maps[12].name,           GRID_MAPS_12_NAME
            grid.node-name,                 GRID_NODENAME
            grid.client.max-compute-tasks,  GRID_CLIENT_MAXCOMPUTETASKS
            grid.discovery.addresses[1],    GRID_DISCOVERY_ADDRESSES_1
            grid.maps[0],                 GRID_MAPS_0
            grid.capacity.high-water-mark,  GRID_CAPACITY_HIGHWATERMARK
            grid.maps[1].capacity-policy, GRID_MAPS_1_CAPACITYPOLICY
            """)
    void namesEnvironmentVariableSpringStyle(String property, String variable) {
        assertThat(GridConfigurationFailureAnalyzer.environmentVariable(property)).isEqualTo(variable);
    }

    @Test
    void noEnvironmentVariableForInvalidPropertyName() {
        assertThat(GridConfigurationFailureAnalyzer.environmentVariable("grid.Not Valid")).isNull();
        assertThat(GridConfigurationFailureAnalyzer.environmentVariable("")).isNull();
    }

    static Stream<Arguments> boundProperties() {
        return Stream.of(
                Arguments.of("grid.node-name", "node-7", (Function<GridProperties, Object>) GridProperties::getNodeName),
                Arguments.of("grid.discovery.port", "47600", (Function<GridProperties, Object>) p -> p.getDiscovery().getPort()),
                Arguments.of("grid.discovery.port-range", "5", (Function<GridProperties, Object>) p -> p.getDiscovery().getPortRange()),
                Arguments.of("grid.client.max-compute-tasks", "8", (Function<GridProperties, Object>) p -> p.getClient().getMaxComputeTasks()),
                Arguments.of("grid.data-region-size", "512MB", (Function<GridProperties, Object>) GridProperties::getDataRegionSize),
                Arguments.of("grid.discovery.addresses[1]", "10.0.0.2:47500", (Function<GridProperties, Object>) p -> p.getDiscovery().getAddresses().get(1)),
                Arguments.of("grid.maps[0].backups", "3", (Function<GridProperties, Object>) p -> p.getMaps().get(0).getBackups()),
                Arguments.of("grid.maps[0].capacity-policy", "EVICT", (Function<GridProperties, Object>) p -> p.getMaps().get(0).getCapacityPolicy()),
                Arguments.of("grid.capacity.high-water-mark", "85", (Function<GridProperties, Object>) p -> p.getCapacity().getHighWaterMark()),
                Arguments.of("grid.capacity.eviction-region-size", "128MB", (Function<GridProperties, Object>) p -> p.getCapacity().getEvictionRegionSize()));
    }

    /** The variable the analyzer suggests is one Spring Boot binds to the property. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("boundProperties")
    void suggestedEnvironmentVariableBindsToTheProperty(String property, String value, Function<GridProperties, Object> read) {
        Map<String, Object> environment = new HashMap<>(Map.of(
                "GRID_MAPS_0_NAME", "orders", "GRID_DISCOVERY_ADDRESSES_0", "10.0.0.1:47500"));
        environment.put(GridConfigurationFailureAnalyzer.environmentVariable(property), value);
        GridProperties properties = bindEnvironment(environment);
        Object bound = read.apply(properties);
        if (bound instanceof DataSize size) {
            bound = size.toMegabytes() + "MB";
        }
        assertThat(String.valueOf(bound)).isEqualTo(value);
    }

    /** Spring Boot also accepts underscores for dashes, as config/grid-node.yml says. */
    @Test
    void environmentVariableWithUnderscoresForDashesAlsoBinds() {
        GridProperties properties = bindEnvironment(Map.of("GRID_NODE_NAME", "node-9", "GRID_DATA_REGION_SIZE", "1GB",
                "GRID_DISCOVERY_ADDRESSES", "10.0.0.1:47500,10.0.0.2:47500"));
        assertThat(properties.getNodeName()).isEqualTo("node-9");
        assertThat(properties.getDataRegionSize()).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(properties.getDiscovery().getAddresses()).containsExactly("10.0.0.1:47500", "10.0.0.2:47500");
    }

    @Test
    void describesPropertyValueAndProblemAndSuggestsWhereToFixIt() {
        RuntimeException failure = new BeanCreationException("gridNode", "failed",
                new GridConfigurationException("grid.maps[0].backups", -1, "backups must be 0 or more"));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription())
                .isEqualTo("Invalid value '-1' for configuration property 'grid.maps[0].backups': backups must be 0 or more.");
        assertThat(analysis.getAction()).isEqualTo("Fix 'grid.maps[0].backups' in config/grid-node.yml,"
                + " or, when the list comes from environment variables, set GRID_MAPS_0_BACKUPS along with the other entries' variables.");
        assertThat(analysis.getCause()).isInstanceOf(GridConfigurationException.class);
    }

    @Test
    void describesMissingValue() {
        FailureAnalysis analysis = analyzer.analyze(new GridConfigurationException("grid.node-name", null,
                "the node name must not be blank"));
        assertThat(analysis.getDescription())
                .isEqualTo("Configuration property 'grid.node-name' has no value: the node name must not be blank.");
        assertThat(analysis.getAction()).contains("GRID_NODENAME");
    }

    @Test
    void ignoresOtherFailures() {
        assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
    }

    private static GridProperties bindEnvironment(Map<String, Object> variables) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("grid", GridProperties.class);
    }
}
