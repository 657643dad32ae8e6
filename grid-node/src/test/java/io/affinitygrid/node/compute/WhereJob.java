package io.affinitygrid.node.compute;

import io.affinitygrid.compute.KeyContext;
import io.affinitygrid.compute.KeyJob;
import org.apache.ignite.cluster.ClusterNode;

/** A test {@link KeyJob}: reports the node it ran on and whether that node is the key's primary. */
public final class WhereJob implements KeyJob<Where> {

    /** Class name to pass to {@code KeyCallTask}. */
    public static final String NAME = WhereJob.class.getName();

    @Override
    public Where run(KeyContext context) {
        ClusterNode local = context.ignite().cluster().localNode();
        boolean primary = context.ignite().affinity(context.cache().getName()).isPrimary(local, context.key());
        return new Where(String.valueOf(local.consistentId()), primary);
    }
}
