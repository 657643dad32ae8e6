package io.affinitygrid.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridConfig;
import io.affinitygrid.compute.NodeSummary;
import io.affinitygrid.node.LoopbackPorts;

/**
 * A cluster of grid-node processes on this machine, each on its own free ports, all listing each other's
 * discovery addresses. Starts the first node, then the others together, and waits until the SDK sees the whole
 * topology. Kills (SIGKILL), restarts and stops nodes, reads their health and metrics over HTTP, and waits for
 * rebalancing to finish. Every wait fails fast, quoting the logs, when a node process dies unexpectedly.
 * Not thread-safe: one test thread drives it.
 */
final class ProcessCluster implements AutoCloseable {

    /** A partitioned cache every node creates. */
    record Cache(String name, int backups, int partitions) {
    }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final List<NodeProcess> nodes;
    private final List<Cache> caches;
    private final UnaryOperator<GridConfig.Builder> clientSecurity;
    private Grid admin;

    private ProcessCluster(Builder builder) {
        this.name = builder.name;
        this.caches = List.copyOf(builder.caches);
        this.clientSecurity = builder.clientSecurity;
        Path dir = Artifacts.runDirectory(builder.name);
        int n = builder.nodes;
        int[] discovery = new int[n];
        for (int i = 0; i < n; i++) {
            discovery[i] = LoopbackPorts.next();
        }
        String addresses = Stream.of(discovery).flatMapToInt(java.util.Arrays::stream)
                .mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        List<NodeProcess> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String nodeName = builder.name + "-" + (i + 1);
            int communication = LoopbackPorts.next();
            int client = LoopbackPorts.next();
            int http = LoopbackPorts.next();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("GRID_NODENAME", nodeName);
            env.put("GRID_LOCALADDRESS", "127.0.0.1");
            env.put("GRID_DISCOVERY_ADDRESSES", addresses);
            env.put("GRID_DISCOVERY_PORT", Integer.toString(discovery[i]));
            env.put("GRID_DISCOVERY_PORTRANGE", "0");
            env.put("GRID_COMMUNICATION_PORT", Integer.toString(communication));
            env.put("GRID_CLIENT_PORT", Integer.toString(client));
            env.put("GRID_WORKDIRECTORY", dir.resolve("work").resolve(nodeName).toString());
            env.put("GRID_FAILUREDETECTIONTIMEOUT", builder.failureDetectionTimeout.toMillis() + "ms");
            env.put("GRID_DATAREGIONSIZE", builder.dataRegionSize);
            env.put("SERVER_PORT", Integer.toString(http));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.putAll(builder.environment);
            List<String> args = new ArrayList<>();
            for (int c = 0; c < caches.size(); c++) {
                Cache cache = caches.get(c);
                args.add("--grid.maps[" + c + "].name=" + cache.name());
                args.add("--grid.maps[" + c + "].mode=partitioned");
                args.add("--grid.maps[" + c + "].backups=" + cache.backups());
                args.add("--grid.maps[" + c + "].partitions=" + cache.partitions());
            }
            args.addAll(builder.arguments);
            Path log = dir.resolve(nodeName + ".log");
            try {
                Files.deleteIfExists(log); // a log per run: the previous run's is replaced
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            list.add(new NodeProcess(nodeName, discovery[i], communication, client, http, env, args, log));
        }
        this.nodes = List.copyOf(list);
        // standby nodes are configured but not started: they join later, with restart(i)
        for (int i = n - builder.standby; i < n; i++) {
            killed.add(nodes.get(i));
        }
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    String name() { return name; }

    List<NodeProcess> nodes() { return nodes; }

    /** Node {@code i}, counting from 1 like the node names. */
    NodeProcess node(int i) { return nodes.get(i - 1); }

    List<Cache> caches() { return caches; }

    /** The SDK configuration for this cluster: every node's address, the cluster's TLS and credentials if any. */
    GridConfig.Builder clientConfig() {
        GridConfig.Builder builder = GridConfig.builder()
                .addresses(nodes.stream().map(NodeProcess::clientAddress).toList())
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(60));
        return clientSecurity.apply(builder);
    }

    /** A new SDK connection; the caller closes it. */
    Grid connect() {
        return Grid.connect(clientConfig().build());
    }

    /**
     * Starts every node (the first alone, so that it forms the cluster) and waits until the SDK sees all of them.
     */
    ProcessCluster start(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        NodeProcess first = nodes.get(0);
        first.start();
        awaitPort(first, deadline);
        for (NodeProcess node : nodes.subList(1, nodes.size())) {
            if (!killed.contains(node)) {
                node.start();
            }
        }
        awaitReady(nodes.size() - killed.size(), Duration.ofNanos(deadline - System.nanoTime()));
        return this;
    }

    /**
     * Waits until the topology has the expected nodes and every running node's health is UP with that topology:
     * a node is in the topology as soon as it joins discovery, but has finished starting (its caches, its binary
     * metadata) only when its application is up. Writing a new value type while a node is still starting has
     * been seen to leave that node without the type's metadata (scans on it then fail), so tests start work only
     * on a ready cluster.
     */
    void awaitReady(int size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitTopology(size, timeout);
        for (NodeProcess node : nodes) {
            String last = "no answer";
            while (node.alive() && !killed.contains(node)) {
                requireExpectedProcessesAlive();
                try {
                    HttpResponse<String> health = httpGet(node, "/actuator/health");
                    if (health.body().contains("\"topologySize\":" + size) && health.statusCode() == 200) {
                        break;
                    }
                    last = "HTTP " + health.statusCode() + " " + health.body();
                }
                catch (IOException e) {
                    last = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Node " + node.name() + " was not healthy with " + size + " nodes within "
                            + timeout.toSeconds() + " s (" + last + ")\n" + diagnostics());
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Kills the nodes with SIGKILL, all at once, waits until their processes are gone and, when others still
     * run, until the cluster has dropped them from its topology.
     */
    void kill(int... indexes) throws InterruptedException {
        expectDown(indexes);
        for (int i : indexes) {
            node(i).kill();
        }
        for (int i : indexes) {
            if (!node(i).awaitExit(Duration.ofSeconds(30))) {
                throw new AssertionError(node(i).describe() + " did not die within 30 s of SIGKILL");
            }
        }
        if (killed.size() < nodes.size()) {
            awaitTopology(nodes.size() - killed.size(), Duration.ofMinutes(1));
        }
    }

    /** Starts a stopped or killed node again, with the same name, ports and settings. */
    void restart(int i) {
        expectUp(i);
        node(i).start();
    }

    /**
     * Waits until the SDK sees exactly {@code size} server nodes, and they are the nodes expected to run (all but
     * those killed or stopped on purpose).
     */
    List<NodeSummary> awaitTopology(int size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            requireExpectedProcessesAlive();
            try {
                List<NodeSummary> topology = admin().topology();
                java.util.Set<String> names = topology.stream().map(NodeSummary::name).collect(Collectors.toSet());
                java.util.Set<String> expected = nodes.stream().filter(node -> !killed.contains(node)).map(NodeProcess::name)
                        .collect(Collectors.toSet());
                if (topology.size() == size && names.equals(expected)) {
                    return topology;
                }
                last = "topology " + topology.stream().map(NodeSummary::name).toList();
            }
            catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
                closeAdmin();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The cluster '" + name + "' did not reach " + size + " nodes within " + timeout.toSeconds()
                        + " s (" + last + ")\n" + diagnostics());
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until rebalancing is over: every node of the topology holds primary and backup partitions of every
     * cache, and together they hold each partition once as primary and {@code backups} times as backup (the
     * affinity switches to the ideal assignment only once a joining node has received its partitions); and,
     * where the nodes publish it, no node is still receiving partitions.
     *
     * @return how long it took
     */
    Duration awaitRebalanced(int size, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            requireExpectedProcessesAlive();
            try {
                List<NodeSummary> topology = admin().topology();
                String problem = assignmentProblem(topology, size);
                if (problem == null) {
                    problem = rebalancingProblem();
                }
                if (problem == null) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                last = problem;
            }
            catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
                closeAdmin();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The cluster '" + name + "' did not finish rebalancing within " + timeout.toSeconds()
                        + " s: " + last + "\n" + diagnostics());
            }
            Thread.sleep(250);
        }
    }

    private String assignmentProblem(List<NodeSummary> topology, int size) {
        if (topology.size() != size) {
            return "topology " + topology.stream().map(NodeSummary::name).toList();
        }
        for (Cache cache : caches) {
            int primaries = 0;
            int backups = 0;
            for (NodeSummary node : topology) {
                int primary = node.primaryPartitions().getOrDefault(cache.name(), 0);
                int backup = node.backupPartitions().getOrDefault(cache.name(), 0);
                if (primary == 0 || (cache.backups() > 0 && size > 1 && backup == 0)) {
                    return node.name() + " holds " + primary + " primary and " + backup + " backup partitions of " + cache.name();
                }
                primaries += primary;
                backups += backup;
            }
            int expectedBackups = cache.partitions() * Math.min(cache.backups(), size - 1);
            if (primaries != cache.partitions() || backups != expectedBackups) {
                return cache.name() + ": " + primaries + " primaries and " + backups + " backups in all";
            }
        }
        return null;
    }

    /** Whether a running node reports partitions still being received, from /actuator/prometheus; null when none. */
    private String rebalancingProblem() {
        for (NodeProcess node : nodes) {
            if (!node.alive()) {
                continue;
            }
            String metrics;
            try {
                metrics = httpGet(node, "/actuator/prometheus").body();
            }
            catch (IOException | InterruptedException e) {
                continue; // no HTTP side: the assignment alone decides
            }
            for (String line : metrics.lines().toList()) {
                if (line.startsWith("grid_map_rebalancing_partitions{")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (value > 0) {
                        return node.name() + " is still receiving partitions: " + line;
                    }
                }
            }
        }
        return null;
    }

    /** The sum of a meter's series on one node, from /actuator/prometheus (e.g. {@code grid_compute_resent_partitions_total}). */
    double meter(int i, String name) throws IOException, InterruptedException {
        double sum = 0;
        for (String line : httpGet(node(i), "/actuator/prometheus").body().lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** GET on a node's HTTP port (health, metrics). */
    HttpResponse<String> httpGet(NodeProcess node, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Fails at once, with the logs, when a node that should be running has exited. */
    void requireExpectedProcessesAlive() {
        for (NodeProcess node : nodes) {
            if (node.exitCode() != null && !killed.contains(node)) {
                throw new AssertionError("Node " + node.describe() + " exited unexpectedly. The end of its log:\n" + node.logTail(60));
            }
        }
    }

    private final java.util.Set<NodeProcess> killed = new java.util.HashSet<>();

    /** Marks nodes the test stops or kills on purpose, so that waits do not treat their exit as a failure. */
    void expectDown(int... indexes) {
        for (int i : indexes) {
            killed.add(node(i));
        }
    }

    /** Marks a node as expected to run again (after a restart). */
    void expectUp(int i) {
        killed.remove(node(i));
    }

    /**
     * Thread dumps of the running nodes (jcmd Thread.print), written next to their logs, for a failure that looks
     * like a hang. Returns where they are.
     */
    String threadDumps() {
        StringBuilder written = new StringBuilder();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (NodeProcess node : nodes) {
            if (!node.alive()) {
                continue;
            }
            Path dump = node.log().resolveSibling(node.name() + "-threads-" + System.currentTimeMillis() + ".txt");
            try {
                Process process = new ProcessBuilder(jcmd, Long.toString(node.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(dump.toFile()).start();
                process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                written.append(' ').append(dump);
            }
            catch (IOException e) {
                written.append(" (no dump of ").append(node.name()).append(": ").append(e.getMessage()).append(')');
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Path own = Artifacts.runDirectory(name).resolve("test-jvm-threads-" + System.currentTimeMillis() + ".txt");
        StringBuilder threads = new StringBuilder();
        for (java.lang.management.ThreadInfo info : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true, 64)) {
            threads.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                threads.append("\tat ").append(frame).append('\n');
            }
            threads.append('\n');
        }
        try {
            Files.writeString(own, threads);
            written.append(' ').append(own);
        }
        catch (IOException e) {
            written.append(" (no dump of the test JVM: ").append(e.getMessage()).append(')');
        }
        return "thread dumps:" + written;
    }

    /** Every node's state and the end of its log. */
    String diagnostics() {
        StringBuilder text = new StringBuilder();
        for (NodeProcess node : nodes) {
            text.append("--- ").append(node.describe()).append('\n').append(node.logTail(25)).append('\n');
        }
        return text.toString();
    }

    private void awaitPort(NodeProcess node, long deadline) throws InterruptedException {
        while (true) {
            if (node.exitCode() != null) {
                throw new AssertionError("Node " + node.describe() + " exited during start-up. The end of its log:\n" + node.logTail(60));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", node.clientPort()), 1000);
                return;
            }
            catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Node " + node.describe() + " did not open its client port in time. The end of its log:\n"
                        + node.logTail(60));
            }
            Thread.sleep(200);
        }
    }

    private Grid admin() {
        if (admin == null) {
            admin = connect();
        }
        return admin;
    }

    private void closeAdmin() {
        if (admin != null) {
            try {
                admin.close();
            }
            catch (RuntimeException ignored) {
                // already broken
            }
            admin = null;
        }
    }

    /** Stops every node (SIGTERM, SIGKILL after 20 s) and deletes their work directories; logs stay. */
    @Override
    public void close() {
        closeAdmin();
        for (NodeProcess node : nodes) {
            if (node.alive()) {
                node.kill(); // nothing to keep: a clean stop would only cost time
            }
        }
        for (NodeProcess node : nodes) {
            try {
                node.awaitExit(STOP_TIMEOUT);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteRecursively(Artifacts.runDirectory(name).resolve("work"));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "ProcessCluster[" + name + ", " + nodes + "]";
    }

    /** Settings of a cluster; not thread-safe. */
    static final class Builder {

        private final String name;
        private int nodes = 3;
        private int standby;
        private final List<Cache> caches = new ArrayList<>();
        private Duration failureDetectionTimeout = Duration.ofSeconds(5);
        private String dataRegionSize = "160MB";
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private UnaryOperator<GridConfig.Builder> clientSecurity = UnaryOperator.identity();

        private Builder(String name) {
            this.name = name;
        }

        Builder nodes(int nodes) { this.nodes = nodes; return this; }

        /** The last {@code standby} of the nodes are not started with the others; start them with {@code restart(i)}. */
        Builder standby(int standby) { this.standby = standby; return this; }

        Builder cache(String cacheName, int backups, int partitions) {
            caches.add(new Cache(cacheName, backups, partitions));
            return this;
        }

        Builder failureDetectionTimeout(Duration timeout) { this.failureDetectionTimeout = timeout; return this; }

        Builder dataRegionSize(String size) { this.dataRegionSize = size; return this; }

        Builder env(String key, String value) { environment.put(key, value); return this; }

        Builder arg(String argument) { arguments.add(argument); return this; }

        /** How SDK connections of the tests reach this cluster: TLS, credentials. */
        Builder clientSecurity(UnaryOperator<GridConfig.Builder> security) { this.clientSecurity = security; return this; }

        ProcessCluster build() {
            return new ProcessCluster(this);
        }
    }
}
