package io.affinitygrid.client;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.KeyCallArgument;
import io.affinitygrid.compute.KeyCallTask;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TaskProgress;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.ClientCompute;
import org.apache.ignite.client.IgniteClientFuture;

/**
 * The {@link GridCompute} over the thin client's compute, bounded by the request timeout. Thread-safe.
 * Failures on the nodes become {@link TaskFailedException}s carrying the node's innermost cause.
 */
final class ThinClientGridCompute implements GridCompute {

    private static final long PROGRESS_POLL_MILLIS = 200;

    private final ThinClientGrid grid;
    private final ClientCompute compute;
    private final ComputeGate gate;
    private volatile ScheduledExecutorService progressPoller;

    ThinClientGridCompute(ThinClientGrid grid, ClientCompute compute) {
        this.grid = grid;
        this.compute = compute;
        this.gate = new ComputeGate(grid.config().maxConcurrentComputations());
    }

    @Override
    public ComputeScope on(String mapName) {
        return new ThinClientComputeScope(this, requireText(mapName, "mapName"), null, null);
    }

    @Override
    public SumResult sum(String mapName, String field) {
        return on(mapName).sum(field);
    }

    @Override
    public <R> R onKey(String mapName, Object key, String jobClassName, Object argument) {
        requireText(mapName, "mapName");
        Objects.requireNonNull(key, "key must not be null");
        requireText(jobClassName, "jobClassName");
        return await(submit(KeyCallTask.NAME, new KeyCallArgument(mapName, key, jobClassName, argument), mapName, null), KeyCallTask.NAME);
    }

    @Override
    public <R> R execute(String taskName, Object argument) {
        requireText(taskName, "taskName");
        return await(submit(taskName, argument, null, null), taskName);
    }

    @Override
    public <R> CompletableFuture<R> executeAsync(String taskName, Object argument) {
        requireText(taskName, "taskName");
        return submit(taskName, argument, null, null);
    }

    /** Runs a task and waits for its result, translating its failures. */
    Object run(String taskName, Object argument) {
        return await(submit(taskName, argument, null, null), taskName);
    }

    /**
     * Starts a task. When {@code mapName} is given its existence is checked first; when {@code progress} is
     * given, the argument is built with a fresh execution id and the task's published progress is polled.
     */
    <R> CompletableFuture<R> submit(String taskName, Object argument, String mapName, ProgressRequest progress) {
        grid.ensureOpen();
        if (mapName != null) {
            grid.requireMap(mapName);
        }
        String executionId = progress == null ? null : UUID.randomUUID().toString();
        Object effectiveArgument = progress == null ? argument : progress.withExecutionId().apply(executionId);
        CompletableFuture<R> result = new CompletableFuture<>();
        AtomicReference<Future<?>> running = new AtomicReference<>();
        ScheduledFuture<?> timeout = grid.afterRequestTimeout(() -> {
            if (result.completeExceptionally(timedOut(taskName, mapName))) {
                Future<?> started = running.get();
                if (started != null) {
                    started.cancel(true);
                }
            }
        });
        result.whenComplete((value, error) -> {
            if (timeout != null) {
                timeout.cancel(false);
            }
        });
        try {
            gate.submit(result, () -> start(taskName, effectiveArgument, mapName, result, running));
        }
        catch (RuntimeException e) {
            result.completeExceptionally(failure(taskName, mapName, e));
        }
        return progress == null ? result : withProgress(executionId, progress.listener(), result);
    }

    /** Sends the task to the grid; the returned future completes when the task ends, however it ends. */
    private <R> CompletableFuture<?> start(String taskName, Object argument, String mapName, CompletableFuture<R> result,
            AtomicReference<Future<?>> running) {
        IgniteClientFuture<R> execution = compute.<Object, R>executeAsync2(taskName, argument);
        running.set(execution);
        if (result.isDone()) {
            execution.cancel(true);
        }
        return execution.toCompletableFuture().whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            }
            else {
                result.completeExceptionally(failure(taskName, mapName, unwrap(error)));
            }
        });
    }

    /** A computation that did not finish within the request timeout; it is cancelled on the grid. */
    private GridTimeoutException timedOut(String taskName, String mapName) {
        Duration limit = grid.config().requestTimeout();
        return new GridTimeoutException(limit, "Computation " + simpleName(taskName)
                + (mapName == null ? "" : " over map '" + mapName + "'") + " did not finish within the request timeout of "
                + limit.toMillis() + " ms, and was cancelled on the grid. Narrow it with a filter, add nodes, or raise the"
                + " timeout (GridConfig.Builder.requestTimeout).", null);
    }

    private static String simpleName(String taskName) {
        return taskName.substring(taskName.lastIndexOf('.') + 1);
    }

    /** Waits for a task's future, rethrowing the SDK exception it failed with. */
    static <R> R await(CompletableFuture<R> future, String what) {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridException("Interrupted while waiting for " + what, e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new GridException(what + " failed: " + cause, cause);
        }
    }

    /**
     * Polls the task's published progress while it runs, and reports the final reading before the returned
     * future completes, so that a caller who waited for the result has seen the last progress too.
     */
    private <R> CompletableFuture<R> withProgress(String executionId, Consumer<TaskProgress> listener, CompletableFuture<R> task) {
        ClientCache<String, TaskProgress> cache = grid.igniteClient().cache(TaskProgress.CACHE);
        TaskProgress[] last = new TaskProgress[1];
        Runnable report = () -> {
            TaskProgress current = readQuietly(cache, executionId);
            if (current != null && !current.equals(last[0])) {
                last[0] = current;
                try {
                    listener.accept(current);
                }
                catch (RuntimeException e) {
                    // a failing listener must not stop the polling nor the result
                }
            }
        };
        ScheduledFuture<?> poll = poller().scheduleWithFixedDelay(report, PROGRESS_POLL_MILLIS, PROGRESS_POLL_MILLIS, TimeUnit.MILLISECONDS);
        CompletableFuture<R> reported = new CompletableFuture<>();
        // The last reading runs on the poller's thread: never block a thin-client callback thread.
        task.whenCompleteAsync((value, error) -> {
            poll.cancel(false);
            if (error == null) {
                report.run();
                reported.complete(value);
            }
            else {
                reported.completeExceptionally(error);
            }
        }, poller());
        return reported;
    }

    /** Progress is best effort: the cache appears with the first tracked task, and a read may fail meanwhile. */
    private static TaskProgress readQuietly(ClientCache<String, TaskProgress> cache, String executionId) {
        try {
            return cache.get(executionId);
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private ScheduledExecutorService poller() {
        ScheduledExecutorService poller = progressPoller;
        if (poller == null) {
            synchronized (this) {
                poller = progressPoller;
                if (poller == null) {
                    poller = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread thread = new Thread(r, "grid-task-progress");
                        thread.setDaemon(true);
                        return thread;
                    });
                    progressPoller = poller;
                }
            }
        }
        return poller;
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof RuntimeException runtime ? runtime : new GridException(String.valueOf(e.getMessage()), e);
    }

    private GridException failure(String taskName, String mapName, RuntimeException e) {
        if (e instanceof GridException gridException) {
            return gridException;
        }
        if (mapName != null && ErrorCode.find(e).orElse(null) == ErrorCode.CAPACITY_EXCEEDED) {
            return new GridCapacityException(mapName, "Computation " + simpleName(taskName) + " over map '" + mapName
                    + "' could not write: " + Failures.reason(e, ErrorCode.CAPACITY_EXCEEDED), e);
        }
        if (ErrorCode.find(e).orElse(null) == ErrorCode.BUSY || Failures.serverStatus(e) == Failures.TOO_MANY_COMPUTE_TASKS) {
            return new GridBusyException("The grid refused computation " + simpleName(taskName)
                    + (mapName == null ? "" : " over map '" + mapName + "'") + ": " + Failures.message(e)
                    + (Failures.serverStatus(e) == Failures.TOO_MANY_COMPUTE_TASKS ? " Lower GridConfig.Builder"
                    + ".maxConcurrentComputations to at most the nodes' grid.client.max-compute-tasks." : ""), e);
        }
        if (mapName != null && Failures.isPartitionLost(e)) {
            return new PartitionLostException(mapName, Failures.lostPartition(e), "Task " + taskName + " cannot run over map '"
                    + mapName + "': " + Failures.message(e), e);
        }
        if (grid.isClosed() || Failures.isConnectionFailure(e)) {
            return grid.failure(e, null, () -> "run task " + taskName);
        }
        if (Failures.isUnknownTask(e)) {
            java.util.Optional<io.affinitygrid.compute.deploy.DeploymentInfo> owner = grid.deploymentsImpl().ownerOf(taskName);
            if (owner.isPresent()) {
                io.affinitygrid.compute.deploy.DeploymentInfo info = owner.get();
                return new TaskFailedException(taskName, "Task " + taskName + " belonged to deployment '" + info.name() + "' (v"
                        + info.version() + "), which " + (info.removed() ? "was undeployed by '" + info.deployedBy() + "'"
                        : "is not loaded on the node that received the call") + ". Deploy its jar again to run it.", e);
            }
            return new TaskFailedException(taskName, "No task named '" + taskName + "' on the grid nodes. Tasks are not"
                    + " shipped with a call: deploy its jar first (grid.deployments().deploy(name, jar); shell: deploy), and check its name.", e);
        }
        return new TaskFailedException(taskName, "Task " + taskName + " failed: " + Failures.message(e), e);
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "GridCompute[" + grid + "]";
    }

    /** Who wants a task's progress, and how to give the task's argument an execution id. */
    record ProgressRequest(Consumer<TaskProgress> listener, Function<String, Object> withExecutionId) {
    }
}
