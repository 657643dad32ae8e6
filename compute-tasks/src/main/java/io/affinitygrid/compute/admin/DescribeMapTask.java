package io.affinitygrid.compute.admin;

import io.affinitygrid.compute.SingleJobTask;
import io.affinitygrid.compute.TaskNodes;
import org.apache.ignite.Ignite;

/** A map's definition, size, and whether it was created at run time. Invoke by {@code CatalogTasks.DESCRIBE_MAP}. */
public final class DescribeMapTask extends SingleJobTask<String, MapDescription> {

    private static final long serialVersionUID = 1L;

    @Override
    protected MapDescription answer(Ignite ignite, String name) {
        TaskNodes.requireCache(ignite, name);
        return NodeAdmin.require(ignite).describe(name);
    }
}
