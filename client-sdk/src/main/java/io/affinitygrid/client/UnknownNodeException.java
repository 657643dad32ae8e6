package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/** No server node of that name is in the grid ({@code GRID-ADM-2}); the message lists the nodes. */
public class UnknownNodeException extends AdminException {

    private static final long serialVersionUID = 1L;

    public UnknownNodeException(String subject, ErrorCode code, String message, Throwable cause) {
        super(subject, code, message, cause);
    }
}
