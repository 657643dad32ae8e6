package io.affinitygrid.node;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapMode;
import io.affinitygrid.compute.admin.NodeAdmin;
import io.affinitygrid.compute.admin.RuntimeMapStore;
import org.apache.ignite.Ignite;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Gives a starting node its administration (maps created at run time, node stop): run by {@code GridNode.start}
 * once Ignite has started, it brings back the maps kept in the node's work directory ({@link RuntimeMapStore}) and
 * tells the node how to build a map from a definition: as a configured map of {@code grid.maps} with the same values.
 */
final class AdminStartup {

    private AdminStartup() {
    }

    /** Installs the node's administration; returns the maps created from the node's file. */
    static List<String> install(Ignite ignite, GridNodeSettings settings, Runnable stopper) {
        Set<String> configured = settings.caches().stream().map(CacheSettings::name).collect(Collectors.toSet());
        return NodeAdmin.install(ignite, AdminStartup::configuration, configured, IgniteConfigurations.EVICTION_REGION,
                new RuntimeMapStore(settings.workDirectory()), stopper);
    }

    /** The node's configuration of a map created at run time: that of a configured map with the same values. */
    static CacheConfiguration<Object, Object> configuration(MapDefinition definition) {
        CacheSettings cache = new CacheSettings(definition.name(),
                definition.mode() == MapMode.REPLICATED ? CacheMode.REPLICATED : CacheMode.PARTITIONED,
                definition.backups(), definition.partitions(),
                definition.eviction() ? CapacityPolicy.EVICT : CapacityPolicy.REJECT);
        return IgniteConfigurations.cache(cache);
    }
}
