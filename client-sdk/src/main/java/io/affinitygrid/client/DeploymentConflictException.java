package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * The name belongs to another user, a class of the jar belongs to another deployment, or another deploy of
 * the name finished first ({@code GRID-DEP-6}). Nothing was deployed.
 */
public class DeploymentConflictException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    public DeploymentConflictException(String deploymentName, ErrorCode code, String message, Throwable cause) {
        super(deploymentName, code, message, cause);
    }
}
