package io.affinitygrid.client;

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
}
