package io.affinitygrid.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.affinitygrid.shell.EmbeddedGridShellTest;
import io.affinitygrid.shell.TableOutput;
import io.affinitygrid.shell.connection.GridPrompt;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.shell.sample.SampleOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;

/**
 * The shell's commands against a real embedded grid (one node in this JVM, on free ports), run through
 * Spring Shell's command machinery as a user would type them.
 */
@EmbeddedGridShellTest
class GridShellCommandsTest {

    static final int SAMPLE_ORDERS = EmbeddedGridShellTest.SAMPLE_ORDERS;

    @Autowired
    ShellTestClient client;

    @Autowired
    GridPrompt prompt;

    @Test
    void loadThenSumMatchesTheSampleData() throws Exception {
        List<String> load = client.sendCommand("load --map orders --count 2000").lines();
        assertThat(load).anyMatch(line -> line.contains("50%"));
        assertThat(load).anyMatch(line -> line.contains("100%"));
        assertThat(load.get(load.size() - 1)).startsWith("Loaded 2,000 orders into 'orders' in ").contains("orders/s");

        Map<String, String> result = single(client.sendCommand("compute sum --map orders --field amount"), "count");

        BigDecimal expected = BigDecimal.ZERO;
        for (long id = 1; id <= 2000; id++) {
            expected = expected.add(BigDecimal.valueOf(SampleOrder.generate(SampleData.SEED, id).amount()));
        }
        assertThat(result.get("count")).isEqualTo("2000");
        assertThat(result.get("summed")).isEqualTo("2000");
        assertThat(new BigDecimal(result.get("sum"))).isEqualByComparingTo(expected);
        assertThat(result.get("partitions")).isEqualTo("1024");
        assertThat(Long.parseLong(result.get("elapsed ms"))).isNotNegative();
    }

    @Test
    void topologyShowsTheEmbeddedNodeAsTheConnectedOne() throws Exception {
        List<Map<String, String>> nodes = TableOutput.rows(client.sendCommand("topology").lines(), "node");
        assertThat(nodes).hasSize(1);
        Map<String, String> node = nodes.get(0);
        assertThat(node.get("")).isEqualTo(TopologyCommands.CONNECTED_MARK);
        assertThat(node.get("addresses")).contains("127.0.0.1");
        // one node holds every partition as primary; its backups have nowhere to go
        assertThat(node.get("orders (primary/backup)")).isEqualTo("1024/0");
        assertThat(node.get("words (primary/backup)")).isEqualTo("1024/0");
    }

    @Test
    void cachesListsTheEmbeddedMaps() throws Exception {
        List<Map<String, String>> caches = TableOutput.rows(client.sendCommand("maps").lines(), "name");
        assertThat(caches).extracting(row -> row.get("name")).containsExactly("orders", "words");
        Map<String, String> orders = caches.get(0);
        assertThat(orders.get("mode")).isEqualTo("PARTITIONED");
        assertThat(orders.get("backups")).isEqualTo("1");
        assertThat(orders.get("partitions")).isEqualTo("1024");
        assertThat(Long.parseLong(orders.get("size"))).isGreaterThanOrEqualTo(SAMPLE_ORDERS);
    }

    @Test
    void putThenGet() throws Exception {
        assertThat(client.sendCommand("put --map words --key greeting --value \"hello grid\"").lines())
                .containsExactly("Stored key 'greeting' in 'words'");
        assertThat(client.sendCommand("get --map words --key greeting").lines()).containsExactly("hello grid");
        assertThat(client.sendCommand("get --map words --key nothing-here").lines())
                .containsExactly("No value for key 'nothing-here' in 'words'");
        assertThat(client.sendCommand("remove --map words --key greeting").lines())
                .containsExactly("Removed key 'greeting' from 'words'");
        assertThat(client.sendCommand("remove --map words --key greeting").lines())
                .containsExactly("No value for key 'greeting' in 'words'");
    }

    @Test
    void keyCommandsPrintJson() throws Exception {
        DocumentContext put = json(client.sendCommand("put --map words --key json-test --value \"a b\" --json"));
        assertThat(put.read("$.key", String.class)).isEqualTo("json-test");
        assertThat(put.read("$.stored", Boolean.class)).isTrue();

        DocumentContext order = json(client.sendCommand("get --map orders --key 5 --json"));
        SampleOrder expected = SampleData.standard().order(5);
        assertThat(order.read("$.key", Long.class)).isEqualTo(5L);
        assertThat(order.read("$.value.customer", String.class)).isEqualTo(expected.customer());
        assertThat(order.read("$.value.amount", BigDecimal.class)).isEqualByComparingTo(BigDecimal.valueOf(expected.amount()));
        assertThat(json(client.sendCommand("get --map words --key nothing-here --json")).read("$.value", Object.class)).isNull();

        assertThat(json(client.sendCommand("remove --map words --key json-test --json")).read("$.removed", Boolean.class)).isTrue();
    }

    @Test
    void tablesAlsoComeAsJson() throws Exception {
        // 'caches', the command's deprecated name, still answers
        List<Map<String, Object>> caches = json(client.sendCommand("caches --json")).read("$");
        assertThat(json(client.sendCommand("maps --json")).<List<Map<String, Object>>>read("$")).isEqualTo(caches);
        assertThat(caches).extracting(c -> c.get("name")).containsExactly("orders", "words");
        assertThat(caches.get(0)).containsEntry("mode", "PARTITIONED").containsEntry("partitions", 1024);

        DocumentContext topology = json(client.sendCommand("topology --json"));
        assertThat(topology.read("$.length()", Integer.class)).isEqualTo(1);
        assertThat(topology.read("$[0].connected", Boolean.class)).isTrue();
        assertThat(topology.read("$[0].primaryPartitions.orders", Integer.class)).isEqualTo(1024);

        DocumentContext metrics = json(client.sendCommand("metrics --json"));
        assertThat(metrics.read("$.cluster.nodes", Integer.class)).isEqualTo(1);
        assertThat(metrics.read("$.cluster.connectedTo", String.class)).isEqualTo("embedded");
        assertThat(metrics.read("$.cluster.roundTripMs", Double.class)).isPositive();
        assertThat(metrics.read("$.nodes[0].primaryPartitions", Integer.class)).isEqualTo(2048);
    }

    @Test
    void metricsShowsClusterCachesAndNodes() throws Exception {
        List<String> lines = client.sendCommand("metrics").lines();
        assertThat(TableOutput.rows(lines, "connected to")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("connected to", "embedded").containsEntry("nodes", "1")
                        .containsEntry("maps", "2"));
        assertThat(TableOutput.rows(lines, "entries/partition")).extracting(row -> row.get("map")).containsExactly("orders", "words");
        assertThat(TableOutput.rows(lines, "primary partitions")).singleElement()
                .satisfies(row -> assertThat(row.get("primary partitions")).isEqualTo("2048"));
    }

    @Test
    void scanShowsTheFirstEntriesByIdOrByAGivenField() throws Exception {
        List<String> lines = client.sendCommand("scan --map orders --limit 3").lines();
        List<Map<String, String>> rows = TableOutput.rows(lines, "key");
        assertThat(rows).extracting(row -> row.get("key")).containsExactly("1", "2", "3");
        assertThat(rows.get(1).get("customer")).isEqualTo(SampleData.standard().order(2).customer());
        assertThat(lines.get(lines.size() - 1)).startsWith("3 entries by id, ").endsWith(" ms");

        DocumentContext byAmount = json(client.sendCommand("scan --map orders --by amount --where \"region = north\" --limit 2 --json"));
        List<Map<String, Object>> entries = byAmount.read("$.entries");
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(e -> assertThat(((Map<?, ?>) e.get("fields")).get("region")).isEqualTo("north"));
        assertThat(((Number) entries.get(0).get("rank")).doubleValue()).isLessThanOrEqualTo(((Number) entries.get(1).get("rank")).doubleValue());

        assertThat(TableOutput.rows(client.sendCommand("scan --map words --limit 2").lines(), "key")).hasSize(2)
                .allSatisfy(row -> assertThat(row.get("_value")).isNotBlank());
    }

    @Test
    void partitionsAndAffinityOfTheSingleNode() throws Exception {
        List<String> lines = client.sendCommand("partitions --map orders").lines();
        Map<String, String> node = TableOutput.rows(lines, "share of primaries").get(0);
        assertThat(node).containsEntry("primary", "1024").containsEntry("backup", "0").containsEntry("share of primaries", "100.0 %");
        assertThat(lines).contains("1,024 partitions of 'orders' on 1 node, none lost");

        assertThat(TableOutput.rows(client.sendCommand("partitions --map orders --all").lines(), "partition"))
                .hasSize(1024).first().satisfies(row -> assertThat(row).containsEntry("partition", "0").containsEntry("backups", "-"));
        List<Map<String, String>> map = TableOutput.rows(client.sendCommand("partitions --map orders --partition 3,42").lines(), "partition");
        assertThat(map).extracting(row -> row.get("partition")).containsExactly("3", "42");
        assertThat(map.get(0).get("primary")).isEqualTo(node.get("node"));

        // a Long key's partition is its hash code masked by the partition count (Ignite's rendezvous affinity)
        Map<String, String> affinity = TableOutput.rows(client.sendCommand("affinity --map orders --key 42").lines(), "partition").get(0);
        assertThat(affinity).containsEntry("partition", "42").containsEntry("primary", node.get("node"))
                .containsEntry("backups", "-").containsEntry("stored", "yes");
        assertThat(json(client.sendCommand("affinity --map orders --key nokey --json")).read("$.stored", Boolean.class)).isFalse();
    }

    @Test
    void connectionCommandsKnowWhereTheyAre() throws Exception {
        assertThat(client.sendCommand("connect").lines()).last().asString()
                .startsWith("Connected to the embedded grid (1 node, thin clients on 127.0.0.1:");
        assertThat(prompt.label()).isEqualTo("embedded 1 node");
    }

    @Test
    void getPrintsASampleOrderWithItsFields() throws Exception {
        SampleOrder five = SampleData.standard().order(5);
        Map<String, String> row = TableOutput.rows(client.sendCommand("get --map orders --key 5").lines(), "_key").get(0);
        assertThat(row).containsEntry("_key", "5").containsEntry("id", "5").containsEntry("customer", five.customer())
                .containsEntry("region", five.region()).containsEntry("quantity", String.valueOf(five.quantity()));
    }

    @Test
    void unknownCacheIsOneErrorLineNamingIt() throws Exception {
        for (String command : List.of("compute sum --map nosuch --field amount", "get --map nosuch --key 1",
                "put --map nosuch --key 1 --value x", "load --map nosuch --count 10")) {
            List<String> lines = client.sendCommand(command).lines();
            assertThat(lines).as(command).hasSize(1);
            assertThat(lines.get(0)).as(command).startsWith("Error: ").contains("nosuch");
        }
    }

    @Test
    void badFieldsAndNumbersAreErrors() throws Exception {
        assertThat(client.sendCommand("compute sum --map orders --field customer").lines())
                .singleElement().asString().startsWith("Error: ").contains("customer");
        assertThat(client.sendCommand("compute sum --map orders --field amout").lines())
                .singleElement().asString().startsWith("Error: ").contains("amout");
        assertThat(client.sendCommand("load --map orders --count lots").lines())
                .containsExactly("Error: --count must be a whole number, got 'lots'");
        assertThat(client.sendCommand("load --map orders --count 0").lines())
                .containsExactly("Error: --count must be at least 1, got 0");
    }

    @Test
    void helpListsTheGridCommands() throws Exception {
        List<String> help = client.sendCommand("help").lines();
        assertThat(String.join("\n", help)).containsSubsequence("\nConnection\n", "\nCluster\n", "\nData\n", "\nCompute\n",
                "  compute avg ", "  compute bottom ", "  compute count ", "\nShell\n");
        assertThat(String.join("\n", help)).contains("topology", "maps", "partitions", "affinity", "metrics", "put",
                "get", "remove", "scan", "load", "connect", "disconnect", "compute sum", "compute group-by", "compute words",
                "compute update");
        assertThat(String.join("\n", client.sendCommand("help compute sum").lines()))
                .startsWith("compute sum --map <map> --field <field>").contains("Options:", "--map, -m <value>", "--json");
        assertThat(client.sendCommand("help compute").lines()).singleElement().asString().startsWith("'compute' is followed by one of: avg, bottom,");
        assertThat(client.sendCommand("help frobnicate").lines()).containsExactly("Error: No command 'frobnicate'. Type 'help' to list the commands.");
    }

    @Test
    void scriptCommandRunsAFileAndStopsAtTheFirstFailure(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("demo.txt"), """
                # a comment, then a blank line

                compute count --map orders --where "quantity > 30"
                get --map nosuch --key 1
                topology
                """);
        List<String> lines = client.sendCommand("script --file " + script).lines();
        assertThat(TableOutput.rows(lines, "count").get(0).get("count")).isEqualTo("0");
        assertThat(lines).last().asString().startsWith("Error: No map named 'nosuch'");
        assertThat(String.join("\n", lines)).doesNotContain("primary/backup");
        List<String> positional = client.sendCommand("script " + script).lines();
        assertThat(TableOutput.rows(positional, "count").get(0).get("count")).as("the file without --file, as on the command line")
                .isEqualTo("0");
        assertThat(positional).last().isEqualTo(lines.get(lines.size() - 1));
        assertThat(client.sendCommand("script").lines()).last().asString().isEqualTo("Error: script needs a file: script FILE");
    }

    static DocumentContext json(ShellScreen screen) {
        assertThat(screen.lines()).as("one line of JSON").hasSize(1);
        return JsonPath.parse(screen.lines().get(0));
    }

    private static Map<String, String> single(ShellScreen screen, String column) {
        List<Map<String, String>> rows = TableOutput.rows(screen.lines(), column);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
