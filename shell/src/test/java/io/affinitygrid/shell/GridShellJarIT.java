package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged shell run as users run it, a process per command: {@code java @config/jvm.options -jar
 * grid-shell.jar <command>}. Runs in the {@code integration-test} phase, after the jar is built.
 */
class GridShellJarIT {

    private static final int SAMPLE_ORDERS = 1000;

    private static Path jar;
    private static Path jvmOptions;

    @BeforeAll
    static void locateJar() {
        jar = Path.of(System.getProperty("grid.shell.jar", "target/grid-shell.jar"));
        jvmOptions = Path.of(System.getProperty("grid.jvm.options.file", "../config/jvm.options"));
        assumeTrue(Files.isRegularFile(jar), "the shell jar is not built: " + jar.toAbsolutePath());
        assumeTrue(Files.isRegularFile(jvmOptions), "no JVM options file: " + jvmOptions.toAbsolutePath());
    }

    @Test
    void sumOfTheEmbeddedSampleData() throws Exception {
        Result result = run("--grid.embedded.sample-orders=" + SAMPLE_ORDERS, "compute", "sum", "--cache", "orders",
                "--field", "amount");

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<Map<String, String>> rows = TableOutput.rows(result.lines(), "count");
        assertThat(rows).as(result.output()).hasSize(1);
        assertThat(rows.get(0).get("count")).isEqualTo(Integer.toString(SAMPLE_ORDERS));
        assertThat(rows.get(0).get("sum")).isEqualTo(expectedSum(SAMPLE_ORDERS));
    }

    @Test
    void unknownCacheExitsNonZero() throws Exception {
        Result result = run("--grid.embedded.sample-orders=10", "compute", "sum", "--cache", "nosuch", "--field", "amount");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(result.lines()).as(result.output()).anyMatch(line -> line.startsWith("Error: No map named 'nosuch'"));
    }

    @Test
    void unreachableGridExitsNonZero() throws Exception {
        Result result = run("--grid.addresses=127.0.0.1:" + unusedPort(), "--grid.connect-timeout=2s", "topology");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(result.lines()).as(result.output()).anyMatch(line -> line.startsWith("Error: Cannot reach the grid at"));
    }

    @Test
    void scriptRunsItsCommandsInOrderAndStopsAtTheFirstFailure(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("commands.txt"), """
                # load more orders, then sum them
                load --cache orders --count 2000

                compute sum --cache orders --field amount
                get --cache nosuch --key 1
                topology
                """);

        Result result = run("--grid.embedded.sample-orders=10", "@" + script);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(TableOutput.rows(result.lines(), "count").get(0).get("sum")).isEqualTo(expectedSum(2000));
        assertThat(result.lines()).anyMatch(line -> line.startsWith("Error: No map named 'nosuch'"));
        assertThat(result.output()).doesNotContain("primary/backup");
    }

    private static String expectedSum(int orders) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (long id = 1; id <= orders; id++) {
            sum = sum.add(java.math.BigDecimal.valueOf(SampleData.standard().order(id).amount()));
        }
        return sum.toPlainString();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + jvmOptions.toAbsolutePath());
        command.add("-Xmx1g");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("grid-shell-it-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            boolean exited = process.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!exited) {
                throw new AssertionError("The shell did not exit within 2 minutes:\n" + output);
            }
            return new Result(process.exitValue(), output);
        }
        finally {
            Files.deleteIfExists(log);
        }
    }

    private record Result(int exitCode, String output) {

        List<String> lines() {
            return output.lines().toList();
        }
    }
}
