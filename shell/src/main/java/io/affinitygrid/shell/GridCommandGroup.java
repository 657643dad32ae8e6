package io.affinitygrid.shell;

/** The group under which {@code help} lists the shell's own commands. */
final class GridCommandGroup {

    /** Name of the group. */
    static final String NAME = "Grid";

    private GridCommandGroup() {
    }
}
