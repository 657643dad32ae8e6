package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/** No deployment of that name is on the grid: never deployed, or undeployed ({@code GRID-DEP-5}). */
public class UnknownDeploymentException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    public UnknownDeploymentException(String deploymentName, ErrorCode code, String message, Throwable cause) {
        super(deploymentName, code, message, cause);
    }
}
