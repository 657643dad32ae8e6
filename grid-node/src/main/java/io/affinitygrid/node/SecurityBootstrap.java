package io.affinitygrid.node;

import java.util.Map;
import java.util.UUID;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteCluster;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.security.IgniteSecurity;
import org.apache.ignite.internal.processors.security.OperationSecurityContext;
import org.apache.ignite.internal.processors.security.SecurityContext;
import org.apache.ignite.lifecycle.LifecycleBean;
import org.apache.ignite.lifecycle.LifecycleEventType;
import org.apache.ignite.plugin.security.AuthenticationContext;
import org.apache.ignite.plugin.security.SecurityCredentials;
import org.apache.ignite.plugin.security.SecuritySubjectType;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a node with authentication on behave like an in-memory one, once it has started: Ignite keeps users
 * in a persistent metastorage, and a cluster with persistence starts inactive with a fixed baseline topology.
 * So this bean activates the cluster when it is inactive, turns on baseline auto-adjustment with no delay
 * (the baseline follows the server nodes, as it does in a purely in-memory cluster; no cache data is
 * persistent), and then makes sure the configured users exist with the configured passwords.
 *
 * <p>User management has no public API in Ignite 2.18 without SQL (whose module is not published for
 * 2.18): this class uses the node's internal {@link IgniteSecurity}, logging in as the superuser
 * {@value SecuritySettings#SUPERUSER} (with the configured password, or on a new cluster with Ignite's
 * default one, which it then replaces). It is the only place that touches Ignite internals for security.
 */
public final class SecurityBootstrap implements LifecycleBean {

    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);
    private static final String ALREADY_EXISTS = "already exists";

    private final SecuritySettings settings;

    @IgniteInstanceResource
    private Ignite ignite;

    /**
     * @param settings the node's security settings, with authentication on
     */
    public SecurityBootstrap(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public void onLifecycleEvent(LifecycleEventType event) {
        if (event != LifecycleEventType.AFTER_NODE_START || !settings.authenticationEnabled()) {
            return;
        }
        activate(ignite.cluster());
        ensureUsers();
    }

    private void activate(IgniteCluster cluster) {
        if (!cluster.state().active()) {
            log.info("Activating the cluster (authentication keeps its users in a persistent region, so it started inactive)");
            cluster.state(ClusterState.ACTIVE);
        }
        if (!cluster.isBaselineAutoAdjustEnabled()) {
            cluster.baselineAutoAdjustEnabled(true);
        }
        if (cluster.baselineAutoAdjustTimeout() != 0) {
            cluster.baselineAutoAdjustTimeout(0);
        }
    }

    private void ensureUsers() {
        IgniteSecurity security = ((IgniteEx) ignite).context().security();
        String superuserPassword = settings.users().get(SecuritySettings.SUPERUSER);
        boolean defaultPassword = false;
        SecurityContext superuser = login(security, SecuritySettings.SUPERUSER, superuserPassword);
        if (superuser == null) {
            superuser = login(security, SecuritySettings.SUPERUSER, SecuritySettings.SUPERUSER);
            defaultPassword = true;
        }
        if (superuser == null) {
            throw new GridConfigurationException("grid.security.authentication.users." + SecuritySettings.SUPERUSER, "****",
                    "the grid's superuser '" + SecuritySettings.SUPERUSER + "' accepts neither this password nor its default,"
                            + " so the node cannot manage users: give the password the grid's other nodes were started with");
        }
        try (OperationSecurityContext ignored = security.withContext(superuser)) {
            if (defaultPassword) {
                security.alterUser(SecuritySettings.SUPERUSER, superuserPassword.toCharArray());
                log.info("Replaced the default password of the superuser '{}'", SecuritySettings.SUPERUSER);
            }
            for (Map.Entry<String, String> user : settings.users().entrySet()) {
                if (!user.getKey().equals(SecuritySettings.SUPERUSER)) {
                    createOrUpdate(security, user.getKey(), user.getValue());
                }
            }
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot set up the users of the grid: " + e.getMessage(), e);
        }
    }

    private static void createOrUpdate(IgniteSecurity security, String name, String password) throws IgniteCheckedException {
        if (login(security, name, password) != null) {
            return; // exists with this password (another node, or an earlier start, made it)
        }
        try {
            security.createUser(name, password.toCharArray());
            log.info("Created user '{}'", name);
        }
        catch (IgniteCheckedException e) {
            if (!String.valueOf(e.getMessage()).contains(ALREADY_EXISTS)) {
                throw e;
            }
            security.alterUser(name, password.toCharArray());
            log.info("Set the configured password of user '{}'", name);
        }
    }

    /** The user's security context, or {@code null} when the user does not exist or the password is wrong. */
    private static SecurityContext login(IgniteSecurity security, String name, String password) {
        AuthenticationContext context = new AuthenticationContext();
        context.subjectType(SecuritySubjectType.REMOTE_CLIENT);
        context.subjectId(UUID.randomUUID());
        context.credentials(new SecurityCredentials(name, password));
        try {
            return security.authenticate(context);
        }
        catch (IgniteCheckedException | IgniteException e) {
            return null;
        }
    }
}
