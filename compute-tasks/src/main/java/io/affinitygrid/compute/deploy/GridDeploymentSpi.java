package io.affinitygrid.compute.deploy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ignite.Ignite;

import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.spi.IgniteSpiAdapter;
import org.apache.ignite.spi.IgniteSpiException;
import org.apache.ignite.spi.IgniteSpiMultipleInstancesSupport;
import org.apache.ignite.spi.deployment.DeploymentListener;
import org.apache.ignite.spi.deployment.DeploymentResource;
import org.apache.ignite.spi.deployment.DeploymentResourceAdapter;
import org.apache.ignite.spi.deployment.DeploymentSpi;

/**
 * The grid nodes' deployment SPI: where Ignite finds a task by name. It registers a task's class under its
 * class name (and its {@code @ComputeTaskName}); registering a name again with another class loader replaces
 * the old registration, and a loader left without names is reported to Ignite as unregistered.
 *
 * <p>Why not Ignite's {@code LocalDeploymentSpi}: it carries {@code @IgnoreIfPeerClassLoadingDisabled}, and with
 * peer class loading off (as on every grid node) Ignite then resolves every task name through one fixed
 * deployment over the node's own class loader, ignoring {@code localDeployTask} entirely (Ignite 2.18
 * {@code GridDeploymentManager}: {@code locDep}). Without that annotation, Ignite looks names up here first and
 * falls back to loading the class from the node's classpath, as it does for the built-in catalog.
 *
 * <p><b>A node that has just joined</b> is in the topology, and can receive jobs, a moment before it has loaded
 * the deployments stored in the grid. A lookup of a name that is neither registered nor on the node's classpath
 * waits for that load (at most {@value #STORED_LOAD_WAIT_SECONDS} s) instead of failing with "unknown task";
 * such waits are counted ({@link #waitedLookups()}).
 */
@IgniteSpiMultipleInstancesSupport(true)
public final class GridDeploymentSpi extends IgniteSpiAdapter implements DeploymentSpi {

    private final Map<String, DeploymentResourceAdapter> resources = new HashMap<>();
    private final Map<ClassLoader, Set<String>> names = new HashMap<>();
    private volatile DeploymentListener listener;

    static final long STORED_LOAD_WAIT_SECONDS = 30;

    private final CountDownLatch storedLoaded = new CountDownLatch(1);
    private final AtomicLong waitedLookups = new AtomicLong();

    @Override
    public void spiStart(String igniteInstanceName) throws IgniteSpiException {
        // nothing to start
    }

    @Override
    public void spiStop() throws IgniteSpiException {
        synchronized (this) {
            resources.clear();
            names.clear();
        }
    }

    @Override
    public DeploymentResource findResource(String name) {
        DeploymentResource found = registered(name);
        if (found == null && awaitStoredDeployments(name)) {
            found = registered(name);
        }
        return found;
    }

    private synchronized DeploymentResource registered(String name) {
        return resources.get(name);
    }

    /** Marks the deployments stored in the grid as loaded on this node (or given up on): lookups wait no more. */
    public void storedDeploymentsLoaded() {
        storedLoaded.countDown();
    }

    /** Lookups that had to wait for the node to load the stored deployments. */
    public long waitedLookups() {
        return waitedLookups.get();
    }

    /**
     * Waits until this node has loaded the stored deployments, when it has not yet and {@code name} is not a class
     * of the node's classpath (so may be a deployed one). Returns whether it waited.
     */
    boolean awaitStoredDeployments(String name) {
        if (storedLoaded.getCount() == 0 || onClasspath(name)) {
            return false;
        }
        waitedLookups.incrementAndGet();
        try {
            storedLoaded.await(STORED_LOAD_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** The node's deployment SPI, or {@code null} when the node runs without deployments. */
    static GridDeploymentSpi of(Ignite ignite) {
        return ignite != null && ignite.configuration().getDeploymentSpi() instanceof GridDeploymentSpi spi ? spi : null;
    }

    private static boolean onClasspath(String name) {
        try {
            Class.forName(name, false, GridDeploymentSpi.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean register(ClassLoader loader, Class<?> type) throws IgniteSpiException {
        List<ClassLoader> released;
        boolean changed = false;
        synchronized (this) {
            Set<String> aliases = new HashSet<>();
            aliases.add(type.getName());
            ComputeTaskName taskName = type.getAnnotation(ComputeTaskName.class);
            if (taskName != null) {
                aliases.add(taskName.value());
            }
            Set<ClassLoader> touched = new HashSet<>();
            for (String alias : aliases) {
                DeploymentResourceAdapter old = resources.get(alias);
                if (old != null && old.getClassLoader() == loader && old.getResourceClass() == type) {
                    continue;
                }
                resources.put(alias, new DeploymentResourceAdapter(alias, type, loader));
                names.computeIfAbsent(loader, l -> new HashSet<>()).add(alias);
                changed = true;
                if (old != null && old.getClassLoader() != loader) {
                    Set<String> oldNames = names.get(old.getClassLoader());
                    if (oldNames != null) {
                        oldNames.remove(alias);
                    }
                    touched.add(old.getClassLoader());
                }
            }
            released = releasedAmong(touched);
        }
        notifyReleased(released);
        return changed;
    }

    @Override
    public boolean unregister(String name) {
        List<ClassLoader> released;
        synchronized (this) {
            DeploymentResourceAdapter old = resources.remove(name);
            if (old == null) {
                return false;
            }
            Set<String> oldNames = names.get(old.getClassLoader());
            if (oldNames != null) {
                oldNames.remove(name);
            }
            released = releasedAmong(Set.of(old.getClassLoader()));
        }
        notifyReleased(released);
        return true;
    }

    private List<ClassLoader> releasedAmong(Set<ClassLoader> loaders) {
        List<ClassLoader> released = new java.util.ArrayList<>();
        for (ClassLoader loader : loaders) {
            Set<String> left = names.get(loader);
            if (left == null || left.isEmpty()) {
                names.remove(loader);
                released.add(loader);
            }
        }
        return released;
    }

    private void notifyReleased(List<ClassLoader> released) {
        DeploymentListener current = listener;
        if (current != null) {
            released.forEach(current::onUnregistered);
        }
    }

    @Override
    public void setListener(DeploymentListener listener) {
        this.listener = listener;
    }

    @Override
    public String toString() {
        return "GridDeploymentSpi";
    }
}
