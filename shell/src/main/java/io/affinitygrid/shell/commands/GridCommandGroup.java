package io.affinitygrid.shell.commands;

import java.util.List;

/** The groups under which {@code help} lists the shell's commands, in this order. */
final class GridCommandGroup {

    /** {@code connect}, {@code disconnect}. */
    static final String CONNECTION = "Connection";

    /** Where the data lives: {@code topology}, {@code maps}, {@code partitions}, {@code affinity}, {@code metrics}. */
    static final String CLUSTER = "Cluster";

    /** Entries: {@code put}, {@code get}, {@code remove}, {@code scan}, {@code load}. */
    static final String DATA = "Data";

    /** The catalog of co-located computations: {@code compute ...}. */
    static final String COMPUTE = "Compute";

    /** The shell itself: {@code help}, {@code script}, and Spring Shell's built-in commands. */
    static final String SHELL = "Shell";

    /** Spring Shell's name for the group of its own commands, shown as {@link #SHELL}. */
    static final String BUILT_IN = "Built-In Commands";

    /** The order of the groups in {@code help}. */
    static final List<String> ORDER = List.of(CONNECTION, CLUSTER, DATA, COMPUTE, SHELL);

    private GridCommandGroup() {
    }
}
