package io.affinitygrid.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A cluster of grid nodes in this JVM, on free loopback ports ({@link LoopbackPorts}: below the ephemeral
 * range, never shared with another JVM) and isolated from any other cluster on the machine: its nodes
 * discover only each other. Used by the shell's embedded mode and by tests.
 * Not thread-safe.
 */
public final class LocalCluster implements AutoCloseable {

    private static final String HOST = LoopbackPorts.HOST;

    private final List<GridNodeSettings> settings;
    private final List<GridNode> nodes;
    private final Path workDirectory;

    private LocalCluster(List<GridNodeSettings> settings, Path workDirectory) {
        this.settings = settings;
        this.nodes = new ArrayList<>(settings.size());
        this.workDirectory = workDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings of node {@code index}, started or not. */
    public GridNodeSettings settings(int index) {
        return settings.get(index);
    }

    /** Number of nodes this cluster was built with, running or stopped. */
    public int size() {
        return settings.size();
    }

    /** Node {@code index}, or {@code null} while it is stopped. */
    public GridNode node(int index) {
        return nodes.get(index);
    }

    /** The running nodes. */
    public List<GridNode> runningNodes() {
        return nodes.stream().filter(Objects::nonNull).toList();
    }

    /** The thin-client addresses of every node, running or not, as {@code host:port}. */
    public List<String> clientAddresses() {
        return settings.stream().map(s -> HOST + ":" + s.clientPort()).toList();
    }

    /** Stops node {@code index}; its partitions are taken over by their backups. */
    public void stopNode(int index) {
        GridNode node = nodes.get(index);
        if (node != null) {
            node.close();
            nodes.set(index, null);
        }
    }

    /** Starts node {@code index} again after {@link #stopNode(int)}, with the same settings. */
    public GridNode startNode(int index) {
        if (nodes.get(index) == null) {
            nodes.set(index, GridNode.start(settings.get(index)));
        }
        return nodes.get(index);
    }

    /** Stops every node and deletes the cluster's work directory. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            stopNode(i);
        }
        deleteRecursively(workDirectory);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ignored) {
            // best effort: a temporary directory
        }
    }

    /** Builds and starts a {@link LocalCluster}. */
    public static final class Builder {

        private int nodes = 1;
        private String namePrefix = "local-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        private final List<CacheSettings> caches = new ArrayList<>();
        private long dataRegionSizeBytes = 128L * 1024 * 1024;
        private Duration failureDetectionTimeout = Duration.ofSeconds(10);
        private UnaryOperator<GridNodeSettings.Builder> customizer = UnaryOperator.identity();

        private Builder() {
        }

        public Builder nodes(int nodes) {
            if (nodes < 1) {
                throw new IllegalArgumentException("A cluster needs at least 1 node, got " + nodes);
            }
            this.nodes = nodes;
            return this;
        }

        /** Prefix of node names; node {@code i} is named prefix + i. */
        public Builder namePrefix(String namePrefix) {
            this.namePrefix = Objects.requireNonNull(namePrefix, "namePrefix");
            return this;
        }

        public Builder cache(CacheSettings cache) {
            caches.add(cache);
            return this;
        }

        public Builder caches(List<CacheSettings> caches) {
            this.caches.addAll(caches);
            return this;
        }

        public Builder dataRegionSizeBytes(long bytes) {
            this.dataRegionSizeBytes = bytes;
            return this;
        }

        public Builder failureDetectionTimeout(Duration timeout) {
            this.failureDetectionTimeout = timeout;
            return this;
        }

        /** Adjusts every node's settings after the cluster's own (names, ports, caches) are set. */
        public Builder nodeSettings(UnaryOperator<GridNodeSettings.Builder> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** Starts every node, one after the other, and returns when all have joined. */
        public LocalCluster start() {
            int[] ports = LoopbackPorts.next(3 * nodes);
            List<String> discovery = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                discovery.add(HOST + ":" + ports[3 * i]);
            }
            Path work;
            try {
                work = Files.createTempDirectory("affinity-grid-");
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot create a work directory for the local cluster", e);
            }
            List<GridNodeSettings> settings = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                settings.add(customizer.apply(GridNodeSettings.builder()
                        .nodeName(namePrefix + i)
                        .localAddress(HOST)
                        .discoveryAddresses(discovery)
                        .discoveryPort(ports[3 * i])
                        .communicationPort(ports[3 * i + 1])
                        .clientPort(ports[3 * i + 2])
                        .dataRegionSizeBytes(dataRegionSizeBytes)
                        .failureDetectionTimeout(failureDetectionTimeout)
                        .workDirectory(work.resolve(namePrefix + i))
                        .caches(caches))
                        .build());
            }
            LocalCluster cluster = new LocalCluster(settings, work);
            try {
                for (GridNodeSettings s : settings) {
                    cluster.nodes.add(GridNode.start(s));
                }
            }
            catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }
    }
}
