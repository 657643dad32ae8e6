package io.affinitygrid.compute.deploy;

import java.util.HexFormat;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.security.SecurityContext;

/**
 * Where deployments are kept, and the checks every deployment task shares. Deployments live in the replicated
 * cache {@value #CACHE} (every node holds all of them, so a node that joins or restarts finds them locally),
 * keyed by name, with {@code FULL_SYNC} writes: once a deploy is stored, every node reads it.
 */
public final class Deployments {

    /** The replicated cache holding every deployment, keyed by name. */
    public static final String CACHE = "__deployments";


    private Deployments() {
    }

    /** Configuration of {@value #CACHE}; grid nodes create it at start. */
    public static CacheConfiguration<String, DeploymentRecord> cacheConfiguration() {
        return new CacheConfiguration<String, DeploymentRecord>(CACHE)
                .setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }

    static IgniteCache<String, DeploymentRecord> cache(Ignite ignite) {
        return ignite.getOrCreateCache(cacheConfiguration());
    }

    /**
     * Checks a deployment name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.
     *
     * @throws IllegalArgumentException saying what a name may hold
     */
    public static String checkName(String name) {
        return DeploymentNames.check(name);
    }

    /**
     * The user running the current request: the logged-in user when the node authenticates clients, else the
     * name the client declared ("anonymous" when none).
     */
    public static String currentUser(Ignite ignite, DeploymentPolicy policy, String declared) {
        if (policy.authenticated()) {
            SecurityContext context = ((IgniteEx) ignite).context().security().securityContext();
            Object login = context == null || context.subject() == null ? null : context.subject().login();
            return login == null ? "anonymous" : login.toString();
        }
        return declared == null || declared.isBlank() ? "anonymous" : declared.strip();
    }

    /**
     * The node's deployments, or a refusal when deployment is off on this node.
     *
     * @throws GridTaskException with {@link ErrorCode#DEPLOYMENT_DISABLED}
     */
    static NodeDeployments require(Ignite ignite) {
        NodeDeployments deployments = NodeDeployments.of(ignite);
        if (deployments == null || !deployments.policy().enabled()) {
            throw new GridTaskException(ErrorCode.DEPLOYMENT_DISABLED, "Deployment of task jars is switched off on node '"
                    + ignite.name() + "'. Set grid.deployment.enabled=true on every node to deploy.");
        }
        return deployments;
    }

    /**
     * Checks that {@code user} may deploy and undeploy on this node.
     *
     * @throws GridTaskException with {@link ErrorCode#DEPLOYMENT_NOT_ALLOWED}
     */
    static void requireAllowed(DeploymentPolicy policy, String user, String action) {
        if (policy.authenticated() && !policy.users().contains(user)) {
            throw new GridTaskException(ErrorCode.DEPLOYMENT_NOT_ALLOWED, "User '" + user + "' may not " + action
                    + ": only the users in grid.deployment.users may. Ask an administrator to add you there, or use a user listed.");
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
