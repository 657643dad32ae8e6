package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Runs the commands of a script file, for {@code script --file}: the shell's runner does. */
public interface ScriptRunner {

    /**
     * Runs the commands of {@code script} in order, stopping at the first failure, and prints their output on
     * {@code out}.
     *
     * @return 0, or the exit code of the command that failed
     */
    int runScript(Path script, PrintWriter out);
}
