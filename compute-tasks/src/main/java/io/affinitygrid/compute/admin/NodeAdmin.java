package io.affinitygrid.compute.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import io.affinitygrid.compute.InternalMaps;
import io.affinitygrid.compute.TaskNodes;
import io.affinitygrid.compute.deploy.DeploymentPolicy;
import io.affinitygrid.compute.deploy.Deployments;
import io.affinitygrid.compute.deploy.NodeDeployments;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.lang.IgniteRunnable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * What one node needs to administer maps at run time: how a {@link MapDefinition} becomes the node's cache
 * configuration (the grid node's own rules: FULL_SYNC, partition-loss policy, capacity guard or eviction region),
 * which maps the node configures itself, where it keeps the definitions of the maps created at run time, and how
 * it stops itself. Kept in the node's local map ({@link #install}); found with {@link #of(Ignite)}. Thread-safe.
 */
public final class NodeAdmin {

    private static final String KEY = NodeAdmin.class.getName();

    private final Ignite ignite;
    private final Function<MapDefinition, CacheConfiguration<Object, Object>> configurations;
    private final Set<String> configuredMaps;
    private final String evictionRegion;
    private final RuntimeMapStore store;
    private final IgniteLogger log;
    private volatile Runnable stopper;

    private NodeAdmin(Ignite ignite, Function<MapDefinition, CacheConfiguration<Object, Object>> configurations,
            Set<String> configuredMaps, String evictionRegion, RuntimeMapStore store, Runnable stopper) {
        this.ignite = ignite;
        this.configurations = configurations;
        this.configuredMaps = Set.copyOf(configuredMaps);
        this.evictionRegion = evictionRegion;
        this.store = store;
        this.stopper = stopper;
        this.log = ignite.log().getLogger(NodeAdmin.class);
    }

    /**
     * Puts the node's administration in its local map and brings back the maps created at run time: the oldest server
     * node (the one that started the grid) creates every map of its file; a node that joins a running grid takes
     * the grid's maps and logs those of its file that the grid no longer has. Then the file is written anew from the
     * grid's maps. Call it once Ignite has started, before the node reports itself ready.
     *
     * @param configurations the node's cache configuration of a definition
     * @param configuredMaps the maps the node's own configuration creates ({@code grid.maps})
     * @param evictionRegion the data region of maps that evict
     * @param store where the node keeps the definitions
     * @param stopper stops the node (and its application) gracefully; run on a thread of its own
     * @return the names of the maps this node created from its file
     */
    public static List<String> install(Ignite ignite, Function<MapDefinition, CacheConfiguration<Object, Object>> configurations,
            Set<String> configuredMaps, String evictionRegion, RuntimeMapStore store, Runnable stopper) {
        NodeAdmin admin = new NodeAdmin(ignite, configurations, configuredMaps, evictionRegion, store, stopper);
        ignite.cluster().nodeLocalMap().put(KEY, admin);
        return admin.restore();
    }

    /** The node's administration, or {@code null} when {@link #install} never ran on it. */
    public static NodeAdmin of(Ignite ignite) {
        return (NodeAdmin) ignite.cluster().nodeLocalMap().get(KEY);
    }

    /** The node's administration. @throws GridTaskException when the node has none (not a grid node) */
    static NodeAdmin require(Ignite ignite) {
        NodeAdmin admin = of(ignite);
        if (admin == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "Node '" + ignite.name() + "' is not a grid node started by"
                    + " GridNode: it cannot administer maps. Send the request to another node.");
        }
        return admin;
    }

    /** Replaces how the node stops itself, e.g. so that its application exits too. */
    public void stopper(Runnable stopper) {
        this.stopper = Objects.requireNonNull(stopper, "stopper");
    }

    /** Stops the node after {@code delayMillis} on a thread of its own, so that the request asking for it is answered. */
    void stopLater(long delayMillis) {
        Runnable stop = stopper;
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Stopping node '" + ignite.name() + "' as an administrator asked");
            stop.run();
        }, "grid-node-stop");
        thread.setDaemon(false);
        thread.start();
    }

    /**
     * Checks that the user of the current request may administer the grid: anyone when clients are not
     * authenticated, else the users of {@code grid.deployment.users}.
     *
     * @throws GridTaskException with {@link ErrorCode#ADMIN_NOT_ALLOWED}
     */
    static void requireAdmin(Ignite ignite, String action) {
        NodeDeployments deployments = NodeDeployments.of(ignite);
        DeploymentPolicy policy = deployments == null ? null : deployments.policy();
        if (policy != null && policy.authenticated()) {
            String user = Deployments.currentUser(ignite, policy, null);
            if (!policy.users().contains(user)) {
                throw new GridTaskException(ErrorCode.ADMIN_NOT_ALLOWED, "User '" + user + "' may not " + action
                        + ": only the users in grid.deployment.users administer the grid. Ask an administrator, or log in as one.");
            }
        }
    }

    /**
     * Checks that {@code name} is a map of applications that exists.
     *
     * @throws GridTaskException {@link ErrorCode#PROTECTED_MAP} for the grid's own maps, {@link ErrorCode#UNKNOWN_MAP}
     */
    static String requireUserMap(Ignite ignite, String name, String action) {
        if (name == null || name.isBlank()) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "Give the name of the map to " + action);
        }
        if (InternalMaps.isInternal(name)) {
            throw new GridTaskException(ErrorCode.PROTECTED_MAP, "Map '" + name + "' belongs to the grid itself (its name"
                    + " starts with " + InternalMaps.PREFIX + "): it cannot be " + action + "ed. Nothing was changed.");
        }
        TaskNodes.requireCache(ignite, name);
        return name;
    }

    /** The node's cache configuration of {@code definition}. */
    CacheConfiguration<Object, Object> configuration(MapDefinition definition) {
        return configurations.apply(definition);
    }

    /** The map {@code name} as it is now. @throws GridTaskException {@link ErrorCode#UNKNOWN_MAP} */
    MapDescription describe(String name) {
        IgniteCache<Object, Object> cache = ignite.cache(name);
        if (cache == null) {
            TaskNodes.requireCache(ignite, name);
        }
        @SuppressWarnings("unchecked")
        CacheConfiguration<Object, Object> configuration = cache.getConfiguration(CacheConfiguration.class);
        return new MapDescription(definition(configuration), cache.sizeLong(CachePeekMode.PRIMARY), !configuredMaps.contains(name));
    }

    /** Writes the definitions of the grid's maps created at run time to this node's file. */
    synchronized void sync() {
        List<MapDefinition> definitions = new ArrayList<>();
        for (String name : runtimeMapNames()) {
            IgniteCache<Object, Object> cache = ignite.cache(name);
            if (cache != null) {
                @SuppressWarnings("unchecked")
                CacheConfiguration<Object, Object> configuration = cache.getConfiguration(CacheConfiguration.class);
                definitions.add(definition(configuration));
            }
        }
        store.write(definitions);
    }

    private List<String> restore() {
        List<MapDefinition> stored;
        try {
            stored = store.read();
        }
        catch (RuntimeException e) {
            log.error("Cannot read the maps created at run time from " + store.file() + ": " + e.getMessage()
                    + ". None is brought back by this node; the file is left as it is.");
            return List.of();
        }
        Set<String> onGrid = runtimeMapNames();
        // the oldest server node started the grid; nodes that joined it meanwhile are younger, whatever their files say
        ClusterNode oldest = ignite.cluster().forServers().forOldest().node();
        boolean first = oldest != null && oldest.isLocal();
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (MapDefinition definition : stored) {
            if (onGrid.contains(definition.name()) || configuredMaps.contains(definition.name())) {
                continue;
            }
            if (first) {
                ignite.getOrCreateCache(configuration(definition));
                created.add(definition.name());
            }
            else {
                dropped.add(definition + "");
            }
        }
        if (!created.isEmpty()) {
            log.info("Created the maps " + created + " from " + store.file() + " (created at run time before the grid stopped)");
            syncOthers();
        }
        if (!dropped.isEmpty()) {
            log.warning("This node joined a running grid that does not have the maps of " + store.file() + " [" + String.join("; ", dropped)
                    + "]: they were destroyed while it was away, or created only on it. The grid's maps win: they are not"
                    + " created, and the file now lists the grid's. Create them again with 'map create' if they are wanted.");
        }
        sync();
        return created;
    }

    /** Has the other server nodes write their files, e.g. those that joined while this node created maps from its own. */
    private void syncOthers() {
        ClusterGroup others = ignite.cluster().forServers().forRemotes();
        if (others.nodes().isEmpty()) {
            return;
        }
        try {
            ignite.compute(others).broadcast(new SyncMaps());
        }
        catch (RuntimeException e) {
            log.warning("Could not have the other nodes record the maps created from " + store.file() + ": " + e.getMessage()
                    + ". They record them at the next change of the maps, or when they restart.");
        }
    }

    /** Writes the file of the node it runs on (nothing on a node whose administration is not installed yet). */
    static final class SyncMaps implements IgniteRunnable {

        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public void run() {
            syncLocal(ignite);
        }
    }

    /** Writes the file of {@code ignite}'s node, when its administration is installed. */
    static void syncLocal(Ignite ignite) {
        NodeAdmin admin = of(ignite);
        if (admin != null) {
            admin.sync();
        }
    }

    private Set<String> runtimeMapNames() {
        Set<String> names = new TreeSet<>(ignite.cacheNames());
        names.removeIf(name -> InternalMaps.isInternal(name) || configuredMaps.contains(name));
        return names;
    }

    private MapDefinition definition(CacheConfiguration<Object, Object> configuration) {
        boolean replicated = configuration.getCacheMode() == CacheMode.REPLICATED;
        MapDefinition.Builder builder = MapDefinition.builder(configuration.getName())
                .mode(replicated ? MapMode.REPLICATED : MapMode.PARTITIONED)
                .partitions(configuration.getAffinity().partitions())
                .eviction(evictionRegion.equals(configuration.getDataRegionName()));
        if (!replicated) {
            builder.backups(configuration.getBackups());
        }
        return builder.build();
    }
}
