package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/** A map of that name already exists ({@code GRID-MAP-4}): nothing was created. */
public class MapExistsException extends AdminException {

    private static final long serialVersionUID = 1L;

    public MapExistsException(String subject, ErrorCode code, String message, Throwable cause) {
        super(subject, code, message, cause);
    }
}
