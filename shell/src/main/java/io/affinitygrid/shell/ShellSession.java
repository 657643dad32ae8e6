package io.affinitygrid.shell;

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

    void setInteractive(boolean interactive) {
        this.interactive = interactive;
    }

    /** The progress style for computations: redrawn on a terminal, else none (and none for JSON output). */
    ProgressBar.Style computeProgress(boolean json) {
        return interactive && !json ? ProgressBar.Style.REDRAW : ProgressBar.Style.NONE;
    }

    /** The progress style for loading: redrawn on a terminal, a line per tenth elsewhere, none for JSON. */
    ProgressBar.Style loadProgress(boolean json) {
        if (json) {
            return ProgressBar.Style.NONE;
        }
        return interactive ? ProgressBar.Style.REDRAW : ProgressBar.Style.STEPS;
    }
}
