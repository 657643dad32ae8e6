package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapDescription;
import io.affinitygrid.compute.admin.MapMode;
import io.affinitygrid.compute.admin.MemberInfo;
import io.affinitygrid.compute.admin.RegionUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MapAdmin} against three real nodes: maps created, described, cleared and destroyed at run time, the grid's
 * own maps refused, members, and a graceful stop of a node that, started again, has the runtime maps.
 */
class MapAdminTest {

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.threeNodes();

    @Test
    void createDescribeUseClearAndDestroyAMap() throws Exception {
        MapAdmin admin = CLUSTER.grid().admin();
        MapDefinition definition = MapDefinition.builder("admin-sessions").backups(2).partitions(64).build();
        MapDescription created = admin.create(definition);
        assertThat(created.definition()).isEqualTo(definition);
        assertThat(created.size()).isZero();
        assertThat(created.runtime()).isTrue();
        assertThat(CLUSTER.grid().mapNames()).contains("admin-sessions");

        GridMap<Long, String> sessions = CLUSTER.grid().map("admin-sessions", Long.class, String.class);
        for (long i = 0; i < 10; i++) {
            sessions.put(i, "s" + i);
        }
        MapDescription described = admin.async().describe("admin-sessions").get();
        assertThat(described.size()).isEqualTo(10);
        assertThat(described.partitions()).isEqualTo(64);
        assertThat(admin.describe(GridCluster.ORDERS).runtime()).as("configured in grid.maps").isFalse();
        assertThat(admin.describe(GridCluster.CUSTOMERS).definition().mode()).isEqualTo(MapMode.REPLICATED);

        assertThatThrownBy(() -> admin.create(definition)).isInstanceOf(MapExistsException.class)
                .hasMessageContaining("Map 'admin-sessions' already exists")
                .extracting(e -> ((GridException) e).code()).isEqualTo(ErrorCode.MAP_EXISTS);

        assertThat(admin.clear("admin-sessions")).isEqualTo(10);
        assertThat(sessions.size()).isZero();

        assertThat(admin.destroy("admin-sessions").definition()).isEqualTo(definition);
        assertThat(CLUSTER.grid().mapNames()).doesNotContain("admin-sessions");
        assertThatThrownBy(() -> admin.describe("admin-sessions")).isInstanceOf(UnknownMapException.class)
                .hasMessageStartingWith("No map named 'admin-sessions' on the grid.");
        assertThatThrownBy(() -> admin.destroy("nosuch")).isInstanceOf(UnknownMapException.class);
    }

    @Test
    void badDefinitionsAndTheGridsOwnMapsAreRefused() {
        MapAdmin admin = CLUSTER.grid().admin();
        assertThatThrownBy(() -> MapDefinition.builder("x").partitions(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitions must be 1 to 65000, got 0");
        assertThatThrownBy(() -> MapDefinition.builder("x").mode(MapMode.REPLICATED).backups(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("backups apply to partitioned maps only");
        assertThatThrownBy(() -> MapDefinition.builder("__mine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kept for the grid's own maps");
        assertThatThrownBy(() -> admin.destroy("__deployments")).isInstanceOf(AdminRefusedException.class)
                .hasMessageContaining("belongs to the grid itself")
                .extracting(e -> ((GridException) e).code()).isEqualTo(ErrorCode.PROTECTED_MAP);
        assertThatThrownBy(() -> admin.clear("__deployments")).isInstanceOf(AdminRefusedException.class);
        assertThatThrownBy(() -> admin.destroy(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admin.stopNode("no-such-node")).isInstanceOf(UnknownNodeException.class)
                .hasMessageContaining("No server node named 'no-such-node'")
                .hasMessageContaining(CLUSTER.nodeNames().get(0))
                .extracting(e -> ((GridException) e).code()).isEqualTo(ErrorCode.UNKNOWN_NODE);
    }

    @Test
    void membersDescribeEveryNodeAndOneIsTheCoordinator() throws Exception {
        List<MemberInfo> members = CLUSTER.grid().admin().async().members().get();
        assertThat(members).extracting(MemberInfo::name).containsExactlyElementsOf(CLUSTER.nodeNames());
        assertThat(members).filteredOn(MemberInfo::coordinator).extracting(MemberInfo::name)
                .containsExactly(CLUSTER.nodeNames().get(0));
        for (MemberInfo member : members) {
            assertThat(member.javaVersion()).startsWith(System.getProperty("java.version"));
            assertThat(member.heapMaxBytes()).isGreaterThan(member.heapUsedBytes()).isPositive();
            assertThat(member.uptimeMillis()).isPositive();
            assertThat(member.addresses()).isNotEmpty();
            assertThat(member.regions()).extracting(RegionUse::name).contains("default", "evictable");
            RegionUse data = member.regions().stream().filter(r -> r.name().equals("default")).findFirst().orElseThrow();
            assertThat(data.maxBytes()).isEqualTo(96L * 1024 * 1024);
            assertThat(data.usedBytes()).isBetween(0L, data.maxBytes());
        }
    }

    @Test
    void aStoppedNodeLeavesGracefullyAndComesBackWithTheRuntimeMaps() {
        MapAdmin admin = CLUSTER.grid().admin();
        MapDefinition definition = MapDefinition.builder("admin-kept").partitions(32).build();
        admin.create(definition);
        GridMap<Long, String> kept = CLUSTER.grid().map("admin-kept", Long.class, String.class);
        for (long i = 0; i < 100; i++) {
            kept.put(i, "v" + i);
        }
        String last = CLUSTER.nodeNames().get(2);
        try {
            admin.stopNode(last);
            assertThat(SharedGridCluster.await(Duration.ofSeconds(20), () -> admin.members().size() == 2))
                    .as("the node left the topology").isTrue();
            assertThat(admin.members()).extracting(MemberInfo::name).doesNotContain(last);
            for (long i = 0; i < 100; i++) {
                assertThat(kept.get(i)).as("one backup: nothing lost").isEqualTo("v" + i);
            }
        }
        finally {
            CLUSTER.cluster().stopNode(2);
            CLUSTER.cluster().startNode(2);
        }
        assertThat(CLUSTER.cluster().node(2).ignite().cacheNames()).contains("admin-kept");
        assertThat(admin.members()).hasSize(3);
        assertThat(SharedGridCluster.await(Duration.ofSeconds(20), () -> admin.describe("admin-kept").size() == 100)).isTrue();
        admin.destroy("admin-kept");
    }
}
