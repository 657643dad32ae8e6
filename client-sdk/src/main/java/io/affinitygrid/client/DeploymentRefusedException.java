package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * The grid refused to deploy or undeploy: deployment is switched off on a node ({@code GRID-DEP-1}), or the user
 * is not among {@code grid.deployment.users} ({@code GRID-DEP-2}).
 */
public class DeploymentRefusedException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    public DeploymentRefusedException(String deploymentName, ErrorCode code, String message, Throwable cause) {
        super(deploymentName, code, message, cause);
    }
}
