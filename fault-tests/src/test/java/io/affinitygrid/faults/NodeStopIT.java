package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MemberInfo;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code node stop} on node processes: the stopped node's application exits with code 0, the node leaves the
 * topology with nothing lost (one backup), and, started again, it has the map created at run time. It is the last
 * class on the shared healthy cluster (a node of which it stops and starts again), so it needs no cluster of its own.
 */
@Tag("fault")
@Order(25)
class NodeStopIT {

    @RegisterExtension
    static final ClusterExtension grid = ClusterExtension.shared(HealthyCluster.KEY, HealthyCluster::settings);

    @Test
    void aStoppedNodesApplicationExitsAndTheNodeComesBackWithTheRuntimeMaps() throws Exception {
        ProcessCluster cluster = grid.cluster();
        try (Grid client = cluster.connect()) {
            client.admin().create(MapDefinition.builder("kept").partitions(32).build());
            GridMap<Long, String> kept = client.map("kept", Long.class, String.class);
            Map<Long, String> values = new HashMap<>();
            for (long i = 0; i < 1_000; i++) {
                values.put(i, "v" + i);
            }
            kept.putAll(values);

            NodeProcess third = cluster.node(3);
            cluster.expectDown(3);
            client.admin().stopNode(third.name());
            assertThat(third.awaitExit(Duration.ofSeconds(90))).as("the node's application exits").isTrue();
            assertThat(third.exitCode()).isZero();
            assertThat(third.logTail(200)).contains("Stopping node '" + third.name() + "' as an administrator asked");
            cluster.awaitTopology(2, Duration.ofMinutes(1));
            assertThat(kept.getAll(values.keySet())).isEqualTo(values);

            cluster.restart(3);
            cluster.awaitTopology(3, Duration.ofMinutes(2));
            assertThat(client.admin().members()).extracting(MemberInfo::name).contains(third.name());
            assertThat(client.admin().describe("kept").runtime()).isTrue();
        }
    }
}
