package io.affinitygrid.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.InternalMaps;
import io.affinitygrid.compute.NodeSummary;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.ClientCacheConfiguration;
import org.apache.ignite.client.IgniteClient;

/**
 * What the grid holds: the names of its maps, their descriptions ({@link MapInfo}, from the caches'
 * configurations) and the topology of its nodes. Thread-safe.
 */
final class MapCatalog {

    /** Prefix of the names of the grid's own maps, which are not listed. */
    static final String INTERNAL_PREFIX = InternalMaps.PREFIX;

    private final IgniteClient client;
    private final Requests requests;
    private final ThinClientGridCompute compute;

    MapCatalog(IgniteClient client, Requests requests, ThinClientGridCompute compute) {
        this.client = client;
        this.requests = requests;
        this.compute = compute;
    }

    /** The names of the applications' maps, sorted. */
    Set<String> mapNames() {
        return Collections.unmodifiableSet(userMaps(allMapNames()));
    }

    /** A description of every application map. */
    List<MapInfo> maps() {
        Set<String> names = mapNames();
        List<NodeSummary> nodes = topologyIfAvailable();
        List<MapInfo> maps = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                maps.add(describe(name, nodes));
            }
            catch (UnknownMapException destroyedMeanwhile) {
                // listed a moment ago and gone now: leave it out
            }
        }
        return List.copyOf(maps);
    }

    /**
     * Checks that the grid has a map named {@code name}.
     *
     * @throws UnknownMapException listing the maps that exist, when it has none
     */
    void requireMap(String name) {
        Collection<String> names = allMapNames();
        if (!names.contains(name)) {
            throw FailureTranslator.unknownMap(name, names);
        }
    }

    /** The grid's nodes, as the catalog's cluster-info task describes them. */
    List<NodeSummary> topology() {
        Object result = compute.run(CatalogTasks.CLUSTER_INFO.name(), null);
        if (!(result instanceof List<?> list)) {
            throw new GridException("Task " + CatalogTasks.CLUSTER_INFO.name() + " returned "
                    + (result == null ? "null" : result.getClass().getName()) + " instead of a list of NodeSummary");
        }
        List<NodeSummary> nodes = new ArrayList<>(list.size());
        for (Object node : list) {
            if (!(node instanceof NodeSummary summary)) {
                throw new GridException("Task " + CatalogTasks.CLUSTER_INFO.name() + " returned a list holding "
                        + (node == null ? "null" : node.getClass().getName()) + " instead of NodeSummary");
            }
            nodes.add(summary);
        }
        return List.copyOf(nodes);
    }

    /**
     * The maps of applications, sorted: the grid's own maps, whose names start with
     * {@value #INTERNAL_PREFIX} (e.g. the progress of running tasks), are left out.
     */
    static Set<String> userMaps(Collection<String> names) {
        Set<String> maps = new TreeSet<>();
        for (String name : names) {
            if (!name.startsWith(INTERNAL_PREFIX)) {
                maps.add(name);
            }
        }
        return maps;
    }

    private Collection<String> allMapNames() {
        return requests.call(null, () -> "list the maps", client::cacheNames);
    }

    private MapInfo describe(String name, List<NodeSummary> nodes) {
        ClientCache<Object, Object> cache = client.cache(name);
        ClientCacheConfiguration configuration = requests.call(name, () -> "describe map '" + name + "'", cache::getConfiguration);
        long size = requests.call(name, () -> "count the entries of map '" + name + "'", () -> cache.size(CachePeekMode.PRIMARY));
        boolean replicated = configuration.getCacheMode() == CacheMode.REPLICATED;
        int partitions = MapInfo.UNKNOWN;
        if (nodes != null) {
            partitions = nodes.stream().map(NodeSummary::primaryPartitions)
                    .mapToInt(primaries -> primaries.getOrDefault(name, 0)).sum();
        }
        int backups;
        if (!replicated) {
            backups = configuration.getBackups();
        }
        else {
            // Ignite reports Integer.MAX_VALUE for replicated caches: every other node holds a copy
            backups = nodes == null ? MapInfo.UNKNOWN : Math.max(0, nodes.size() - 1);
        }
        return new MapInfo(name, replicated ? "REPLICATED" : "PARTITIONED", backups,
                partitions > 0 ? partitions : MapInfo.UNKNOWN, size);
    }

    /** The topology, or {@code null} when the nodes cannot run the task that describes it. */
    private List<NodeSummary> topologyIfAvailable() {
        try {
            return topology();
        }
        catch (TaskFailedException e) {
            return null;
        }
    }
}
