package io.affinitygrid.client;

import java.nio.file.Path;
import java.util.List;

/**
 * Ship your own computations to a running grid: deploy a jar of tasks and key jobs to every server node at
 * once, without restarting them. Get it with {@link Grid#deployments()}; {@link #async()} is the same with
 * {@code CompletableFuture}s. Thread-safe.
 *
 * <p>A deploy is all or nothing: every server node loads and checks the jar first, and only when all have
 * succeeded is it stored and its classes registered. Deploying a name again makes a new version: computations
 * that start afterwards use it, those running finish on the old one. Nodes that join or restart later load
 * every current deployment before they serve. The grid must have {@code grid.deployment.enabled=true}; with
 * authentication on, only the users in {@code grid.deployment.users} may deploy and undeploy.
 *
 * <pre>{@code
 * Deployment deployed = grid.deployments().deploy("order-analytics", Path.of("target/order-analytics.jar"));
 * long max = grid.compute().execute("com.example.MaxQuantityTask", QueryArgument.on("orders").build());
 * }</pre>
 */
public interface Deployments {

    /**
     * Deploys a jar under a name, as version 1 or as the next version of the name.
     *
     * @param name 1 to 64 letters, digits, '.', '_' or '-'
     * @param jar the jar file, holding public {@code ComputeTask} and/or {@code KeyJob} classes and their
     *        dependencies, but neither Ignite nor the grid's own classes
     * @return the new version
     * @throws IllegalArgumentException when the name is not valid
     * @throws InvalidJarException when the jar is missing, unusable or fails to load on a node
     * @throws DeploymentRefusedException when deployment is off or the user may not deploy
     * @throws DeploymentConflictException when the name is another user's or a class belongs to another deployment
     * @throws GridException when the grid cannot be reached or does not answer in time
     */
    Deployment deploy(String name, Path jar);

    /**
     * Removes a deployment from every node. Computations running finish; later calls of its tasks fail.
     *
     * @return the version that was removed
     * @throws UnknownDeploymentException when no deployment has that name
     * @throws DeploymentRefusedException when deployment is off or the user may not undeploy
     */
    Deployment undeploy(String name);

    /** The current deployments, sorted by name; empty when there are none. */
    List<Deployment> list();

    /** The asynchronous view of the same deployments. */
    AsyncDeployments async();
}
