package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.node.LoopbackPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged shell run as users run it, a process per command: {@code java @config/jvm.options -jar
 * grid-shell.jar <command>}, and an interactive session in a pseudo-terminal. Runs in the
 * {@code integration-test} phase, after the jar is built.
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
        Result result = run("--grid.embedded.sample-orders=" + SAMPLE_ORDERS, "--embedded", "compute", "sum", "--map", "orders",
                "--field", "amount");

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<Map<String, String>> rows = TableOutput.rows(result.lines(), "count");
        assertThat(rows).as(result.output()).hasSize(1);
        assertThat(rows.get(0).get("count")).isEqualTo(Integer.toString(SAMPLE_ORDERS));
        assertThat(rows.get(0).get("sum")).isEqualTo(expectedSum(SAMPLE_ORDERS));
        assertThat(result.output()).as("says it ran on sample data that is gone").contains(GridShellRunner.EMBEDDED_ONE_SHOT_NOTICE);
    }


    @Test
    void aCommandWithoutAGridToRunOnExitsWith2AndSaysHowToNameOne() throws Exception {
        Result result = run("compute", "count", "--map", "orders");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(result.lines()).as(result.output()).contains("Error: " + GridShellRunner.NO_TARGET);
        assertThat(result.output()).as("no embedded grid was started").doesNotContain(GridShellRunner.EMBEDDED_ONE_SHOT_NOTICE);

        Result help = run("help", "connect");
        assertThat(help.exitCode()).as("help needs no grid: " + help.output()).isZero();
        assertThat(help.output()).contains("connect --profile NAME");
    }

    @Test
    void unreachableGridExitsNonZero() throws Exception {
        Result result = run("--grid.addresses=127.0.0.1:" + unusedPort(), "--grid.connect-timeout=2s", "topology");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(result.output()).as("an address was given").doesNotContain(GridShellRunner.EMBEDDED_ONE_SHOT_NOTICE);
        assertThat(result.lines()).as(result.output()).anyMatch(line -> line.startsWith("Error: Cannot reach the grid at"));
    }

    @Test
    void scriptRunsItsCommandsInOrderAndStopsAtTheFirstFailure(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("commands.txt"), """
                # load more orders, then sum them
                load --map orders --count 2000

                compute sum --map orders --field amount
                compute count --map orders --where "amount > 0" --json
                get --map nosuch --key 1
                topology
                """);

        Result result = run("--grid.embedded.sample-orders=10", "--embedded", "--script", script.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(TableOutput.rows(result.lines(), "count").get(0).get("sum")).isEqualTo(expectedSum(2000));
        assertThat(result.lines()).as(result.output()).anyMatch(line -> line.startsWith(
                "{\"operation\":\"count\",\"map\":\"orders\",\"cache\":\"orders\",\"count\":2000,\"where\":\"amount > 0\",\"elapsedMs\":"));
        assertThat(result.lines()).anyMatch(line -> line.startsWith("Error: No map named 'nosuch'"));
        assertThat(result.output()).doesNotContain("primary/backup");
    }

    /**
     * {@code bin/grid-shell} records a class-data archive on its first run after a build and starts from it after
     * that: the second run says nothing about preparing, and the JVM loads the shell's classes from the archive.
     */
    @Test
    void binGridShellPreparesItsClassDataArchiveOnceAndStartsFromIt(@TempDir Path dir) throws Exception {
        Path root = jvmOptions.toAbsolutePath().getParent().getParent();
        Path script = root.resolve("bin/grid-shell");
        assumeTrue(Files.isExecutable(script), "no bin/grid-shell at " + root);
        assumeTrue(jar.toAbsolutePath().normalize().equals(root.resolve("shell/target/grid-shell.jar")), "bin/grid-shell runs " + jar);
        Path fastStart = root.resolve("shell/target/fast-start");
        deleteTree(fastStart);

        Result first = runScript(script, Map.of(), "help", "connect");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("grid-shell: preparing fast start-up").contains("connect --profile NAME");
        assertThat(fastStart.resolve("grid-shell.jsa")).isNotEmptyFile();

        Path classLog = dir.resolve("classes.log");
        Result second = runScript(script, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "help", "connect");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("preparing").contains("connect --profile NAME");
        assertThat(Files.readAllLines(classLog)).as("classes of the shell read from the archive")
                .anyMatch(line -> line.contains(GridShellRunner.class.getName() + " source: shared objects file"));
    }

    /**
     * A mistyped command exits with the usage code 2, given alone or as a line of a script (which stops there);
     * the deprecated {@code --cache} still works, with one notice on standard error.
     */
    @Test
    void mistypedCommandsExitWith2AndTheDeprecatedCacheOptionStillWorks(@TempDir Path dir) throws Exception {
        Result oneShot = run("--grid.embedded.sample-orders=10", "--embedded", "compute", "summ", "--map", "orders", "--field", "amount");
        assertThat(oneShot.exitCode()).as(oneShot.output()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(oneShot.lines()).as(oneShot.output()).contains("Error: Unknown command 'compute summ'. Did you mean 'compute sum'? "
                + "'compute' is followed by one of: avg, bottom, count, distinct, group-by, key, max, min, run, stats, sum, top, update, words.");

        Path script = Files.writeString(dir.resolve("typo.txt"), """
                compute count --cache orders --json
                compute count --cache orders --where "amount > 0" --json
                comput count --map orders
                topology
                """);
        Result result = run("--grid.embedded.sample-orders=" + SAMPLE_ORDERS, "--embedded", "--script", script.toString());
        assertThat(result.exitCode()).as(result.output()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(result.lines()).as(result.output())
                .filteredOn(line -> line.startsWith("{\"operation\":\"count\",\"map\":\"orders\",\"cache\":\"orders\",\"count\":" + SAMPLE_ORDERS + ","))
                .hasSize(2);
        assertThat(result.lines()).filteredOn(line -> line.contains("--cache")).as(result.output())
                .containsExactly("Note: --cache is deprecated; use --map (the same option).");
        assertThat(result.lines()).contains("Error: Unknown command 'comput count'. Did you mean 'compute count'? Type 'help' to list the commands.");
        assertThat(result.output()).doesNotContain("primary/backup");
    }

    /**
     * An interactive session in a pseudo-terminal (made by util-linux's {@code script}), typed key by key: the
     * prompt, TAB completion of a command name, a map name and a field name, and a computation's result.
     */
    @Test
    void interactiveSessionCompletesWithTabAndComputes() throws Exception {
        Path scriptCommand = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(dir -> Path.of(dir, "script")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(scriptCommand != null, "no util-linux 'script' on the PATH to make a pseudo-terminal");
        List<String> java = new ArrayList<>(javaCommand());
        java.addAll(List.of("--grid.embedded.sample-orders=" + SAMPLE_ORDERS, "--spring.shell.history.enabled=false"));
        String commandLine = "stty cols 160 rows 50; exec " + String.join(" ", java.stream().map(GridShellJarIT::shellQuote).toList());
        ProcessBuilder builder = new ProcessBuilder(scriptCommand.toString(), "-qfec", commandLine, "/dev/null").redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        Process process = builder.start();
        Terminal terminal = new Terminal(process);
        try {
            terminal.await("grid[embedded 1 node]> ", Duration.ofMinutes(2));
            terminal.type("comp\t");
            terminal.await("compute group-by: Group the entries", Duration.ofSeconds(20)); // the command names, listed
            terminal.type("\u0015"); // Ctrl-U: a new line
            terminal.type("compute su\t");
            terminal.await("compute sum ", Duration.ofSeconds(20));
            terminal.type("--map ord\t");
            terminal.await("--map orders ", Duration.ofSeconds(20));
            terminal.type("--field am\t");
            terminal.await("--field amount ", Duration.ofSeconds(20));
            terminal.type("\r");
            terminal.await("elapsed ms|", Duration.ofSeconds(60));
            terminal.await("grid[embedded 1 node]> ", Duration.ofSeconds(20));
            // a bulk update asks first; anything but y or yes changes nothing
            terminal.type("compute update --map orders --field amount --factor 2\r");
            terminal.await("About to multiply 'amount' by 2 in " + SAMPLE_ORDERS + " entries of 'orders'. Go on? [y/N] ", Duration.ofSeconds(60));
            terminal.type("n\r");
            terminal.await("Cancelled: nothing was changed.", Duration.ofSeconds(20));
            terminal.await("grid[embedded 1 node]> ", Duration.ofSeconds(20));
            terminal.type("quit\r");
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(terminal.text()).isTrue();
            assertThat(process.exitValue()).as(terminal.text()).isZero();

            List<Map<String, String>> rows = TableOutput.rows(terminal.text().lines().toList(), "count");
            assertThat(rows).as(terminal.text()).hasSize(1);
            assertThat(rows.get(0).get("count")).isEqualTo(Integer.toString(SAMPLE_ORDERS));
            assertThat(rows.get(0).get("sum")).isEqualTo(expectedSum(SAMPLE_ORDERS));
        }
        finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The screen of a process in a pseudo-terminal, as text without escape sequences, and its keyboard. */
    private static final class Terminal {

        private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[=>()][0-9A-Za-z]?|[\r\u0007\u0008]");

        private final Process process;
        private final StringBuffer raw = new StringBuffer();
        private int mark;

        Terminal(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        raw.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
                catch (IOException e) {
                    // the process ended
                }
            }, "pty-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            return ESCAPES.matcher(raw).replaceAll("");
        }

        void type(String keys) throws IOException {
            process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /** Waits until {@code expected} appears after what was awaited before. */
        void await(String expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String text = text();
                int at = text.indexOf(expected, mark);
                if (at >= 0) {
                    mark = at + expected.length();
                    return;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("'" + expected + "' did not appear on the terminal:\n" + text().substring(Math.min(mark, text().length())));
        }
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static String expectedSum(int orders) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (long id = 1; id <= orders; id++) {
            sum = sum.add(java.math.BigDecimal.valueOf(SampleData.standard().order(id).amount()));
        }
        return sum.toPlainString();
    }

    private static int unusedPort() {
        return LoopbackPorts.next();
    }

    private static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + jvmOptions.toAbsolutePath(),
                "-Xmx1g", "-jar", jar.toAbsolutePath().toString());
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command));
    }

    private static Result runScript(Path script, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return run(builder);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Path log = Files.createTempFile("grid-shell-it-", ".out");
        try {
            Process process = builder.redirectErrorStream(true)
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
