package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A shell given {@code grid.addresses}: it connects to that cluster (two nodes here, in this JVM on free
 * ports) instead of starting its own.
 */
@ShellTest
@SpringBootTest(properties = {
        "spring.config.name=" + GridShellApplication.CONFIG_NAME,
        "spring.shell.interactive.enabled=false",
        "spring.shell.history.enabled=false" })
@DirtiesContext
class ConfiguredClusterTest {

    private static LocalCluster cluster;

    @DynamicPropertySource
    static void clusterAddresses(DynamicPropertyRegistry registry) {
        cluster = LocalCluster.builder()
                .nodes(2)
                .cache(CacheSettings.partitioned("trades").withPartitions(64))
                .dataRegionSizeBytes(64L * 1024 * 1024)
                .start();
        registry.add("grid.addresses", () -> String.join(",", cluster.clientAddresses()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Autowired
    ShellTestClient client;

    @Autowired
    GridConnection connection;

    @Test
    void topologyShowsBothNodesAndTheirPartitions() throws Exception {
        List<Map<String, String>> nodes = TableOutput.rows(client.sendCommand("topology").lines(), "node");

        assertThat(connection.isEmbedded()).isFalse();
        assertThat(nodes).hasSize(2);
        assertThat(nodes).filteredOn(node -> node.get("").equals(TopologyCommands.CONNECTED_MARK)).hasSize(1);
        int primaries = 0;
        int backups = 0;
        for (Map<String, String> node : nodes) {
            String[] counts = node.get("trades (primary/backup)").split("/");
            primaries += Integer.parseInt(counts[0]);
            backups += Integer.parseInt(counts[1]);
        }
        assertThat(primaries).isEqualTo(64);
        assertThat(backups).isEqualTo(64);
    }

    @Test
    void loadAndSumOnTheConfiguredCluster() throws Exception {
        assertThat(TableOutput.rows(client.sendCommand("caches").lines(), "name"))
                .extracting(row -> row.get("name")).containsExactly("trades");

        client.sendCommand("load --cache trades --count 500");
        Map<String, String> result = TableOutput.rows(
                client.sendCommand("compute sum --cache trades --field quantity").lines(), "count").get(0);

        long expected = 0;
        for (long id = 1; id <= 500; id++) {
            expected += SampleData.standard().order(id).quantity();
        }
        assertThat(result.get("count")).isEqualTo("500");
        assertThat(result.get("sum")).isEqualTo(Long.toString(expected));
        assertThat(result.get("partitions")).isEqualTo("64");
    }
}
