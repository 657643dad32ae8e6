package io.affinitygrid.node.deploy;

import io.affinitygrid.compute.deploy.NodeDeployments;
import io.affinitygrid.node.GridNodeSettings;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a starting node its deployments: run by {@code GridNode.start} once Ignite has started and before the
 * node is returned (so before the application reports ready), it loads every deployment stored in the grid
 * and registers its tasks and key jobs.
 */
public final class DeploymentStartup {

    private static final Logger log = LoggerFactory.getLogger(DeploymentStartup.class);

    private DeploymentStartup() {
    }

    /** Installs the node's deployments and loads the stored ones; returns how many were loaded. */
    public static int loadDeployments(Ignite ignite, GridNodeSettings settings) {
        long started = System.nanoTime();
        DeploymentSettings deployment = settings.deployment();
        int loaded = NodeDeployments.install(ignite, deployment.policy(settings.security().authenticationEnabled()));
        if (loaded > 0) {
            log.info("Loaded {} deployment(s) in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
        }
        return loaded;
    }
}
