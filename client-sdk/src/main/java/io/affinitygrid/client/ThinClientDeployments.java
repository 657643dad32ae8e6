package io.affinitygrid.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.deploy.DeployArgument;
import io.affinitygrid.compute.deploy.DeploymentInfo;

/**
 * {@link Deployments} and {@link AsyncDeployments} over the grid's deployment tasks. The jar is read here and
 * sent in the task's argument; the nodes check it. Failures are chosen by the grid's {@code GRID-DEP-n} code,
 * never by message text. Thread-safe.
 */
final class ThinClientDeployments implements Deployments {

    /** Largest jar the client sends: the most {@code grid.deployment.max-jar-size} allows. */
    static final long MAX_SEND_BYTES = 256L * 1024 * 1024;

    private final ThinClientGrid grid;
    private final ThinClientGridCompute compute;
    private final AsyncDeployments async = new AsyncView();

    ThinClientDeployments(ThinClientGrid grid, ThinClientGridCompute compute) {
        this.grid = grid;
        this.compute = compute;
    }

    @Override
    public Deployment deploy(String name, Path jar) {
        return await(deployAsync(name, jar));
    }

    @Override
    public Deployment undeploy(String name) {
        return await(undeployAsync(name));
    }

    @Override
    public List<Deployment> list() {
        return await(listAsync());
    }

    @Override
    public AsyncDeployments async() {
        return async;
    }

    /** The asynchronous view: the same calls, returning at once. */
    private final class AsyncView implements AsyncDeployments {

        @Override
        public CompletableFuture<Deployment> deploy(String name, Path jar) {
            return deployAsync(name, jar);
        }

        @Override
        public CompletableFuture<Deployment> undeploy(String name) {
            return undeployAsync(name);
        }

        @Override
        public CompletableFuture<List<Deployment>> list() {
            return listAsync();
        }

        @Override
        public Deployments sync() {
            return ThinClientDeployments.this;
        }
    }

    CompletableFuture<Deployment> deployAsync(String name, Path jar) {
        io.affinitygrid.compute.deploy.DeploymentNames.check(name);
        Objects.requireNonNull(jar, "jar must not be null");
        DeployArgument argument = new DeployArgument(name, read(name, jar), declaredUser());
        return this.<DeploymentInfo>run(CatalogTasks.DEPLOY.name(), argument, name).thenApply(Deployment::new);
    }

    CompletableFuture<Deployment> undeployAsync(String name) {
        ThinClientGridCompute.requireText(name, "name");
        return this.<DeploymentInfo>run(CatalogTasks.UNDEPLOY.name(), new io.affinitygrid.compute.deploy.UndeployArgument(name, declaredUser()), name).thenApply(Deployment::new);
    }

    CompletableFuture<List<Deployment>> listAsync() {
        return this.<List<?>>run(CatalogTasks.LIST_DEPLOYMENTS.name(), Boolean.FALSE, null).thenApply(ThinClientDeployments::deployments);
    }

    /**
     * The deployment, current or undeployed, whose jar had the task class {@code taskName}; empty when none or
     * when the grid cannot tell.
     */
    Optional<DeploymentInfo> ownerOf(String taskName) {
        try {
            List<?> all = compute.<List<?>>submit(CatalogTasks.LIST_DEPLOYMENTS.name(), Boolean.TRUE, null, null, true).get();
            return all.stream().map(DeploymentInfo.class::cast)
                    .filter(info -> info.taskClasses().contains(taskName) || info.keyJobClasses().contains(taskName))
                    .findFirst();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        catch (ExecutionException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Deployment> deployments(List<?> infos) {
        List<Deployment> list = new ArrayList<>(infos.size());
        for (Object info : infos) {
            list.add(new Deployment((DeploymentInfo) info));
        }
        return List.copyOf(list);
    }

    private <R> CompletableFuture<R> run(String task, Object argument, String name) {
        CompletableFuture<R> result = new CompletableFuture<>();
        CompletableFuture<R> started;
        try {
            boolean readOnly = CatalogTasks.LIST_DEPLOYMENTS.name().equals(task);
            if (!readOnly) {
                // A deploy or undeploy is not sent again when its connection fails: it may have taken effect. A
                // cheap request the thin client does re-send goes first, so that a connection to a node that left
                // meanwhile is dropped before the deploy is written to it.
                try {
                    grid.igniteClient().cacheNames();
                }
                catch (RuntimeException e) {
                    // the deploy's own request reports what is wrong
                }
            }
            started = compute.submit(task, argument, null, null, readOnly);
        }
        catch (RuntimeException e) {
            result.completeExceptionally(FailureTranslator.deploymentFailure(e, name));
            return result;
        }
        started.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            }
            else {
                result.completeExceptionally(FailureTranslator.deploymentFailure(Failures.unwrap(error), name));
            }
        });
        return result;
    }

    private byte[] read(String name, Path jar) {
        try {
            long size = Files.size(jar);
            if (size > MAX_SEND_BYTES) {
                throw new InvalidJarException(name, null, "Cannot deploy '" + name + "': " + jar.toAbsolutePath() + " has " + size
                        + " bytes, more than any grid accepts (256MB). Leave Ignite and the grid's classes out of the jar.", null);
            }
            return Files.readAllBytes(jar);
        }
        catch (NoSuchFileException e) {
            throw new InvalidJarException(name, null, "Cannot deploy '" + name + "': there is no file " + jar.toAbsolutePath()
                    + ". Build the jar first, and give its path.", e);
        }
        catch (IOException e) {
            throw new InvalidJarException(name, null, "Cannot deploy '" + name + "': cannot read " + jar.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private String declaredUser() {
        return grid.config().userName().orElseGet(() -> System.getProperty("user.name", "anonymous"));
    }

    private static <T> T await(CompletableFuture<T> future) {
        return Requests.await(future, "the deployment task");
    }
}
