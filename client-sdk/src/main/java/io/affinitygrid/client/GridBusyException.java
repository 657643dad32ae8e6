package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * The grid refused a computation because it already runs as many as it accepts. Nothing of the refused
 * computation ran; it is safe to try again later, after a back-off. Raise {@code grid.compute.max-concurrent}
 * or {@code grid.client.max-compute-tasks} on the nodes, or add nodes, when this happens often.
 */
public class GridBusyException extends GridException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and what to do
     * @param cause the underlying failure, possibly null
     */
    public GridBusyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always {@link ErrorCode#BUSY}: the grid refused the computation for now. */
    @Override
    public ErrorCode code() {
        return ErrorCode.BUSY;
    }
}
