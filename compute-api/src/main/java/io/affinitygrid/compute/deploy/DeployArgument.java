package io.affinitygrid.compute.deploy;

import java.io.Serializable;
import java.util.Objects;

/**
 * Argument of the deploy task: the name to deploy under, the jar's bytes, and the user the client says it
 * is (used only when the grid does not authenticate clients; otherwise the authenticated user counts).
 * Immutable.
 */
public final class DeployArgument implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final byte[] jar;
    private final String declaredUser;

    /**
     * @throws IllegalArgumentException when the name is not 1 to 64 letters, digits, '.', '_' or '-'
     * @throws NullPointerException when the jar is null
     */
    public DeployArgument(String name, byte[] jar, String declaredUser) {
        this.name = DeploymentNames.check(name);
        this.jar = Objects.requireNonNull(jar, "jar must not be null").clone();
        this.declaredUser = declaredUser;
    }

    public String name() { return name; }

    /** The jar's bytes; a copy. */
    public byte[] jar() { return jar.clone(); }

    int jarSize() { return jar.length; }

    byte[] jarBytes() { return jar; }

    public String declaredUser() { return declaredUser; }

    @Override
    public String toString() {
        return "DeployArgument[" + name + ", " + jar.length + " bytes]";
    }
}
