package io.affinitygrid.client;

import java.util.List;

/**
 * No grid node could be reached at the configured addresses, or the connection to the node serving a request
 * was lost and the request could not be completed on another one (see {@link TaskOutcomeUnknownException}).
 */
public class GridUnavailableException extends GridException {

    private static final long serialVersionUID = 1L;

    /** Why the grid could not be reached, for callers that word their own advice (a shell, a health check). */
    public enum Reason {
        /** A host name does not resolve to an address. */
        UNRESOLVED_HOST,
        /** No node answered within the connect timeout. */
        NO_ANSWER,
        /** The TLS handshake failed (or the node speaks TLS and the client does not, or the other way round). */
        TLS_HANDSHAKE,
        /** Nothing listens at the addresses, or the connection was refused. */
        UNREACHABLE,
        /** A connection that was made was lost during a request. */
        CONNECTION_LOST
    }

    private final List<String> addresses;
    private final Reason reason;

    /**
     * @param addresses the addresses that were tried, not null
     * @param message what failed and what to check
     * @param cause the underlying failure, possibly null
     */
    public GridUnavailableException(List<String> addresses, String message, Throwable cause) {
        this(addresses, Reason.UNREACHABLE, message, cause);
    }

    /**
     * @param addresses the addresses that were tried, not null
     * @param reason why, not null
     * @param message what failed and what to check
     * @param cause the underlying failure, possibly null
     */
    public GridUnavailableException(List<String> addresses, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.addresses = List.copyOf(addresses);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    /** Why the grid could not be reached. */
    public Reason reason() {
        return reason;
    }

    /** The addresses that were tried; an immutable list. */
    public List<String> addresses() {
        return addresses;
    }
}
