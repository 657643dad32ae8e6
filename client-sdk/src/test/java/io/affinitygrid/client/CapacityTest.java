package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A map whose node's 16 MB data region is full: every kind of write, sync and async, fails with
 * {@link GridCapacityException} naming the map, how full the region is and what to do; reads and removes go on.
 */
class CapacityTest {

    private static final String MAP = "capped";

    private static LocalCluster cluster;
    private static Grid grid;
    private static GridMap<Long, String> capped;
    private static final Map<Long, String> written = new LinkedHashMap<>();
    private static GridCapacityException firstRefusal;

    @BeforeAll
    static void fill() {
        cluster = LocalCluster.builder().nodes(1).dataRegionSizeBytes(16L * 1024 * 1024)
                .cache(CacheSettings.partitioned(MAP).withBackups(0).withPartitions(32)).start();
        grid = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses()).requestTimeout(Duration.ofSeconds(30)).build());
        capped = grid.map(MAP, Long.class, String.class);
        long key = 0;
        while (firstRefusal == null && key < 1_000_000) {
            Map<Long, String> batch = new HashMap<>();
            for (int i = 0; i < 500; i++, key++) {
                batch.put(key, "value-" + key + "-" + "x".repeat(400));
            }
            try {
                capped.putAll(batch);
                written.putAll(batch);
            }
            catch (GridCapacityException e) {
                firstRefusal = e;
            }
        }
    }

    @AfterAll
    static void stop() {
        if (grid != null) {
            grid.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void putAllIsRefusedWithTheMapHowFullAndWhatToDo() {
        assertThat(firstRefusal).isNotNull();
        assertThat(firstRefusal.mapName()).isEqualTo(MAP);
        assertThat(firstRefusal.getMessage())
                .startsWith("Cannot write 500 entries of map 'capped': Map 'capped' is full")
                .containsPattern("holds \\d+\\.\\d MB of 16\\.0 MB")
                .contains("grid.data-region-size", "add nodes", "delete entries", "evict")
                .doesNotContain("GRID-MEM-1", "Exception", "\n");
    }

    @Test
    void everyWriteIsRefusedSyncAndAsync() {
        assertThatThrownBy(() -> capped.put(-1L, "v")).isInstanceOf(GridCapacityException.class).hasMessageContaining("map 'capped'");
        assertThatThrownBy(() -> capped.putIfAbsent(-2L, "v")).isInstanceOf(GridCapacityException.class);
        assertThatThrownBy(() -> capped.getAndPut(-3L, "v")).isInstanceOf(GridCapacityException.class);
        assertThatThrownBy(() -> capped.async().put(-4L, "v").join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(GridCapacityException.class);
        assertThatThrownBy(() -> capped.async().putAll(Map.of(-5L, "v", -6L, "w")).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(GridCapacityException.class);
    }

    @Test
    void readsAndRemovesKeepWorkingAndNothingAcknowledgedIsLost() {
        Map<Long, String> read = capped.getAll(written.keySet());
        assertThat(read).isEqualTo(written);
        assertThat(capped.get(0L)).isEqualTo(written.get(0L));
        assertThat(capped.containsKey(-1L)).isFalse();
        assertThat(capped.remove(-100L)).isFalse();
    }
}
