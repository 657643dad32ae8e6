package io.affinitygrid.client;

import java.util.List;

/**
 * No grid node could be reached at the configured addresses, or the connection to the node serving a request
 * was lost and the request could not be completed on another one (see {@link TaskOutcomeUnknownException}).
 */
public class GridUnavailableException extends GridException {

    private static final long serialVersionUID = 1L;

    private final List<String> addresses;

    /**
     * @param addresses the addresses that were tried, not null
     * @param message what failed and what to check
     * @param cause the underlying failure, possibly null
     */
    public GridUnavailableException(List<String> addresses, String message, Throwable cause) {
        super(message, cause);
        this.addresses = List.copyOf(addresses);
    }

    /** The addresses that were tried; an immutable list. */
    public List<String> addresses() {
        return addresses;
    }
}
