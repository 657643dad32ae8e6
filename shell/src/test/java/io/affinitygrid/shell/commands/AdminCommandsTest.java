package io.affinitygrid.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.shell.EmbeddedGridShellTest;
import io.affinitygrid.shell.TableOutput;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.output.ShellErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.test.ShellTestClient;

/**
 * {@code map create}, {@code map describe}, {@code map clear}, {@code map destroy}, {@code members} and
 * {@code node stop} on the embedded grid: output, JSON, exit codes (through scripts, as a one-shot run sees them),
 * the confirmation a script cannot give, and TAB completion of map and node names.
 */
@EmbeddedGridShellTest
class AdminCommandsTest {

    @Autowired
    ShellTestClient client;

    @Autowired
    GridConnection connection;

    @Autowired
    CommandRegistry registry;

    @Autowired
    ScriptRunner scripts;

    @TempDir
    Path dir;

    @Test
    void createDescribeClearAndDestroyAMap() throws Exception {
        List<String> created = send("map create --name shell-admin --backups 0 --partitions 16");
        assertThat(created.get(0)).isEqualTo("Created map 'shell-admin' on every node.");
        Map<String, String> row = TableOutput.rows(created, "map").get(0);
        assertThat(row).containsEntry("mode", "partitioned").containsEntry("backups", "0").containsEntry("partitions", "16")
                .containsEntry("eviction", "no").containsEntry("entries", "0").containsEntry("created", "at run time");

        GridMap<Long, String> map = connection.grid().map("shell-admin", Long.class, String.class);
        map.put(1L, "one");
        map.put(2L, "two");
        DocumentContext described = JsonPath.parse(String.join("\n", send("map describe --name shell-admin --json")));
        assertThat(described.read("$.partitions", Integer.class)).isEqualTo(16);
        assertThat(described.read("$.size", Long.class)).isEqualTo(2);
        assertThat(described.read("$.runtime", Boolean.class)).isTrue();
        assertThat(TableOutput.rows(send("map describe --name orders"), "map").get(0)).containsEntry("created", "configured (grid.maps)");

        Run unconfirmed = script("map clear --name shell-admin");
        assertThat(unconfirmed.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(unconfirmed.lines()).containsExactly("Error: 'map clear' asks before it can clear map 'shell-admin', and a"
                + " one-shot command or script cannot answer: add --yes to do it. Nothing was done.");
        assertThat(map.size()).isEqualTo(2);

        Run cleared = script("map clear --name shell-admin --yes --json");
        assertThat(cleared.code()).isZero();
        assertThat(JsonPath.parse(cleared.lines().get(0)).read("$.removed", Long.class)).isEqualTo(2);
        assertThat(map.size()).isZero();

        assertThat(complete("map destroy --name shell-a")).containsExactly("shell-admin");
        assertThat(script("map destroy --name shell-admin").code()).isEqualTo(ShellErrors.USAGE_CODE);
        Run destroyed = script("map destroy --name shell-admin --yes");
        assertThat(destroyed.code()).isZero();
        assertThat(destroyed.lines()).containsExactly("Destroyed map 'shell-admin' and its 0 entries.");
        Run gone = script("map describe --name shell-admin");
        assertThat(gone.code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(gone.lines()).singleElement().asString().startsWith("Error: No map named 'shell-admin' on the grid.");
    }

    @Test
    void badDefinitionsExistingMapsAndTheGridsOwnMapsFailWithExitCode1() throws Exception {
        Run exists = script("map create --name orders");
        assertThat(exists.code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(exists.lines()).singleElement().asString().startsWith("Error: Map 'orders' already exists (name=orders, mode=partitioned");
        assertThat(script("map create --name x --partitions 0").lines()).containsExactly("Error: --partitions must be 1 to 65000, got 0");
        assertThat(script("map create --name x --backups two").lines())
                .containsExactly("Error: --backups must be a whole number from 0 to 64, got 'two'");
        assertThat(script("map create --name x --mode sideways").lines())
                .containsExactly("Error: --mode must be partitioned or replicated, got 'sideways'");
        assertThat(script("map create --name x --mode replicated --backups 2").lines()).singleElement().asString()
                .startsWith("Error: backups apply to partitioned maps only");
        assertThat(script("map create --name __mine").lines()).singleElement().asString()
                .contains("starts with '__', which is kept for the grid's own maps");
        Run internal = script("map destroy --name __deployments --yes");
        assertThat(internal.code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(internal.lines()).singleElement().asString().startsWith("Error: Map '__deployments' belongs to the grid itself");
        assertThat(script("map create --name x --partitions 0").code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(connection.grid().mapNames()).doesNotContain("x");
    }

    @Test
    void cacheCreateIsADeprecatedAliasWithTheSameEffect() throws Exception {
        Run created = script("cache create --name shell-alias --mode replicated --eviction --json");
        assertThat(created.code()).isZero();
        DocumentContext json = JsonPath.parse(created.lines().get(0));
        assertThat(json.read("$.mode", String.class)).isEqualTo("REPLICATED");
        assertThat(json.read("$.eviction", Boolean.class)).isTrue();
        assertThat(script("cache destroy --name shell-alias --yes").code()).isZero();
        assertThat(connection.grid().mapNames()).doesNotContain("shell-alias");
    }

    @Test
    void membersDescribeTheNodeAndNodeStopAsksFirst() throws Exception {
        DocumentContext members = JsonPath.parse(String.join("\n", send("members --json")));
        assertThat(members.read("$.length()", Integer.class)).isEqualTo(1);
        assertThat(members.read("$[0].coordinator", Boolean.class)).isTrue();
        assertThat(members.read("$[0].heapMaxBytes", Long.class)).isPositive();
        assertThat(members.read("$[0].regions[?(@.name == 'default')].maxBytes", List.class)).containsExactly(128 * 1024 * 1024);
        String node = members.read("$[0].name", String.class);

        List<String> table = send("members");
        assertThat(TableOutput.rows(table, "node").get(0)).containsEntry("node", node).containsEntry("role", "coordinator")
                .hasEntrySatisfying("off-heap used/max", regions -> assertThat(regions).contains("default ").contains(" / 128.0 MB"));
        assertThat(table).last().isEqualTo("1 server node");

        assertThat(complete("node stop --name ")).containsExactly(node);
        Run unconfirmed = script("node stop --name " + node);
        assertThat(unconfirmed.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(unconfirmed.lines()).singleElement().asString().startsWith("Error: 'node stop' asks before it can stop node '");
        Run unknown = script("node stop --name no-such-node --yes");
        assertThat(unknown.code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(unknown.lines()).containsExactly("Error: No server node named 'no-such-node' in the grid. Its nodes: " + node
                + ". [GRID-ADM-2]");
        assertThat(connection.grid().admin().members()).hasSize(1);
    }

    private List<String> send(String line) throws Exception {
        return client.sendCommand(line).lines();
    }

    /** Runs one line as a script: the exit code a one-shot run or a script file gets, and the output. */
    private Run script(String line) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "admin", ".txt"), line + "\n");
        StringWriter output = new StringWriter();
        int code = scripts.runScript(file, new PrintWriter(output));
        return new Run(code, output.toString().lines().toList());
    }

    private List<String> complete(String line) {
        return io.affinitygrid.shell.Completions.complete(registry, line);
    }

    private record Run(int code, List<String> lines) {
    }
}
