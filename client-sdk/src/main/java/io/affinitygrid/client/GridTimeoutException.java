package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;
import java.time.Duration;

/**
 * The grid did not answer a request within {@link GridConfig#requestTimeout()}. The request may still
 * complete on the grid: a write that timed out may or may not have been applied.
 */
public class GridTimeoutException extends GridException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * @param timeout the timeout that passed, not null
     * @param message what timed out
     * @param cause the underlying failure, possibly null
     */
    public GridTimeoutException(Duration timeout, String message, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** The timeout that passed. */
    public Duration timeout() {
        return timeout;
    }

    /** Always {@link ErrorCode#TIMED_OUT}: no answer within the request timeout. */
    @Override
    public ErrorCode code() {
        return ErrorCode.TIMED_OUT;
    }
}
