package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * An administration request ({@link MapAdmin}) failed; nothing was changed. Carries what it was about (a map or a
 * node) and the grid's error code; the subclasses tell the kinds apart: {@link MapExistsException},
 * {@link InvalidMapDefinitionException}, {@link AdminRefusedException}, {@link UnknownNodeException}.
 */
public class AdminException extends GridException {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final ErrorCode code;

    /**
     * @param subject the map or node concerned
     * @param code the grid's error code
     * @param message what failed and what to do
     * @param cause the underlying failure, possibly null
     */
    public AdminException(String subject, ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.subject = subject;
        this.code = code;
    }

    /** The name of the map or node the request was about. */
    public String subject() {
        return subject;
    }

    /** The grid's error code, e.g. {@code GRID-MAP-4}. */
    @Override
    public ErrorCode code() {
        return code;
    }
}
