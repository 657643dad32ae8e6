package io.affinitygrid.node.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.affinitygrid.compute.deploy.DeploymentPolicy;
import io.affinitygrid.node.GridConfigurationException;

/**
 * Deployment of task jars at run time ({@code grid.deployment.*}): whether the node accepts it, the largest jar,
 * and, when clients are authenticated, the users who may deploy and undeploy. Off by default: a node that
 * accepts jars from anyone who reaches its client port runs their code. Immutable.
 */
public final class DeploymentSettings {

    /** Default largest jar: 16 MB. */
    public static final long DEFAULT_MAX_JAR_SIZE_BYTES = DeploymentPolicy.DEFAULT_MAX_JAR_BYTES;
    /** Largest jar the setting may allow: 256 MB (the jar travels in one message to every node). */
    static final long MAX_MAX_JAR_SIZE_BYTES = 256L * 1024 * 1024;

    private static final DeploymentSettings OFF = new DeploymentSettings(false, DEFAULT_MAX_JAR_SIZE_BYTES, Set.of());

    private final boolean enabled;
    private final long maxJarSizeBytes;
    private final Set<String> users;

    private DeploymentSettings(boolean enabled, long maxJarSizeBytes, Set<String> users) {
        this.enabled = enabled;
        this.maxJarSizeBytes = maxJarSizeBytes;
        this.users = Set.copyOf(users);
    }

    /** Deployment off: the default. */
    public static DeploymentSettings off() {
        return OFF;
    }

    /**
     * Checked settings.
     *
     * @param users who may deploy when clients are authenticated; null means none
     * @throws GridConfigurationException naming the {@code grid.deployment.*} property at fault
     */
    public static DeploymentSettings of(boolean enabled, long maxJarSizeBytes, List<String> users) {
        if (maxJarSizeBytes < 1024 || maxJarSizeBytes > MAX_MAX_JAR_SIZE_BYTES) {
            throw new GridConfigurationException("grid.deployment.max-jar-size", maxJarSizeBytes + "B",
                    "must be between 1KB and 256MB; e.g. 16MB");
        }
        Set<String> names = new LinkedHashSet<>();
        if (users != null) {
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                if (user == null || user.isBlank()) {
                    throw new GridConfigurationException("grid.deployment.users[" + i + "]", user, "a user name must not be blank");
                }
                names.add(user.strip());
            }
        }
        return new DeploymentSettings(enabled, maxJarSizeBytes, names);
    }

    /** Whether the node accepts task jars deployed at run time. */
    public boolean enabled() { return enabled; }

    public long maxJarSizeBytes() { return maxJarSizeBytes; }

    /** Who may deploy and undeploy when clients are authenticated. */
    public Set<String> users() { return users; }

    /** The node-side policy, given whether clients are authenticated. */
    public DeploymentPolicy policy(boolean authenticated) {
        return new DeploymentPolicy(enabled, maxJarSizeBytes, users, authenticated);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeploymentSettings d && enabled == d.enabled && maxJarSizeBytes == d.maxJarSizeBytes && users.equals(d.users);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, maxJarSizeBytes, users);
    }

    @Override
    public String toString() {
        return "deployment[enabled=" + enabled + ", max-jar-size=" + maxJarSizeBytes + "B, users=" + users + "]";
    }
}
