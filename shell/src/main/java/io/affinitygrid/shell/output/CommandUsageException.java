package io.affinitygrid.shell.output;

/**
 * A command written wrongly, found while its body runs (e.g. a command that must be confirmed, given where nobody
 * can confirm it): {@link ShellErrors#run} lets it through, so it ends with the usage code 2 and its message is
 * printed as for an unknown option, and nothing was done.
 */
public class CommandUsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CommandUsageException(String message) {
        super(message);
    }
}
