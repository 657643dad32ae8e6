package io.affinitygrid.shell.output;

/**
 * A command failed and has already printed why ("Error: ..." on its output). Thrown so that the command
 * ends with a failing exit status; see {@link ShellErrors}.
 */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
