package io.affinitygrid.faults;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a running {@link ProcessCluster}. A <em>shared</em> cluster is started by the first class
 * that asks for it and kept for the next ones (they must leave it healthy), until the end of the run or until a
 * class needs another cluster: only one cluster runs at a time, since each node is a JVM and the machines are
 * small. An <em>exclusive</em> cluster belongs to one class (which may kill its nodes) and is stopped after it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ClusterExtension grid = ClusterExtension.shared("healthy", () -> ProcessCluster.builder("healthy")...);
 * }</pre>
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback {

    /** Start-up of three JVMs on a busy two-core machine can take a minute. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static String sharedKey;
    private static ProcessCluster shared;

    private final String key;
    private final boolean exclusive;
    private final Supplier<ProcessCluster.Builder> settings;
    private ProcessCluster cluster;

    private ClusterExtension(String key, boolean exclusive, Supplier<ProcessCluster.Builder> settings) {
        this.key = key;
        this.exclusive = exclusive;
        this.settings = settings;
    }

    static ClusterExtension shared(String key, Supplier<ProcessCluster.Builder> settings) {
        return new ClusterExtension(key, false, settings);
    }

    static ClusterExtension exclusive(Supplier<ProcessCluster.Builder> settings) {
        return new ClusterExtension(null, true, settings);
    }

    ProcessCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster is started before the class's tests");
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (ClusterExtension.class) {
            if (!exclusive && key.equals(sharedKey)) {
                cluster = shared;
                return;
            }
            closeShared();
            ProcessCluster started = settings.get().build();
            try {
                started.start(START_TIMEOUT);
            }
            catch (Throwable e) {
                started.close();
                throw e;
            }
            cluster = started;
            if (!exclusive) {
                shared = started;
                sharedKey = key;
                // closed at the end of the run, unless another cluster replaces it first
                context.getRoot().getStore(ExtensionContext.Namespace.create(ClusterExtension.class))
                        .put("shared-closer", (AutoCloseable) ClusterExtension::closeShared);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (exclusive && cluster != null) {
            cluster.close();
        }
    }

    private static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
            sharedKey = null;
        }
    }
}
