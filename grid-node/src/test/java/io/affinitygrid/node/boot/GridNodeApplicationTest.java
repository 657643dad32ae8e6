package io.affinitygrid.node.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import java.nio.file.Path;
import java.util.UUID;

import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LoopbackPorts;

import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as {@code main} runs it: its configuration files, and what an operator sees. */
@ExtendWith(OutputCaptureExtension.class)
class GridNodeApplicationTest {

    @TempDir
    Path workDirectory;

    @Test
    void readsGridNodeYmlAndStartsOneNode(CapturedOutput output) {
        int[] ports = LoopbackPorts.next(3);
        String nodeName = "app-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext context = GridNodeApplication.application().run(
                "--grid.node-name=" + nodeName,
                "--grid.local-address=" + LoopbackPorts.HOST,
                "--grid.discovery.addresses=" + LoopbackPorts.HOST + ":" + ports[0],
                "--grid.discovery.port=" + ports[0],
                "--grid.communication.port=" + ports[1],
                "--grid.client.port=" + ports[2],
                "--grid.data-region-size=64MB",
                "--grid.work-directory=" + workDirectory,
                "--grid.maps[0].name=orders",
                "--server.port=0",
                "--spring.main.register-shutdown-hook=false")) {
            assertThat(context.getEnvironment().getProperty("spring.config.name")).isEqualTo("grid-node");
            assertThat(context.getEnvironment().getProperty("logging.level.org.apache.ignite"))
                    .as("read from the classpath grid-node.yml").isEqualTo("WARN");
            assertThat(context).as("serves health and metrics over HTTP").isInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBean(GridNode.class).ignite().cacheNames()).containsExactlyInAnyOrder("orders", TaskProgress.CACHE,
                    io.affinitygrid.compute.deploy.Deployments.CACHE);
        }
        assertThat(Ignition.state(nodeName)).isEqualTo(IgniteState.STOPPED);
        assertThat(output).contains("Grid node '" + nodeName + "' started").doesNotContain("Starting GridNodeApplication");
    }

    @Test
    void badConfigurationIsExplainedToTheOperator(CapturedOutput output) {
        assertThatException().isThrownBy(() -> GridNodeApplication.application().run(
                "--grid.maps[0].name=orders", "--grid.maps[0].backups=-1", "--server.port=0",
                "--spring.main.register-shutdown-hook=false"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Invalid value '-1' for configuration property 'grid.maps[0].backups'")
                .contains("GRID_MAPS_0_BACKUPS");
    }
}
