package io.affinitygrid.compute.deploy;

import java.util.Set;

/**
 * What a node allows: whether deployment is on, the largest jar, and which users may deploy and undeploy when
 * clients are authenticated. Immutable; node-local (each node checks its own).
 */
public final class DeploymentPolicy {

    /** Default largest jar: 16 MB. */
    public static final long DEFAULT_MAX_JAR_BYTES = 16L * 1024 * 1024;

    private final boolean enabled;
    private final long maxJarBytes;
    private final Set<String> users;
    private final boolean authenticated;

    /**
     * @param enabled whether the node accepts deployments at all
     * @param maxJarBytes the largest jar accepted
     * @param users who may deploy and undeploy when {@code authenticated}; ignored otherwise
     * @param authenticated whether clients log in (then the logged-in user counts, and must be in {@code users})
     */
    public DeploymentPolicy(boolean enabled, long maxJarBytes, Set<String> users, boolean authenticated) {
        this.enabled = enabled;
        this.maxJarBytes = maxJarBytes;
        this.users = Set.copyOf(users);
        this.authenticated = authenticated;
    }

    public boolean enabled() { return enabled; }

    public long maxJarBytes() { return maxJarBytes; }

    public Set<String> users() { return users; }

    public boolean authenticated() { return authenticated; }

    @Override
    public String toString() {
        return "deployment[enabled=" + enabled + ", max-jar-size=" + maxJarBytes + "B, users=" + users + "]";
    }
}
