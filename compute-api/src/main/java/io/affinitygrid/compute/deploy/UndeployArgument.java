package io.affinitygrid.compute.deploy;

import java.io.Serializable;

/**
 * Argument of the undeploy task: the deployment's name and the user the client says it is (used only when
 * the grid does not authenticate clients). Immutable.
 */
public final class UndeployArgument implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String declaredUser;

    public UndeployArgument(String name, String declaredUser) {
        this.name = name;
        this.declaredUser = declaredUser;
    }

    public String name() { return name; }

    public String declaredUser() { return declaredUser; }

    @Override
    public String toString() {
        return "UndeployArgument[" + name + "]";
    }
}
