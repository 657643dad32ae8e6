package io.affinitygrid.compute.admin;

import org.apache.ignite.Ignite;

/**
 * Destroys a map of applications: its entries and its definition, on every node, and removes it from every node's
 * file. The grid's own maps are refused. Result: the map's description just before. Invoke by
 * {@code CatalogTasks.DESTROY_MAP}.
 */
public final class DestroyMapTask extends MapChangeTask<String> {

    private static final long serialVersionUID = 1L;

    @Override
    protected MapDescription change(Ignite ignite, NodeAdmin admin, String name) {
        NodeAdmin.requireAdmin(ignite, "destroy maps");
        NodeAdmin.requireUserMap(ignite, name, "destroy");
        MapDescription before = admin.describe(name);
        ignite.destroyCache(name);
        ignite.log().getLogger(DestroyMapTask.class).info("Destroyed map '" + name + "' (" + before.size() + " entries)");
        return before;
    }
}
