package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/** The grid refused a map definition ({@code GRID-MAP-6}): a bad name, number of backups or partitions, or settings the nodes cannot give a map. */
public class InvalidMapDefinitionException extends AdminException {

    private static final long serialVersionUID = 1L;

    public InvalidMapDefinitionException(String subject, ErrorCode code, String message, Throwable cause) {
        super(subject, code, message, cause);
    }
}
