package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * The jar cannot be deployed: it is missing, not a jar, corrupt, too large, holds no task or key job, holds the
 * grid's own classes ({@code GRID-DEP-3}), or a class of it fails to load on a node, e.g. for a missing
 * dependency ({@code GRID-DEP-4}). Nothing was deployed.
 */
public class InvalidJarException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    public InvalidJarException(String deploymentName, ErrorCode code, String message, Throwable cause) {
        super(deploymentName, code, message, cause);
    }
}
