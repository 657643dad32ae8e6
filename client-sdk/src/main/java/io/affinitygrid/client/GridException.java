package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/** Root of the SDK's exceptions. Unchecked: every failure of a grid call is one of these. */
public class GridException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and, where it helps, what to do */
    public GridException(String message) {
        super(message);
    }

    /**
     * @param message what failed and, where it helps, what to do
     * @param cause the underlying failure, possibly null
     */
    public GridException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The grid's code for this failure ({@code GRID-MAP-1} unknown map, {@code GRID-CMP-3} busy, ...), or
     * {@code null} when it has none (a lost connection, a closed grid). Subclasses with one meaning return their
     * code; a {@link TaskFailedException} returns the code the node raised. Read this, never the message, to
     * tell failures apart: messages are for people and may change.
     */
    public ErrorCode code() {
        return null;
    }
}
