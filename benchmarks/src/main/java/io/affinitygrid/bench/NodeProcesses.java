package io.affinitygrid.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.affinitygrid.node.LoopbackPorts;

/**
 * Grid nodes as separate JVM processes on this machine, started the way operators start them: the packaged
 * {@code grid-node-*-exec.jar} with {@code java @config/jvm.options -Xmx... -jar}, from the repository root (so
 * {@code config/grid-node.yml} is read), configured by {@code GRID_*} environment variables and {@code --grid.maps}
 * arguments. Optionally each node is pinned to one core with {@code taskset -c} (its JVM then sees one processor,
 * so its scan threads default to 1). Node output goes to {@code <run dir>/<name>.log}.
 */
final class NodeProcesses implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern NETWORK_BYTES = Pattern.compile(
            "^grid_network_bytes_total\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);

    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> clientPorts = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final List<String> pins = new ArrayList<>();

    private NodeProcesses() {
        // a harness stopped by a signal still takes its nodes with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly), "bench-node-reaper"));
    }

    /**
     * Starts {@code count} nodes holding the caches {@code caches} (name, partitions; one backup each) and waits
     * until every node reports a healthy topology of {@code count}.
     *
     * @param pinCores whether node {@code i} runs under {@code taskset -c i}
     * @param dataRegionBytes off-heap bytes per node
     * @param nodeArguments more {@code --grid.*} arguments for every node
     */
    static NodeProcesses start(int count, List<String> caches, int partitions, boolean pinCores, long dataRegionBytes,
            String heap, List<String> nodeArguments) {
        Path root = root();
        Path jar = nodeJar(root);
        Path run = Path.of(System.getProperty("java.io.tmpdir"), "affinity-grid-bench-nodes");
        NodeProcesses nodes = new NodeProcesses();
        int[] discovery = LoopbackPorts.next(count);
        String addresses = java.util.Arrays.stream(discovery).mapToObj(p -> LoopbackPorts.HOST + ":" + p)
                .collect(Collectors.joining(","));
        try {
            Files.createDirectories(run);
            for (int i = 0; i < count; i++) {
                String name = "bench-" + (i + 1);
                int[] ports = LoopbackPorts.next(3);
                List<String> command = new ArrayList<>();
                if (pinCores) {
                    command.addAll(List.of("taskset", "-c", Integer.toString(i % Runtime.getRuntime().availableProcessors())));
                }
                command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + root.resolve("config").resolve("jvm.options"), heap, "-jar", jar.toString()));
                for (int c = 0; c < caches.size(); c++) {
                    command.add("--grid.maps[" + c + "].name=" + caches.get(c));
                    command.add("--grid.maps[" + c + "].mode=partitioned");
                    command.add("--grid.maps[" + c + "].backups=1");
                    command.add("--grid.maps[" + c + "].partitions=" + partitions);
                }
                command.addAll(nodeArguments);
                Path log = run.resolve(name + ".log");
                ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                var env = builder.environment();
                env.put("GRID_NODENAME", name);
                env.put("GRID_LOCALADDRESS", LoopbackPorts.HOST);
                env.put("GRID_DISCOVERY_ADDRESSES", addresses);
                env.put("GRID_DISCOVERY_PORT", Integer.toString(discovery[i]));
                env.put("GRID_DISCOVERY_PORTRANGE", "0");
                env.put("GRID_COMMUNICATION_PORT", Integer.toString(ports[0]));
                env.put("GRID_CLIENT_PORT", Integer.toString(ports[1]));
                env.put("GRID_WORKDIRECTORY", run.resolve("work").resolve(name + "-" + ProcessHandle.current().pid()).toString());
                env.put("GRID_DATAREGIONSIZE", (dataRegionBytes >> 20) + "MB");
                env.put("SERVER_PORT", Integer.toString(ports[2]));
                env.put("SERVER_ADDRESS", LoopbackPorts.HOST);
                nodes.processes.add(builder.start());
                nodes.clientPorts.add(ports[1]);
                nodes.httpPorts.add(ports[2]);
                nodes.logs.add(log);
                nodes.pins.add(pinCores ? "core " + (i % Runtime.getRuntime().availableProcessors()) : "unpinned");
            }
            nodes.awaitHealthy(count, Duration.ofMinutes(3));
            return nodes;
        }
        catch (IOException | RuntimeException | InterruptedException e) {
            nodes.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot start " + count + " grid-node processes (logs in " + run + "): " + e, e);
        }
    }

    List<String> clientAddresses() {
        return clientPorts.stream().map(port -> LoopbackPorts.HOST + ":" + port).toList();
    }

    int size() {
        return processes.size();
    }

    /** The operating-system process ids of the nodes (of {@code taskset}'s child when pinned, as it execs java). */
    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    /** How the nodes run, for the report. */
    String describe() {
        return size() + " node process" + (size() == 1 ? "" : "es") + " (" + String.join(", ", pins) + ")";
    }

    /** The nodes' own byte counters ({@code grid.network.bytes}), read from each node's /actuator/prometheus. */
    BenchCluster.Traffic traffic() {
        double client = 0;
        double node = 0;
        for (int port : httpPorts) {
            String body = get(port, "/actuator/prometheus").body();
            Matcher m = NETWORK_BYTES.matcher(body);
            while (m.find()) {
                double value = Double.parseDouble(m.group(2));
                if (m.group(1).contains("channel=\"client\"")) {
                    client += value;
                }
                else if (m.group(1).contains("direction=\"sent\"")) {
                    node += value;
                }
            }
        }
        return new BenchCluster.Traffic((long) client, (long) node);
    }

    private void awaitHealthy(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < count; i++) {
            String last = "no answer";
            while (true) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException("node " + (i + 1) + " exited: " + tail(logs.get(i)));
                }
                try {
                    HttpResponse<String> health = get(httpPorts.get(i), "/actuator/health");
                    if (health.statusCode() == 200 && health.body().contains("\"topologySize\":" + count)) {
                        break;
                    }
                    last = "HTTP " + health.statusCode() + " " + health.body();
                }
                catch (UncheckedIOException e) {
                    last = e.getCause().toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node " + (i + 1) + " not healthy with " + count + " nodes: " + last);
                }
                Thread.sleep(250);
            }
        }
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + LoopbackPorts.HOST + ":" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops every node: SIGTERM, then SIGKILL after 20 s. */
    /**
     * Asks every node process for a full garbage collection ({@code jcmd <pid> GC.run}) and waits for it; returns
     * {@code false} when that is not possible here (no {@code jcmd}).
     */
    boolean collectGarbage() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        for (Process process : processes) {
            try {
                Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!gc.waitFor(30, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                    gc.destroyForcibly();
                    return false;
                }
            }
            catch (IOException e) {
                return false;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The repository root: the working directory or a parent of it that has config/jvm.options. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config").resolve("jvm.options"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the benchmark from the repository (no config/jvm.options above "
                + Path.of("").toAbsolutePath() + ")");
    }

    private static Path nodeJar(Path root) {
        Path target = root.resolve("grid-node").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("grid-node-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No grid-node-*-exec.jar in " + target
                            + ": build it first (mvn -q -pl benchmarks -am package -DskipTests)"));
        }
        catch (IOException e) {
            throw new IllegalStateException("No grid-node build in " + target + ": build it first", e);
        }
    }
}
