package io.affinitygrid.client;

/** Root of the SDK's exceptions. Unchecked: every failure of a grid call is one of these. */
public class GridException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GridException(String message) {
        super(message);
    }

    public GridException(String message, Throwable cause) {
        super(message, cause);
    }
}
