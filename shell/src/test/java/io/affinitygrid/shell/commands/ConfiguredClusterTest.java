package io.affinitygrid.shell.commands;

import static io.affinitygrid.shell.commands.GridShellCommandsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.DocumentContext;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.shell.GridShellApplication;
import io.affinitygrid.shell.TableOutput;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.GridPrompt;
import io.affinitygrid.shell.sample.SampleData;

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
 * A shell given {@code grid.addresses}: it connects to that cluster (three nodes here, in this JVM on free
 * ports, a cache of 64 partitions with one backup) instead of starting its own.
 */
@ShellTest
@SpringBootTest(properties = {
        "spring.config.name=" + GridShellApplication.CONFIG_NAME,
        "spring.shell.interactive.enabled=false",
        "spring.shell.history.enabled=false" })
@DirtiesContext
class ConfiguredClusterTest {

    private static final int PARTITIONS = 64;
    private static final int ORDERS = 500;

    private static LocalCluster cluster;

    @DynamicPropertySource
    static void clusterAddresses(DynamicPropertyRegistry registry) {
        cluster = LocalCluster.builder()
                .nodes(3)
                .cache(CacheSettings.partitioned("trades").withPartitions(PARTITIONS))
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

    @Autowired
    GridPrompt prompt;

    @Autowired
    ScriptRunner scripts;

    @Test
    void topologyShowsTheThreeNodesAndTheirPartitions() throws Exception {
        List<Map<String, String>> nodes = TableOutput.rows(client.sendCommand("topology").lines(), "node");

        assertThat(connection.isEmbedded()).isFalse();
        assertThat(nodes).hasSize(3);
        assertThat(nodes).filteredOn(node -> node.get("").equals(TopologyCommands.CONNECTED_MARK)).hasSize(1);
        int primaries = 0;
        int backups = 0;
        for (Map<String, String> node : nodes) {
            String[] counts = node.get("trades (primary/backup)").split("/");
            primaries += Integer.parseInt(counts[0]);
            backups += Integer.parseInt(counts[1]);
        }
        assertThat(primaries).isEqualTo(PARTITIONS);
        assertThat(backups).isEqualTo(PARTITIONS);
    }

    @Test
    void partitionMapAndTheAffinityOfAKey() throws Exception {
        client.sendCommand("load --map trades --count " + ORDERS);

        DocumentContext map = json(client.sendCommand("partitions --map trades --json"));
        assertThat(map.read("$.partitions", Integer.class)).isEqualTo(PARTITIONS);
        assertThat(map.read("$.lost", Integer.class)).isZero();
        List<Map<String, Object>> owners = map.read("$.map");
        assertThat(owners).hasSize(PARTITIONS);
        Set<Object> nodes = new HashSet<>();
        for (Map<String, Object> partition : owners) {
            @SuppressWarnings("unchecked")
            List<Object> backups = (List<Object>) partition.get("backups");
            assertThat(backups).as("partition %s", partition.get("partition")).hasSize(1).doesNotContain(partition.get("primary"));
            nodes.add(partition.get("primary"));
        }
        assertThat(nodes).hasSize(3);

        List<String> lines = client.sendCommand("partitions --map trades").lines();
        List<Map<String, String>> perNode = TableOutput.rows(lines, "share of primaries");
        assertThat(perNode).hasSize(3);
        assertThat(perNode.stream().mapToInt(row -> Integer.parseInt(row.get("primary"))).sum()).isEqualTo(PARTITIONS);
        assertThat(perNode.stream().mapToInt(row -> Integer.parseInt(row.get("backup"))).sum()).isEqualTo(PARTITIONS);
        assertThat(lines).contains("64 partitions of 'trades' on 3 nodes, none lost");

        // the key's owners are those of its partition in the map
        DocumentContext key = json(client.sendCommand("affinity --map trades --key 7 --json"));
        int partition = key.read("$.partition", Integer.class);
        assertThat(key.read("$.primary", String.class)).isEqualTo(owners.get(partition).get("primary"));
        assertThat(key.read("$.backups", List.class)).isEqualTo(owners.get(partition).get("backups"));
        assertThat(key.read("$.stored", Boolean.class)).isTrue();
        assertThat(TableOutput.rows(client.sendCommand("partitions --map trades --partition " + partition).lines(), "partition"))
                .singleElement().satisfies(row -> assertThat(row.get("primary")).isEqualTo(key.read("$.primary", String.class)));
    }

    @Test
    void loadSumGroupAndUpdateOnTheCluster() throws Exception {
        assertThat(TableOutput.rows(client.sendCommand("maps").lines(), "name"))
                .extracting(row -> row.get("name")).containsExactly("trades");

        client.sendCommand("load --map trades --count " + ORDERS);
        Map<String, String> result = TableOutput.rows(
                client.sendCommand("compute sum --map trades --field quantity").lines(), "count").get(0);
        long expected = 0;
        long firstTen = 0;
        for (long id = 1; id <= ORDERS; id++) {
            expected += SampleData.standard().order(id).quantity();
            firstTen += id <= 10 ? SampleData.standard().order(id).quantity() : 0;
        }
        assertThat(result.get("count")).isEqualTo(Integer.toString(ORDERS));
        assertThat(result.get("sum")).isEqualTo(Long.toString(expected));
        assertThat(result.get("partitions")).isEqualTo(Integer.toString(PARTITIONS));

        DocumentContext groups = json(client.sendCommand("compute group-by --map trades --by region --json"));
        assertThat(groups.read("$.groupCount", Integer.class)).isEqualTo(4);
        assertThat(groups.read("$.groups[*].count", List.class).stream().mapToLong(c -> ((Number) c).longValue()).sum())
                .isEqualTo(ORDERS);

        // a bulk update changes data: outside an interactive session it needs --yes, and --dry-run changes nothing
        java.io.StringWriter refused = new java.io.StringWriter();
        java.nio.file.Path script = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("update", ".grid"),
                "compute update --map trades --field quantity --factor 2 --where \"id <= 10\"\n");
        assertThat(scripts.runScript(script, new java.io.PrintWriter(refused))).as("written wrongly: exit code 2")
                .isEqualTo(io.affinitygrid.shell.output.ShellErrors.USAGE_CODE);
        assertThat(refused.toString()).contains("Error: 'compute update' asks before it can multiply 'quantity', and a"
                + " one-shot command or script cannot answer: add --yes to do it. Nothing was done.");
        java.nio.file.Files.delete(script);
        assertThat(client.sendCommand("compute update --map trades --field quantity --factor 2 --where \"id <= 10\" --dry-run").lines())
                .containsExactly("Dry run: would multiply 'quantity' by 2 in 10 entries of 'trades' where id <= 10. Nothing was changed.");
        assertThat(json(client.sendCommand("compute sum --map trades --field quantity --json")).read("$.sum", Long.class))
                .as("nothing changed").isEqualTo(expected);

        // a bulk update in place, on the nodes, then undone (quantities are whole numbers: x2 then x0.5 is exact)
        DocumentContext doubled = json(client.sendCommand("compute update --map trades --field quantity --factor 2 --where \"id <= 10\" --yes --json"));
        assertThat(doubled.read("$.updated", Long.class)).isEqualTo(10);
        assertThat(json(client.sendCommand("compute sum --map trades --field quantity --where \"id <= 10\" --json"))
                .read("$.sum", Long.class)).isEqualTo(2 * firstTen);
        client.sendCommand("compute update --map trades --field quantity --factor 0.5 --where \"id <= 10\" -y");
        assertThat(json(client.sendCommand("compute sum --map trades --field quantity --json")).read("$.sum", Long.class))
                .isEqualTo(expected);
    }

    @Test
    void promptConnectAndDisconnect() throws Exception {
        List<String> addresses = cluster.clientAddresses();
        connection.grid();
        assertThat(prompt.label()).isEqualTo(addresses.get(0) + " 3 nodes");
        assertThat(prompt.text()).isEqualTo("grid[" + addresses.get(0) + " 3 nodes]> ");
        try {
            assertThat(client.sendCommand("connect " + addresses.get(2)).lines())
                    .containsExactly("Connecting to " + addresses.get(2) + "...", "Connected to the grid at " + addresses.get(2) + ".");
            assertThat(prompt.label()).isEqualTo(addresses.get(2) + " 3 nodes");

            assertThat(client.sendCommand("disconnect").lines()).containsExactly("Disconnected from the grid at " + addresses.get(2) + ".");
            assertThat(prompt.label()).isEqualTo("disconnected");
            assertThat(client.sendCommand("maps").lines()).singleElement().asString()
                    .startsWith("Error: Not connected to a grid. Type 'connect'");
            assertThat(client.sendCommand("disconnect").lines()).containsExactly("Not connected.");
        }
        finally {
            // back to the configured cluster
            assertThat(client.sendCommand("connect").lines()).last().asString()
                    .isEqualTo("Connected to the grid at " + String.join(", ", addresses) + ".");
        }
        assertThat(prompt.label()).isEqualTo(addresses.get(0) + " 3 nodes");
    }
}
