package io.affinitygrid.client;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Deployments} with futures: each method returns at once, and its future completes with the result or
 * with the exception the synchronous method would throw. Thread-safe.
 */
public interface AsyncDeployments {

    /** See {@link Deployments#deploy(String, Path)}. The jar is read before this method returns. */
    CompletableFuture<Deployment> deploy(String name, Path jar);

    /** See {@link Deployments#undeploy(String)}. */
    CompletableFuture<Deployment> undeploy(String name);

    /** See {@link Deployments#list()}. */
    CompletableFuture<List<Deployment>> list();

    /** The synchronous view of the same deployments. */
    Deployments sync();
}
