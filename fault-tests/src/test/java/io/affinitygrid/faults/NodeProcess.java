package io.affinitygrid.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One grid node as its own JVM, run as operators run it: {@code java @config/jvm.options -Xmx512m -jar
 * grid-node-*-exec.jar}, from the repository's root (so {@code config/grid-node.yml} is read), configured by
 * {@code GRID_*} environment variables. Its output goes to a log file that failures quote. Not thread-safe.
 */
final class NodeProcess {

    static final String HEAP = "-Xmx512m";

    private final String name;
    private final int discoveryPort;
    private final int communicationPort;
    private final int clientPort;
    private final int httpPort;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private int starts;

    NodeProcess(String name, int discoveryPort, int communicationPort, int clientPort, int httpPort,
            Map<String, String> environment, List<String> arguments, Path log) {
        this.name = name;
        this.discoveryPort = discoveryPort;
        this.communicationPort = communicationPort;
        this.clientPort = clientPort;
        this.httpPort = httpPort;
        this.environment = new LinkedHashMap<>(environment);
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    String name() { return name; }

    int discoveryPort() { return discoveryPort; }

    int communicationPort() { return communicationPort; }

    int clientPort() { return clientPort; }

    int httpPort() { return httpPort; }

    String clientAddress() { return "127.0.0.1:" + clientPort; }

    Path log() { return log; }

    /** Starts the process; its output is appended to the log, after a line marking each start. */
    void start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>(List.of(Artifacts.java(), Artifacts.jvmOptionsArgument(), HEAP, "-jar",
                Artifacts.nodeJar().toString()));
        command.addAll(arguments);
        try {
            Files.writeString(log, (starts++ == 0 ? "" : "\n") + "=== start " + starts + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Artifacts.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Sends SIGKILL (the JVM gets no chance to say goodbye) and waits for the process to be gone. */
    /**
     * Freezes the process (SIGSTOP): it keeps its sockets but answers nothing, so that work sent to it cannot finish
     * before it is killed. Kept short, below the failure detection timeout, or the cluster drops it as frozen.
     */
    void freeze() {
        try {
            Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(pid())).inheritIO().start();
            if (!stop.waitFor(10, TimeUnit.SECONDS) || stop.exitValue() != 0) {
                throw new IllegalStateException("kill -STOP " + pid() + " failed");
            }
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** Waits until the process has exited; returns whether it did within the timeout. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process == null || process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM, so Spring stops the node cleanly; SIGKILL if it is still there after the timeout. */
    void stop(Duration timeout) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code, or null while running. */
    Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** The last lines of the node's log, for failure messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String describe() {
        return name + " (pid " + pid() + ", " + (alive() ? "running" : process == null ? "never started" : "exited " + exitCode())
                + ", client port " + clientPort + ", http " + httpPort + ", log " + log + ")";
    }

    @Override
    public String toString() {
        return name;
    }
}
