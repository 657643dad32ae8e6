package io.affinitygrid.compute.admin;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheExistsException;

/**
 * Creates a map from a {@link MapDefinition} on every server node, with the node's rules for maps (those of
 * {@code grid.maps}), and records it in every node's file. Result: the new map's description. Invoke by
 * {@code CatalogTasks.CREATE_MAP}.
 */
public final class CreateMapTask extends MapChangeTask<MapDefinition> {

    private static final long serialVersionUID = 1L;

    @Override
    protected MapDescription change(Ignite ignite, NodeAdmin admin, MapDefinition definition) {
        NodeAdmin.requireAdmin(ignite, "create maps");
        if (definition == null) {
            throw badDefinition("Give a map definition (MapDefinition.builder(name)...build())");
        }
        try {
            definition.validate();
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw badDefinition(e.getMessage());
        }
        if (ignite.cacheNames().contains(definition.name())) {
            throw exists(ignite, admin, definition.name());
        }
        try {
            ignite.createCache(admin.configuration(definition));
        }
        catch (CacheExistsException e) {
            throw exists(ignite, admin, definition.name());
        }
        catch (RuntimeException e) {
            throw badDefinition("The grid refused map '" + definition.name() + "' (" + definition + "): " + e.getMessage());
        }
        ignite.log().getLogger(CreateMapTask.class).info("Created map " + definition);
        return admin.describe(definition.name());
    }

    private static GridTaskException exists(Ignite ignite, NodeAdmin admin, String name) {
        return new GridTaskException(ErrorCode.MAP_EXISTS, "Map '" + name + "' already exists (" + admin.describe(name).definition()
                + "). Nothing was created: choose another name, or destroy it first.");
    }
}
