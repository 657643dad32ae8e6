package io.affinitygrid.compute.admin;

import io.affinitygrid.compute.SingleJobTask;
import org.apache.ignite.Ignite;

/**
 * Removes every entry of a map of applications; the grid's own maps are refused. Result: the number of entries
 * before. Invoke by {@code CatalogTasks.CLEAR_MAP}.
 */
public final class ClearMapTask extends SingleJobTask<String, Long> {

    private static final long serialVersionUID = 1L;

    @Override
    protected Long answer(Ignite ignite, String name) {
        NodeAdmin.requireAdmin(ignite, "clear maps");
        NodeAdmin.requireUserMap(ignite, name, "clear");
        long before = NodeAdmin.require(ignite).describe(name).size();
        ignite.cache(name).clear();
        ignite.log().getLogger(ClearMapTask.class).info("Cleared map '" + name + "' (" + before + " entries)");
        return before;
    }
}
