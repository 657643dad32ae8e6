package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * A deploy or undeploy failed; the grid is unchanged. Carries the deployment's name and the grid's error code
 * ({@code GRID-DEP-n}); the subclasses tell the kinds apart: {@link DeploymentRefusedException},
 * {@link InvalidJarException}, {@link UnknownDeploymentException}, {@link DeploymentConflictException}.
 */
public class DeploymentException extends GridException {

    private static final long serialVersionUID = 1L;

    private final String deploymentName;
    private final ErrorCode code;

    /**
     * @param deploymentName the deployment concerned
     * @param code the grid's error code, possibly null when the failure came from the client
     * @param message what failed and what to do
     * @param cause the underlying failure, possibly null
     */
    public DeploymentException(String deploymentName, ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.deploymentName = deploymentName;
        this.code = code;
    }

    /** The deployment concerned. */
    public String deploymentName() {
        return deploymentName;
    }

    /** The grid's error code, e.g. {@code GRID-DEP-3}; null when the client failed before asking the grid. */
    public ErrorCode code() {
        return code;
    }
}
