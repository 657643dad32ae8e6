package io.affinitygrid.client;

/**
 * The calling thread was interrupted while it waited for the grid. The thread's interrupt flag is set again. A
 * write may or may not have been applied; a computation was cancelled on the grid, and what it had already done
 * stays done.
 */
public class GridInterruptedException extends GridException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was interrupted
     * @param cause the underlying failure, possibly null
     */
    public GridInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
