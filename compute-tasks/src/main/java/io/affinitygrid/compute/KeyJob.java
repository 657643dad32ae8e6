package io.affinitygrid.compute;

/**
 * A computation on one entry, run on the primary node of the entry's partition with the partition reserved,
 * so it reads and writes the entry locally instead of moving it. Implementations are deployed on the nodes
 * (a jar on their classpath), need a public no-argument constructor, and are invoked by class name through
 * {@link KeyCallTask} (from the SDK: {@code grid.compute().onKey(map, key, jobClass, argument)}).
 *
 * @param <R> the result, sent back to the caller
 */
@FunctionalInterface
public interface KeyJob<R> {

    /** Runs the job against {@code context}'s entry. Exceptions are reported to the caller. */
    R run(KeyContext context);
}
