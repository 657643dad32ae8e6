package io.affinitygrid.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import io.affinitygrid.compute.CacheKey;
import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.KeyJobRef;
import io.affinitygrid.compute.KeyJobResult;
import io.affinitygrid.compute.PartitionOwners;
import io.affinitygrid.compute.TaskRef;
import io.affinitygrid.compute.KeyCallArgument;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TaskProgress;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.ClientCompute;
import org.apache.ignite.client.IgniteClientFuture;

/**
 * The {@link GridCompute} over the thin client's compute, bounded by the request timeout. Thread-safe.
 * Failures on the nodes become {@link TaskFailedException}s carrying the node's innermost cause.
 *
 * <p><b>Failover.</b> The node that receives a computation runs its reduce; when the connection to it is lost
 * (the node died) the thin client fails the computation with a {@code ClientConnectionException} and does not
 * send it again ({@link IdempotentRetryPolicy} leaves computations to this class). Here a computation that is
 * safe to run twice ({@link #isIdempotent}: the catalog's read-only tasks, and bulk updates carrying an
 * operation id) is sent again, to another node, after a short pause, as long as the request timeout allows;
 * each re-send is counted ({@link GridMetrics#computeRetried}). Any other computation fails with
 * {@link TaskOutcomeUnknownException}: it may or may not have run, unless it never left the client
 * ({@link SendTracker}), in which case it is sent again too.
 */
final class ThinClientGridCompute implements GridCompute {

    private static final long PROGRESS_POLL_MILLIS = 200;
    /** At most this many re-sends of one computation after lost connections. */
    static final int MAX_RETRIES = 5;
    /** Pause before the n-th re-send: n times this, at most {@value #MAX_RETRY_PAUSE_MILLIS} ms. */
    private static final long RETRY_PAUSE_MILLIS = 200;
    private static final long MAX_RETRY_PAUSE_MILLIS = 1_000;

    /**
     * The catalog's computations that only read: sending one again after its node left cannot change anything.
     */
    static final Set<String> READ_ONLY_TASKS = CatalogTasks.readOnly().stream().map(TaskRef::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final ThinClientGrid grid;
    private final FailureTranslator translator;
    private final ClientCompute compute;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong roomWaits = new AtomicLong();
    private final ComputeGate gate;
    private volatile ScheduledExecutorService progressPoller;

    ThinClientGridCompute(ThinClientGrid grid, ClientCompute compute) {
        this.grid = grid;
        this.translator = grid.translator();
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
        return callOnKey(mapName, key, jobClassName, argument, false);
    }

    @Override
    public <A, R> R onKey(String mapName, Object key, KeyJobRef<A, R> job, A argument) {
        return onKey(mapName, key, checked(job, argument), argument);
    }

    @Override
    public <A, R> KeyJobResult<R> runOnKey(String mapName, Object key, KeyJobRef<A, R> job, A argument) {
        return callOnKey(mapName, key, checked(job, argument), argument, true);
    }

    @Override
    public KeyJobResult<Object> runOnKey(String mapName, Object key, String jobClassName, Object argument) {
        return callOnKey(mapName, key, jobClassName, argument, true);
    }

    private <R> R callOnKey(String mapName, Object key, String jobClassName, Object argument, boolean withPlace) {
        requireText(mapName, "mapName");
        Objects.requireNonNull(key, "key must not be null");
        requireText(jobClassName, "jobClassName");
        // a key job may write: it is never sent twice
        return Requests.await(submit(CatalogTasks.KEY_CALL.name(), new KeyCallArgument(mapName, key, jobClassName, argument, withPlace),
                mapName, null, false), CatalogTasks.KEY_CALL.name());
    }

    /** The job's class name, once its argument is checked against the job's argument type. */
    private static String checked(KeyJobRef<?, ?> job, Object argument) {
        Objects.requireNonNull(job, "job must not be null");
        if (argument != null && !job.argumentType().isInstance(argument)) {
            throw new IllegalArgumentException("Key job " + job.className() + " takes a " + job.argumentType().getName()
                    + ", not a " + argument.getClass().getName());
        }
        return job.className();
    }

    @Override
    public List<PartitionOwners> partitionMap(String mapName) {
        requireText(mapName, "mapName");
        return run(CatalogTasks.PARTITION_MAP, mapName, mapName);
    }

    @Override
    public PartitionOwners keyOwners(String mapName, Object key) {
        requireText(mapName, "mapName");
        Objects.requireNonNull(key, "key must not be null");
        return run(CatalogTasks.KEY_OWNERS, new CacheKey(mapName, key), mapName);
    }

    @Override
    public Map<String, String> fieldTypes(String mapName) {
        requireText(mapName, "mapName");
        return run(CatalogTasks.FIELD_NAMES, mapName, mapName);
    }

    /** Runs one of the catalog's read-only tasks over a map, whose existence is checked first. */
    private <A, R> R run(TaskRef<A, R> task, A argument, String mapName) {
        return Requests.await(submit(task.name(), argument, mapName, null, isIdempotent(task.name(), argument)), task.name());
    }

    @Override
    public <R> R execute(String taskName, Object argument) {
        requireText(taskName, "taskName");
        return Requests.await(submit(taskName, argument, null, null, isIdempotent(taskName, argument)), taskName);
    }

    @Override
    public <R> CompletableFuture<R> executeAsync(String taskName, Object argument) {
        requireText(taskName, "taskName");
        return submit(taskName, argument, null, null, isIdempotent(taskName, argument));
    }

    @Override
    public <A, R> R execute(TaskRef<A, R> task, A argument) {
        String name = checked(task, argument);
        return Requests.await(submit(name, argument, null, null, isIdempotent(name, argument)), name);
    }

    @Override
    public <A, R> CompletableFuture<R> executeAsync(TaskRef<A, R> task, A argument) {
        String name = checked(task, argument);
        return submit(name, argument, null, null, isIdempotent(name, argument));
    }

    private static String checked(TaskRef<?, ?> task, Object argument) {
        Objects.requireNonNull(task, "task must not be null");
        if (argument != null && !task.argumentClass().isInstance(argument)) {
            throw new IllegalArgumentException("Task " + task.name() + " takes a " + task.argumentType().getTypeName()
                    + ", not a " + argument.getClass().getName());
        }
        return task.name();
    }

    /** Runs a task and waits for its result, translating its failures. */
    Object run(String taskName, Object argument) {
        return Requests.await(submit(taskName, argument, null, null, isIdempotent(taskName, argument)), taskName);
    }

    /**
     * Whether a computation may be sent again after the node running it left: a read-only task of the catalog,
     * or a bulk update whose argument carries its operation id (each entry records the id of the update applied
     * to it, so a second run changes nothing twice). Anything else (a key job, a user's task) may not be safe
     * to run twice.
     */
    static boolean isIdempotent(String taskName, Object argument) {
        if (READ_ONLY_TASKS.contains(taskName)) {
            return true;
        }
        return CatalogTasks.UPDATE.name().equals(taskName) && argument instanceof QueryArgument query && query.operationId() != null;
    }

    /** How many computations this grid sent again after losing the connection to the node running them. */
    long roomWaits() {
        return roomWaits.get();
    }

    long retries() {
        return retries.get();
    }

    /**
     * Starts a task. When {@code mapName} is given its existence is checked first; when {@code progress} is
     * given, the argument is built with a fresh execution id and the task's published progress is polled.
     * When the connection to the node running it is lost, an {@code idempotent} task is sent again (see the
     * class comment); another fails with {@link TaskOutcomeUnknownException}.
     */
    <R> CompletableFuture<R> submit(String taskName, Object argument, String mapName, ProgressRequest progress, boolean idempotent) {
        grid.ensureOpen();
        if (mapName != null) {
            grid.catalog().requireMap(mapName);
        }
        String executionId = progress == null ? null : UUID.randomUUID().toString();
        Object effectiveArgument = progress == null ? argument : progress.withExecutionId().apply(executionId);
        Pending<R> result = new Pending<>(null);
        // the request timeout also cancels the attempt under way on the grid
        grid.requests().expire(result, () -> translator.computationTimedOut(taskName, mapName));
        long deadline = System.nanoTime() + grid.config().requestTimeout().toNanos();
        Attempt<R> attempts = new Attempt<>(taskName, effectiveArgument, mapName, idempotent, deadline, result);
        try {
            // the computation holds its place at the gate until it ends, re-sends included, and until an attempt
            // cancelled by the request timeout has ended on the grid too
            gate.submit(result, () -> {
                attempts.send(compute, 0);
                return result.handle((value, error) -> null).thenCompose(done -> result.running() instanceof IgniteClientFuture<?> last
                        ? last.toCompletableFuture().handle((value, error) -> null) : CompletableFuture.completedFuture(null));
            });
        }
        catch (RuntimeException e) {
            result.fail(failure(taskName, mapName, e));
        }
        return progress == null ? result : withProgress(executionId, progress.listener(), result);
    }

    /** One computation's attempts: the first, then a re-send per lost connection while it is allowed. */
    private final class Attempt<R> {

        private final String taskName;
        private final Object argument;
        private final String mapName;
        private final boolean idempotent;
        private final long deadline;
        /** The computation's future; it tracks the attempt under way, for the request timeout to cancel. */
        private final Pending<R> result;
        /** Times the node refused it for want of room on the connection; one attempt at a time, so no race. */
        private volatile int refusals;

        Attempt(String taskName, Object argument, String mapName, boolean idempotent, long deadline, Pending<R> result) {
            this.taskName = taskName;
            this.argument = argument;
            this.mapName = mapName;
            this.idempotent = idempotent;
            this.deadline = deadline;
            this.result = result;
        }

        void send(ClientCompute through, int retry) {
            if (result.isDone()) {
                return; // timed out meanwhile
            }
            try {
                SendTracker.beforeSend();
                IgniteClientFuture<R> execution = through.<Object, R>executeAsync2(taskName, argument);
                boolean written = SendTracker.wasWritten();
                result.track(execution);
                Requests.relay(execution, result, null, Function.identity(), error -> failed(runtime(error), retry, written));
            }
            catch (RuntimeException e) {
                failed(e, retry, SendTracker.wasWritten());
            }
        }

        /** {@code written}: whether the request left the client; one that did not may be sent again, whatever it does. */
        private void failed(RuntimeException e, int retry, boolean written) {
            if (result.isDone()) {
                return; // timed out (and cancelled) meanwhile
            }
            if (!grid.isClosed() && Failures.serverStatus(e) == Failures.TOO_MANY_COMPUTE_TASKS) {
                waitForRoom(e, retry);
                return;
            }
            if (grid.isClosed() || e instanceof GridException || !Failures.isConnectionFailure(e)) {
                result.fail(failure(taskName, mapName, e));
                return;
            }
            if (!idempotent && written) {
                result.fail(Failures.isNeverSent(e) ? failure(taskName, mapName, e) : translator.outcomeUnknown(taskName, argument, e));
                return;
            }
            long pause = TimeUnit.MILLISECONDS.toNanos(Math.min(RETRY_PAUSE_MILLIS * (retry + 1), MAX_RETRY_PAUSE_MILLIS));
            long remaining = deadline - System.nanoTime() - pause;
            if (retry >= MAX_RETRIES || remaining < TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MILLIS)) {
                result.fail(failure(taskName, mapName, e));
                return;
            }
            retries.incrementAndGet();
            grid.metrics().computeRetried(taskName);
            // the next attempt may run only for what is left of the request timeout
            ClientCompute next = grid.igniteClient().compute().withTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            // the timer only hands the re-send over: sending may wait for a new connection
            if (grid.schedule(() -> grid.runAsync(() -> resend(next, retry + 1), () -> result.fail(
                    failure(taskName, mapName, e))), pause) == null) {
                result.fail(failure(taskName, mapName, e));
            }
        }

        /**
         * The node refused the computation before running any of it: the connection already runs as many tasks as
         * the node allows it (the node frees a slot a moment after the answer that freed the gate's). Sends it again
         * after a short pause, any task, for as long as the request timeout allows.
         */
        private void waitForRoom(RuntimeException e, int retry) {
            roomWaits.incrementAndGet();
            long pause = TimeUnit.MILLISECONDS.toNanos(Math.min(10L * ++refusals, 200));
            if (deadline - System.nanoTime() - pause <= 0 || grid.schedule(() -> grid.runAsync(() -> send(compute, retry),
                    () -> result.fail(failure(taskName, mapName, e))), pause) == null) {
                result.fail(failure(taskName, mapName, e));
            }
        }

        /**
         * Sends again. The thin client does not re-send computations, and so does not notice, when sending one, that
         * its connection is closed: it would keep sending to the dead node. A cheap request it does re-send (the
         * list of maps) goes first, so that it drops the dead connection and moves to a live node.
         */
        private void resend(ClientCompute through, int retry) {
            try {
                grid.igniteClient().cacheNames();
            }
            catch (RuntimeException e) {
                // the computation's own attempt reports what is wrong
            }
            send(through, retry);
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
        CompletableFuture<R> reported = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                task.cancel(mayInterruptIfRunning); // and so the computation on the grid
                return super.cancel(mayInterruptIfRunning);
            }
        };
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

    /** A failure of Ignite's future as a runtime exception, to be translated. */
    private static RuntimeException runtime(Throwable error) {
        return error instanceof RuntimeException runtime ? runtime : new GridException(String.valueOf(error.getMessage()), error);
    }

    private GridException failure(String taskName, String mapName, RuntimeException e) {
        return translator.computationFailure(taskName, mapName, e);
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
