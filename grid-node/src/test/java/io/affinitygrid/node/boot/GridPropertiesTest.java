package io.affinitygrid.node.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.affinitygrid.node.CacheMode;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.CapacityPolicy;
import io.affinitygrid.node.GridConfigurationException;
import io.affinitygrid.node.GridNodeSettings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link GridProperties}: binding of the {@code grid.*} keys and mapping to {@link GridNodeSettings}. */
class GridPropertiesTest {

    @Test
    void defaultsAreThoseOfGridNodeSettings() {
        assertThat(new GridProperties().toSettings()).isEqualTo(GridNodeSettings.builder().build());
    }

    @Test
    void bindsKebabCaseKeysAndMapsEveryOneToSettings() {
        GridProperties properties = bind(Map.ofEntries(
                Map.entry("grid.node-name", "node-2"),
                Map.entry("grid.local-address", "127.0.0.1"),
                Map.entry("grid.discovery.addresses", "127.0.0.1:47500..47509, 10.0.0.2"),
                Map.entry("grid.discovery.port", "47501"),
                Map.entry("grid.discovery.port-range", "3"),
                Map.entry("grid.communication.port", "47101"),
                Map.entry("grid.client.port", "10801"),
                Map.entry("grid.client.max-compute-tasks", "16"),
                Map.entry("grid.data-region-size", "512MB"),
                Map.entry("grid.failure-detection-timeout", "2s"),
                Map.entry("grid.work-directory", "/tmp/grid/node-2"),
                Map.entry("grid.maps[0].name", "orders"),
                Map.entry("grid.maps[0].backups", "2"),
                Map.entry("grid.maps[0].partitions", "128"),
                Map.entry("grid.maps[1].name", "reference"),
                Map.entry("grid.maps[1].mode", "replicated"),
                Map.entry("grid.maps[1].capacity-policy", "evict"),
                Map.entry("grid.capacity.high-water-mark", "85"),
                Map.entry("grid.capacity.eviction-region-size", "128MB")));

        GridNodeSettings settings = properties.toSettings();

        assertThat(settings.nodeName()).isEqualTo("node-2");
        assertThat(settings.localAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.discoveryAddresses()).containsExactly("127.0.0.1:47500..47509", "10.0.0.2");
        assertThat(settings.discoveryPort()).isEqualTo(47501);
        assertThat(settings.discoveryPortRange()).isEqualTo(3);
        assertThat(settings.communicationPort()).isEqualTo(47101);
        assertThat(settings.clientPort()).isEqualTo(10801);
        assertThat(settings.clientMaxComputeTasks()).isEqualTo(16);
        assertThat(settings.dataRegionSizeBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(settings.failureDetectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.workDirectory()).isEqualTo(Path.of("/tmp/grid/node-2"));
        assertThat(settings.caches()).containsExactly(
                new CacheSettings("orders", CacheMode.PARTITIONED, 2, 128),
                new CacheSettings("reference", CacheMode.REPLICATED, CacheSettings.DEFAULT_BACKUPS, CacheSettings.DEFAULT_PARTITIONS,
                        CapacityPolicy.EVICT));
        assertThat(settings.caches().get(0).capacityPolicy()).isEqualTo(CapacityPolicy.REJECT);
        assertThat(settings.highWaterMarkPercent()).isEqualTo(85);
        assertThat(settings.evictionRegionSizeBytes()).isEqualTo(128L * 1024 * 1024);
        assertThat(settings.hasEvictingCaches()).isTrue();
    }

    @Test
    void cacheWithoutCapacityPolicyIsReportedWithItsProperty() {
        GridProperties properties = bind(Map.of("grid.maps[0].name", "orders"));
        properties.getMaps().get(0).setCapacityPolicy(null);

        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(properties::toSettings)
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.maps[0].capacity-policy"));
    }

    @Test
    void cacheWithoutModeIsReportedWithItsProperty() {
        GridProperties properties = bind(Map.of("grid.maps[0].name", "orders"));
        properties.getMaps().get(0).setMode(null);

        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(properties::toSettings)
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.maps[0].mode"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedNameCachesStillConfiguresTheMapsAndErrorsNameIt() {
        GridProperties properties = bind(Map.of("grid.caches[0].name", "orders", "grid.caches[0].backups", "2"));

        assertThat(properties.usesDeprecatedCaches()).isTrue();
        assertThat(properties.toSettings().caches()).containsExactly(new CacheSettings("orders", CacheMode.PARTITIONED, 2,
                CacheSettings.DEFAULT_PARTITIONS));
        GridProperties bad = bind(Map.of("grid.caches[0].name", "orders", "grid.caches[0].backups", "-1"));
        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(bad::toSettings)
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.caches[0].backups"));
    }

    @Test
    void bothTheMapsAndTheirDeprecatedNameIsAnError() {
        GridProperties properties = bind(Map.of("grid.maps[0].name", "orders", "grid.caches[0].name", "words"));

        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(properties::toSettings)
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.caches"))
                .withMessageContaining("list the maps under grid.maps only");
    }

    @Test
    void missingDataRegionSizeIsReportedWithItsProperty() {
        GridProperties properties = new GridProperties();
        properties.setDataRegionSize(null);

        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(properties::toSettings)
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.data-region-size"));
    }

    private static GridProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("grid", GridProperties.class);
    }
}
