package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.affinitygrid.node.LoopbackPorts;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad node configuration, on the packaged node as operators start it: the process exits with a non-zero code
 * and its output names the property to fix and the environment variable that sets it. (Every other bad value is
 * covered by grid-node's own tests; these check the whole path, from environment to exit code.)
 */
@Tag("fault")
@Order(60)
class NodeConfigurationIT {

    @Test
    void aNegativeBackupCountStopsTheNodeAndNamesTheProperty() throws Exception {
        Result result = startNode("bad-backups", Map.of("GRID_MAPS_0_NAME", "orders", "GRID_MAPS_0_BACKUPS", "-1"));

        Report.line("node configuration: GRID_MAPS_0_BACKUPS=-1 -> exit " + result.exitCode() + ": " + result.analysis());
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("grid.maps[0].backups").contains("GRID_MAPS_0_BACKUPS").contains("-1");
    }

    @Test
    void theSecurityProfileWithoutAKeyStoreStopsTheNodeAndNamesTheProperty() throws Exception {
        Path keyStore = Artifacts.runDirectory("node-configuration").resolve("no-such-node.p12");
        Result result = startNode("bad-tls", Map.of("SPRING_PROFILES_ACTIVE", "security",
                "GRID_SECURITY_TLS_KEYSTORE", keyStore.toString()));

        Report.line("node configuration: security profile, missing key store -> exit " + result.exitCode() + ": "
                + result.analysis());
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("grid.security.tls.key-store").contains("GRID_SECURITY_TLS_KEYSTORE")
                .contains("no-such-node.p12");
    }

    /** Runs the node with free ports and the given environment until it exits (or fails the test after 3 minutes). */
    private static Result startNode(String name, Map<String, String> environment) throws Exception {
        Path log = Artifacts.runDirectory("node-configuration").resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Artifacts.java(), Artifacts.jvmOptionsArgument(), NodeProcess.HEAP, "-jar",
                Artifacts.nodeJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Artifacts.root().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GRID_NODENAME", name);
        env.put("GRID_LOCALADDRESS", "127.0.0.1");
        env.put("GRID_DISCOVERY_PORT", Integer.toString(LoopbackPorts.next()));
        env.put("GRID_DISCOVERY_ADDRESSES", "127.0.0.1:" + env.get("GRID_DISCOVERY_PORT"));
        env.put("GRID_COMMUNICATION_PORT", Integer.toString(LoopbackPorts.next()));
        env.put("GRID_CLIENT_PORT", Integer.toString(LoopbackPorts.next()));
        env.put("GRID_WORKDIRECTORY", Artifacts.runDirectory("node-configuration").resolve("work").resolve(name).toString());
        env.put("SERVER_PORT", Integer.toString(LoopbackPorts.next()));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.putAll(environment);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("The node did not exit within 3 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {

        /** Spring Boot's failure analysis (the lines after "Description:" and "Action:"), for the report. */
        String analysis() {
            List<String> lines = output.lines().map(String::strip).toList();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i + 2 < lines.size(); i++) {
                if (lines.get(i).equals("Description:") || lines.get(i).equals("Action:")) {
                    text.append(text.length() == 0 ? "" : " / ").append(lines.get(i + 2));
                }
            }
            return text.length() == 0 ? "(no failure analysis)" : text.toString();
        }
    }
}
