package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;

/**
 * The shell's commands against a real embedded grid (one node in this JVM, on free ports), run through
 * Spring Shell's command machinery as a user would type them.
 */
@ShellTest
@SpringBootTest(properties = {
        "spring.config.name=" + GridShellApplication.CONFIG_NAME,
        "spring.shell.interactive.enabled=false",
        "spring.shell.history.enabled=false",
        "grid.embedded.sample-orders=" + GridShellCommandsTest.SAMPLE_ORDERS,
        "grid.embedded.data-region-size=128MB" })
class GridShellCommandsTest {

    static final int SAMPLE_ORDERS = 1000;

    @Autowired
    ShellTestClient client;

    @Autowired
    GridShellRunner runner;

    @Test
    void loadThenSumMatchesTheSampleData() throws Exception {
        List<String> load = client.sendCommand("load --cache orders --count 2000").lines();
        assertThat(load).anyMatch(line -> line.contains("50%"));
        assertThat(load).anyMatch(line -> line.contains("100%"));
        assertThat(load.get(load.size() - 1)).startsWith("Loaded 2,000 orders into 'orders' in ").contains("orders/s");

        Map<String, String> result = single(client.sendCommand("compute sum --cache orders --field amount"), "count");

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
        List<Map<String, String>> caches = TableOutput.rows(client.sendCommand("caches").lines(), "name");
        assertThat(caches).extracting(row -> row.get("name")).containsExactly("orders", "words");
        Map<String, String> orders = caches.get(0);
        assertThat(orders.get("mode")).isEqualTo("PARTITIONED");
        assertThat(orders.get("backups")).isEqualTo("1");
        assertThat(orders.get("partitions")).isEqualTo("1024");
        assertThat(Long.parseLong(orders.get("size"))).isGreaterThanOrEqualTo(SAMPLE_ORDERS);
    }

    @Test
    void putThenGet() throws Exception {
        assertThat(client.sendCommand("put --cache words --key greeting --value \"hello grid\"").lines())
                .containsExactly("Stored key 'greeting' in 'words'");
        assertThat(client.sendCommand("get --cache words --key greeting").lines()).containsExactly("hello grid");
        assertThat(client.sendCommand("get --cache words --key nothing-here").lines())
                .containsExactly("No value for key 'nothing-here' in 'words'");
    }

    @Test
    void getPrintsASampleOrderWithItsFields() throws Exception {
        assertThat(client.sendCommand("get --cache orders --key 5").lines())
                .containsExactly(SampleData.standard().order(5).toString());
    }

    @Test
    void unknownCacheIsOneErrorLineNamingIt() throws Exception {
        for (String command : List.of("compute sum --cache nosuch --field amount", "get --cache nosuch --key 1",
                "put --cache nosuch --key 1 --value x", "load --cache nosuch --count 10")) {
            List<String> lines = client.sendCommand(command).lines();
            assertThat(lines).as(command).hasSize(1);
            assertThat(lines.get(0)).as(command).startsWith("Error: ").contains("nosuch");
        }
    }

    @Test
    void badFieldsAndNumbersAreErrors() throws Exception {
        assertThat(client.sendCommand("compute sum --cache orders --field customer").lines())
                .singleElement().asString().startsWith("Error: ").contains("customer");
        assertThat(client.sendCommand("compute sum --cache orders --field amout").lines())
                .singleElement().asString().startsWith("Error: ").contains("amout");
        assertThat(client.sendCommand("load --cache orders --count lots").lines())
                .containsExactly("Error: --count must be a whole number, got 'lots'");
        assertThat(client.sendCommand("load --cache orders --count 0").lines())
                .containsExactly("Error: --count must be at least 1, got 0");
    }

    @Test
    void failuresGiveNonZeroExitCodes() {
        assertThat(execute("compute sum --cache orders --field quantity")).isZero();

        StringWriter output = new StringWriter();
        assertThat(runner.execute("compute sum --cache nosuch --field amount", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(output.toString().lines()).singleElement().asString().startsWith("Error: No map named 'nosuch'");

        output = new StringWriter();
        assertThat(runner.execute("compute sum --cache orders", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(output.toString().lines()).containsExactly("Error: Required option '--field' is missing.");

        output = new StringWriter();
        assertThat(runner.execute("frobnicate", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(output.toString().lines()).containsExactly("Error: Unknown command 'frobnicate'. Type 'help' to list the commands.");
    }

    @Test
    void helpListsTheGridCommands() throws Exception {
        List<String> help = client.sendCommand("help").lines();
        assertThat(String.join("\n", help)).contains("Grid", "topology", "caches", "put", "get", "load", "compute sum");
        assertThat(String.join("\n", client.sendCommand("help compute sum").lines())).contains("--cache", "--field");
        StringWriter output = new StringWriter();
        assertThat(runner.execute("compute sum --help", new PrintWriter(output), new InputReader() {
        })).isZero();
        assertThat(output.toString()).contains("compute sum --cache <cache> --field <field>");
    }

    private int execute(String command) {
        return runner.execute(command, new PrintWriter(new StringWriter()), new InputReader() {
        });
    }

    private static Map<String, String> single(ShellScreen screen, String column) {
        List<Map<String, String>> rows = TableOutput.rows(screen.lines(), column);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
