package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/** The grid refused an administration request: the map belongs to the grid itself ({@code GRID-MAP-5}), or the user may not administer the grid ({@code GRID-ADM-1}: with authentication on, only the users in {@code grid.deployment.users} may). */
public class AdminRefusedException extends AdminException {

    private static final long serialVersionUID = 1L;

    public AdminRefusedException(String subject, ErrorCode code, String message, Throwable cause) {
        super(subject, code, message, cause);
    }
}
