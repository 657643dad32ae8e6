package io.affinitygrid.node;

import org.apache.ignite.Ignite;
import org.apache.ignite.failure.FailureContext;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a grid node does on a failure Ignite calls critical (a system thread died, a B+tree is corrupted, a data
 * region ran out of pages): it logs one error line saying what happened and what to do, then stops the Ignite node
 * (not the JVM). The node leaves the cluster, its partitions fail over to their backups, and the process stays up
 * with {@code /actuator/health} DOWN, so that an operator or an orchestrator can read why and restart it.
 *
 * <p>Ignite's default handler halts the JVM instead, after a thread dump: the process vanishes with nothing but
 * the log to explain it. Staying alive and serving would be worse: after a critical failure the node's own data
 * may be corrupt (measured on 2.18: a region that ran out of pages leaves {@code CorruptedTreeException}s behind),
 * and answering from it could lose acknowledged writes silently.
 *
 * <p>A full data region is not meant to get here: {@link CapacityGuard} refuses writes to rejecting caches before
 * the region fills, and evicting caches make room by eviction. Ignite's own ignored types (blocked system workers,
 * slow critical operations, which only log) stay ignored.
 */
public class GridFailureHandler extends StopNodeFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(GridFailureHandler.class);

    @Override
    public boolean handle(Ignite ignite, FailureContext context) {
        Throwable error = context.error();
        String cause = error == null ? "no details" : firstLine(error.getMessage() == null ? error.getClass().getName() : error.getMessage());
        String advice = isOutOfMemory(error)
                ? " The data region ran out of pages despite the high-water mark: lower grid.capacity.high-water-mark,"
                        + " raise grid.data-region-size or grid.capacity.eviction-region-size, or add nodes, then restart this node."
                : " Restart the node; its partitions are served by their backups meanwhile.";
        log.error("Grid node '{}' hit a critical failure ({}: {}) and is stopping; its data may be inconsistent.{}",
                ignite.name(), context.type(), cause, advice, error);
        return super.handle(ignite, context);
    }

    static boolean isOutOfMemory(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("IgniteOutOfMemoryException")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
