package io.affinitygrid.compute.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.cache.Cache;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import io.affinitygrid.compute.KeyJob;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.compute.ComputeTask;

/**
 * The deployments active on one node: for each name, the loader of its current version, whose tasks are
 * registered with Ignite ({@code localDeployTask}) so that thin clients can run them by class name, and whose
 * key jobs {@code KeyCallTask} can find ({@link #keyJobLoader(String)}). Kept in the node's local map
 * ({@link #install}); found with {@link #of(Ignite)}. Thread-safe: changes are serialized.
 *
 * <p>A new version is loaded in a new loader and its tasks registered under the same names, which replaces
 * the old version's registration: computations that start afterwards use the new classes, those already
 * running keep the classes they started with. The replaced version stays loaded here for
 * {@link #PREVIOUS_VERSION_RETENTION} (at most {@value #PREVIOUS_VERSIONS_KEPT} previous versions of a name), so
 * that partitions such a computation sends again after a node left still run the version it started with
 * ({@link #loaderOf}).
 */
public final class NodeDeployments {

    private static final String KEY = NodeDeployments.class.getName();

    private final Ignite ignite;
    private final DeploymentPolicy policy;
    private final IgniteLogger log;
    /** Active deployments by name. */
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    /** Loaders of the active key-job classes, by class name. */
    private final Map<String, ClassLoader> keyJobs = new ConcurrentHashMap<>();
    /** Replaced or undeployed versions still loaded, by deployment and version ("'x' v1"); guarded by this. */
    private final Map<String, Previous> previous = new java.util.LinkedHashMap<>();
    private final AtomicLong previousVersionJobs = new AtomicLong();

    /** How long a replaced or undeployed version stays loaded for the computations that started with it. */
    public static final Duration PREVIOUS_VERSION_RETENTION = Duration.ofMinutes(10);
    /** Previous versions of one deployment kept loaded at most. */
    static final int PREVIOUS_VERSIONS_KEPT = 3;

    private NodeDeployments(Ignite ignite, DeploymentPolicy policy) {
        this.ignite = ignite;
        this.policy = policy;
        this.log = ignite.log().getLogger(NodeDeployments.class);
    }

    /**
     * Puts the node's deployments in its local map and, when deployment is on, loads every stored deployment
     * before returning: call it when the node has started and before it reports itself ready.
     *
     * @return how many deployments were loaded
     */
    public static int install(Ignite ignite, DeploymentPolicy policy) {
        NodeDeployments deployments = new NodeDeployments(ignite, policy);
        ignite.cluster().nodeLocalMap().put(KEY, deployments);
        try {
            return deployments.loadStored();
        }
        finally {
            GridDeploymentSpi spi = GridDeploymentSpi.of(ignite);
            if (spi != null) {
                spi.storedDeploymentsLoaded();
            }
        }
    }

    /** The node's deployments, or {@code null} when {@link #install} never ran on it. */
    public static NodeDeployments of(Ignite ignite) {
        return (NodeDeployments) ignite.cluster().nodeLocalMap().get(KEY);
    }

    public DeploymentPolicy policy() {
        return policy;
    }

    /** The loader of a deployed key job class, or {@code null} when no active deployment has it. */
    public ClassLoader keyJobLoader(String className) {
        return keyJobs.get(className);
    }

    /**
     * The loader of a deployed key job class on {@code ignite}, or {@code null} when no active deployment has it;
     * on a node still loading the stored deployments, asked for a class not on its classpath, after that load.
     */
    public static ClassLoader keyJobLoader(Ignite ignite, String className) {
        NodeDeployments deployments = of(ignite);
        ClassLoader loader = deployments == null ? null : deployments.keyJobLoader(className);
        GridDeploymentSpi spi = GridDeploymentSpi.of(ignite);
        if (loader == null && spi != null && spi.awaitStoredDeployments(className)) {
            deployments = of(ignite);
            loader = deployments == null ? null : deployments.keyJobLoader(className);
        }
        return loader;
    }

    /**
     * The loader of {@code deployment} (as given by {@link #deploymentOf}, e.g. "'cents' v1") on {@code ignite}: the
     * active version's, or a previous version still kept loaded; {@code null} when this node does not have it (it
     * joined after the version was replaced, or the version was dropped after {@link #PREVIOUS_VERSION_RETENTION}).
     */
    public static ClassLoader loaderOf(Ignite ignite, String deployment) {
        NodeDeployments deployments = of(ignite);
        return deployments == null ? null : deployments.loaderOf(deployment);
    }

    private synchronized ClassLoader loaderOf(String deployment) {
        for (Active current : active.values()) {
            if (current.loader.deployment().equals(deployment)) {
                return current.loader;
            }
        }
        Previous kept = previous.get(deployment);
        if (kept == null) {
            return null;
        }
        previousVersionJobs.incrementAndGet();
        return kept.loader;
    }

    /** Jobs this node ran on a previous version of a deployment (for a computation that started before a redeploy). */
    public long previousVersionJobs() {
        return previousVersionJobs.get();
    }

    /**
     * The deployment and version whose class loader defined {@code type} (e.g. "'cents' v2"), or {@code null} for a
     * class of the node's own classpath: what a computation's jobs compare, so that none runs another version.
     */
    public static String deploymentOf(Class<?> type) {
        return DeploymentClassLoader.deploymentOf(type);
    }

    /** Names and versions of the active deployments on this node. */
    public Map<String, Integer> versions() {
        Map<String, Integer> versions = new java.util.TreeMap<>();
        active.forEach((name, deployment) -> versions.put(name, deployment.version));
        return versions;
    }

    private int loadStored() {
        if (!policy.enabled()) {
            return 0;
        }
        int loaded = 0;
        for (Cache.Entry<String, DeploymentRecord> entry : Deployments.cache(ignite)) {
            DeploymentRecord record = entry.getValue();
            if (record.removed()) {
                continue;
            }
            try {
                activate(record);
                loaded++;
            }
            catch (RuntimeException e) {
                log.error("Cannot load deployment '" + record.name() + "' v" + record.version() + " on this node: " + e.getMessage());
            }
        }
        return loaded;
    }

    /**
     * Checks that a jar loads here, in a fresh loader that is then dropped; registers nothing.
     *
     * @throws GridTaskException with a {@code DEP} code saying what is wrong
     */
    DeploymentJar.Loaded prepare(String name, byte[] jar) {
        DeploymentJar read = DeploymentJar.read(name, jar, policy.maxJarBytes());
        return read.load(KeyJob.class.getClassLoader(), ignite.name());
    }

    /** Makes the stored version {@code version} of {@code name} the active one here, unless a later one is. */
    synchronized void activate(String name, int version) {
        DeploymentRecord record = Deployments.cache(ignite).get(name);
        if (record == null || record.removed()) {
            throw new GridTaskException(ErrorCode.UNKNOWN_DEPLOYMENT, "Deployment '" + name + "' v" + version
                    + " is not stored on the grid any more (undeployed meanwhile?). Deploy it again.");
        }
        if (record.version() < version) {
            throw new GridTaskException(ErrorCode.DEPLOYMENT_CONFLICT, "Node '" + ignite.name() + "' reads version "
                    + record.version() + " of deployment '" + name + "', older than " + version + ". Deploy it again.");
        }
        activate(record);
    }

    private synchronized void activate(DeploymentRecord record) {
        Active current = active.get(record.name());
        if (current != null && current.version >= record.version()) {
            return;
        }
        DeploymentJar.Loaded loaded = DeploymentJar.read(record.name(), record.jar(), Long.MAX_VALUE)
                .load(KeyJob.class.getClassLoader(), ignite.name(), record.version());
        for (Class<?> task : loaded.tasks()) {
            @SuppressWarnings("unchecked")
            Class<? extends ComputeTask<?, ?>> taskClass = (Class<? extends ComputeTask<?, ?>>) task;
            ignite.compute().localDeployTask(taskClass, loaded.loader());
        }
        for (Class<?> job : loaded.keyJobs()) {
            keyJobs.put(job.getName(), loaded.loader());
        }
        if (current != null) {
            keep(record.name(), current);
            Set<String> gone = new HashSet<>(current.tasks);
            gone.removeAll(loaded.taskNames());
            undeployTasks(gone);
            Set<String> goneJobs = new HashSet<>(current.keyJobs);
            goneJobs.removeAll(loaded.keyJobNames());
            goneJobs.forEach(keyJobs::remove);
        }
        active.put(record.name(), new Active(record.version(), (DeploymentClassLoader) loaded.loader(), loaded.taskNames(),
                loaded.keyJobNames()));
        if (log.isDebugEnabled()) {
            log.debug("Deployment '" + record.name() + "' v" + record.version() + " active on this node (sha256 "
                    + record.checksum() + ", tasks " + loaded.taskNames() + ", key jobs " + loaded.keyJobNames() + ")");
        }
    }

    /** Unregisters every class of {@code name} here; does nothing when it is not active. */
    synchronized void remove(String name) {
        Active current = active.remove(name);
        if (current == null) {
            return;
        }
        keep(name, current);
        undeployTasks(current.tasks);
        current.keyJobs.forEach(keyJobs::remove);
        if (log.isDebugEnabled()) {
            log.debug("Deployment '" + name + "' v" + current.version + " removed from this node");
        }
    }

    /** Keeps a replaced or removed version loaded for a while, dropping those kept too long or too many. */
    private void keep(String name, Active replaced) {
        long now = System.nanoTime();
        previous.put(replaced.loader.deployment(), new Previous(name, replaced.loader, now));
        int ofName = 0;
        List<Map.Entry<String, Previous>> newestFirst = new ArrayList<>(previous.entrySet());
        java.util.Collections.reverse(newestFirst);
        for (Map.Entry<String, Previous> entry : newestFirst) {
            Previous kept = entry.getValue();
            boolean tooOld = now - kept.since > PREVIOUS_VERSION_RETENTION.toNanos();
            if (tooOld || (kept.name.equals(name) && ++ofName > PREVIOUS_VERSIONS_KEPT)) {
                previous.remove(entry.getKey());
            }
        }
    }

    private void undeployTasks(Iterable<String> tasks) {
        for (String task : tasks) {
            // only this node: undeployTask on a wider group would also remove other nodes' registrations
            ignite.compute(ignite.cluster().forLocal()).undeployTask(task);
        }
    }

    private record Previous(String name, DeploymentClassLoader loader, long since) { }

    private static final class Active {
        final int version;
        final DeploymentClassLoader loader;
        final List<String> tasks;
        final List<String> keyJobs;

        Active(int version, DeploymentClassLoader loader, List<String> tasks, List<String> keyJobs) {
            this.version = version;
            this.loader = loader;
            this.tasks = new ArrayList<>(tasks);
            this.keyJobs = new ArrayList<>(keyJobs);
        }
    }
}
