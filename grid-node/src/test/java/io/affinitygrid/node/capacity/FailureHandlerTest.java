package io.affinitygrid.node.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.GridFailureHandler;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.failure.FailureContext;
import org.apache.ignite.failure.FailureType;
import org.apache.ignite.internal.IgniteEx;
import org.junit.jupiter.api.Test;

/**
 * A critical failure stops the Ignite node and leaves the JVM running (Ignite's default would halt it), while the
 * failure types Ignite ignores by default stay ignored.
 */
class FailureHandlerTest {

    @Test
    void aCriticalFailureStopsTheNodeNotTheJvm() {
        try (LocalCluster cluster = LocalCluster.builder().nodes(1).dataRegionSizeBytes(16L * 1024 * 1024)
                .cache(CacheSettings.partitioned("orders").withPartitions(8)).start()) {
            IgniteEx ignite = (IgniteEx) cluster.node(0).ignite();
            String name = ignite.name();
            assertThat(ignite.configuration().getFailureHandler()).isInstanceOf(GridFailureHandler.class);

            // ignored by default: a blocked system worker only logs
            ignite.context().failure().process(new FailureContext(FailureType.SYSTEM_WORKER_BLOCKED, new IllegalStateException("probe")));
            assertThat(Ignition.state(name)).isEqualTo(IgniteState.STARTED);

            ignite.context().failure().process(new FailureContext(FailureType.CRITICAL_ERROR, new IllegalStateException("probe")));

            await().atMost(Duration.ofSeconds(30)).until(() -> Ignition.state(name) != IgniteState.STARTED);
            assertThat(Ignition.state(name)).isIn(IgniteState.STOPPED, IgniteState.STOPPED_ON_FAILURE);
            // this test's JVM is still here to assert it
        }
    }
}
