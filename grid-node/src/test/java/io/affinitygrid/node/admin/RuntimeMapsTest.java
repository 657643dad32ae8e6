package io.affinitygrid.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.affinitygrid.compute.admin.ClearMapTask;
import io.affinitygrid.compute.admin.CreateMapTask;
import io.affinitygrid.compute.admin.DestroyMapTask;
import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapDescription;
import io.affinitygrid.compute.admin.MapMode;
import io.affinitygrid.compute.admin.RuntimeMapStore;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.IgniteConfigurations;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maps created at run time survive restarts as configured maps do: a node that restarts gets them from the grid, a
 * full restart brings them back (empty) from the nodes' files, and a node that was away while a map was destroyed
 * does not bring it back.
 */
class RuntimeMapsTest {

    private static final MapDefinition SESSIONS = MapDefinition.builder("sessions").backups(1).partitions(32).build();
    private static final MapDefinition CODES = MapDefinition.builder("codes").mode(MapMode.REPLICATED).partitions(16)
            .eviction(true).build();

    private LocalCluster cluster;

    @BeforeEach
    void start() {
        cluster = LocalCluster.builder().nodes(2).cache(CacheSettings.partitioned("orders").withPartitions(16)).start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aCreatedMapHasTheNodesRulesAndIsInEveryNodesFile() {
        MapDescription created = ignite(0).compute().execute(CreateMapTask.class, CODES);
        assertThat(created.definition()).isEqualTo(CODES);
        assertThat(created.runtime()).isTrue();
        CacheConfiguration<?, ?> configuration = ignite(1).cache("codes").getConfiguration(CacheConfiguration.class);
        assertThat(configuration.getCacheMode()).isEqualTo(CacheMode.REPLICATED);
        assertThat(configuration.getDataRegionName()).isEqualTo(IgniteConfigurations.EVICTION_REGION);
        assertThat(configuration.getAffinity().partitions()).isEqualTo(16);
        for (int i = 0; i < 2; i++) {
            assertThat(store(i).read()).as("node " + i).containsExactly(CODES);
        }
        ignite(0).cache("codes").put(1, "one");
        assertThat(ignite(1).compute().execute(ClearMapTask.class, "codes")).isEqualTo(1L);
        assertThat(ignite(0).cache("codes").size()).isZero();
    }

    @Test
    void aRestartedNodeGetsTheMapsAndAFullRestartBringsThemBackEmpty() throws Exception {
        ignite(0).compute().execute(CreateMapTask.class, SESSIONS);
        ignite(0).cache("sessions").put(1, "a");

        cluster.stopNode(1);
        cluster.startNode(1);
        assertThat(ignite(1).cacheNames()).contains("sessions");
        assertThat(store(1).read()).containsExactly(SESSIONS);
        assertThat(ignite(1).cache("sessions").get(1)).isEqualTo("a");

        cluster.stopNode(1);
        cluster.stopNode(0);
        cluster.startNode(0);
        cluster.startNode(1);
        assertThat(ignite(1).cacheNames()).contains("sessions", "orders");
        assertThat(ignite(0).cache("sessions").size()).as("in memory only, like a configured map").isZero();
        MapDescription described = ignite(1).compute().execute(io.affinitygrid.compute.admin.DescribeMapTask.class, "sessions");
        assertThat(described.definition()).isEqualTo(SESSIONS);
        assertThat(described.runtime()).isTrue();
        assertThat(ignite(1).compute().execute(io.affinitygrid.compute.admin.DescribeMapTask.class, "orders").runtime()).isFalse();
    }

    @Test
    void aNodeAwayWhileAMapWasDestroyedDoesNotBringItBack() {
        ignite(0).compute().execute(CreateMapTask.class, SESSIONS);
        cluster.stopNode(1);
        ignite(0).compute().execute(DestroyMapTask.class, "sessions");
        assertThat(store(0).read()).isEmpty();
        assertThat(store(1).read()).as("written before it stopped").containsExactly(SESSIONS);

        cluster.startNode(1);
        assertThat(ignite(1).cacheNames()).doesNotContain("sessions");
        assertThat(store(1).read()).as("the grid's maps win").isEmpty();
    }

    @Test
    void theFirstNodeOfAFullRestartDecides() throws Exception {
        ignite(0).compute().execute(CreateMapTask.class, SESSIONS);
        cluster.stopNode(1);
        cluster.stopNode(0);
        Files.delete(store(0).file());

        cluster.startNode(0);
        cluster.startNode(1);
        assertThat(ignite(0).cacheNames()).doesNotContain("sessions");
        assertThat(store(1).read()).isEmpty();
    }

    @Test
    void aBadLineOfTheFileIsNamed() throws Exception {
        Path file = store(0).file();
        Files.writeString(file, "broken=mode=sideways\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store(0).read()))
                .hasMessageContaining("Bad map definition 'broken=mode=sideways'").hasMessageContaining(file.toString());
        assertThat(List.of(MapDefinition.builder("x").build().toString()))
                .containsExactly("name=x, mode=partitioned, backups=1, partitions=1024, eviction=false");
    }

    private Ignite ignite(int index) {
        return cluster.node(index).ignite();
    }

    private RuntimeMapStore store(int index) {
        return new RuntimeMapStore(cluster.settings(index).workDirectory());
    }
}
