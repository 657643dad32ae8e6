package io.affinitygrid.shell.connection;

import org.springframework.stereotype.Component;

/**
 * What the commands need to know about the session they run in: whether a person is watching a terminal
 * (progress bars are redrawn in place) or the output goes to a script, a pipe or a test. Thread-safe.
 */
@Component
public class ShellSession {

    private volatile boolean interactive;

    /** Whether commands run in an interactive terminal session. */
    public boolean isInteractive() {
        return interactive;
    }

    /** Set by the runner when it starts an interactive session. */
    public void setInteractive(boolean interactive) {
        this.interactive = interactive;
    }
}
