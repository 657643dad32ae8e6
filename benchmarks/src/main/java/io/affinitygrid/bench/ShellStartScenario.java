package io.affinitygrid.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (h) A one-shot shell command against a running cluster, timed from outside as a user's script sees it: the
 * wall time of {@code bin/grid-shell --grid.addresses=... compute count --map orders} to its exit, started from
 * its class-data archive, against the same command with {@code GRID_SHELL_FAST_START=off} (the plain jar),
 * alternating in each run. The archive is prepared before anything is timed. Target: at most 3 s.
 */
final class ShellStartScenario {

    static final Target TIME_TARGET = Target.subjectAtMost(3_000);

    private static final long TIMEOUT_SECONDS = 120;

    private final BenchOptions options;

    ShellStartScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster cluster, Table table) {
        Path script = NodeProcesses.root().resolve("bin").resolve("grid-shell");
        Path jar = NodeProcesses.root().resolve("shell").resolve("target").resolve("grid-shell.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The shell is not built (" + jar + "): mvn -q install -DskipTests");
        }
        List<String> command = List.of(script.toString(), "--grid.addresses=" + String.join(",", cluster.addresses()),
                "compute", "count", "--map", BenchCluster.ORDERS);
        oneShot(command, true); // records the archive when this build has none yet
        Stats[] times = Stats.measureEach(options.warmup(), options.runs(),
                () -> new double[] {oneShot(command, true), oneShot(command, false)});
        table.add(Row.baselineOverSubject("h", "one-shot `compute count` against " + cluster.describe() + ": wall time, ms",
                "bin/grid-shell (class-data archive)", times[0], "plain jar", times[1], TIME_TARGET,
                "a new JVM per command, to its exit; both with lazy start-up; target: grid side ≤ 3 s"));
    }

    /** Milliseconds from start to exit of one shell process; fails when it fails. */
    private static double oneShot(List<String> command, boolean fastStart) {
        Path output = null;
        try {
            output = Files.createTempFile("grid-bench-shell-", ".out");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).directory(NodeProcesses.root().toFile());
            builder.environment().put("GRID_SHELL_FAST_START", fastStart ? "on" : "off");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The shell did not exit within " + TIMEOUT_SECONDS + " s");
            }
            double millis = (System.nanoTime() - start) / 1e6;
            if (process.exitValue() != 0) {
                throw new IllegalStateException("The shell exited with " + process.exitValue() + ": "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            return millis;
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                }
                catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
