package io.affinitygrid.compute;

import java.io.Serializable;

/**
 * How far a partition map-reduce has got: partitions done of the total. Published by the task's node under
 * the execution id of a {@link Tracked} argument in the {@value #CACHE} cache, where entries expire after
 * ten minutes (the cache's configuration is node-side, in compute-tasks' {@code TaskProgressCache}). Immutable.
 */
public final class TaskProgress implements Serializable {

    /** Cache holding the progress of running tasks, keyed by execution id. */
    public static final String CACHE = InternalMaps.PREFIX + "task_progress";

    private static final long serialVersionUID = 1L;

    private final int done;
    private final int total;

    public TaskProgress(int done, int total) {
        this.done = done;
        this.total = total;
    }

    /** Partitions finished. */
    public int done() {
        return done;
    }

    /** Partitions in all. */
    public int total() {
        return total;
    }

    /** Fraction done, from 0 to 1. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskProgress p && done == p.done && total == p.total;
    }

    @Override
    public int hashCode() {
        return 31 * done + total;
    }

    @Override
    public String toString() {
        return done + "/" + total;
    }
}
