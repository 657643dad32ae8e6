package io.affinitygrid.client;

import java.util.Objects;

import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import org.apache.ignite.client.ClientCompute;

/**
 * The {@link GridCompute} over the thin client's compute, bounded by the request timeout. Thread-safe.
 * Failures on the nodes become {@link TaskFailedException}s carrying the node's innermost cause.
 */
final class ThinClientGridCompute implements GridCompute {

    private final ThinClientGrid grid;
    private final ClientCompute compute;

    ThinClientGridCompute(ThinClientGrid grid, ClientCompute compute) {
        this.grid = grid;
        this.compute = compute;
    }

    @Override
    public SumResult sum(String mapName, String field) {
        requireText(mapName, "mapName");
        requireText(field, "field");
        grid.requireMap(mapName);
        Object result = run(SumTask.NAME, new SumArgument(mapName, field));
        if (!(result instanceof SumResult sum)) {
            throw new GridException("Task " + SumTask.NAME + " returned "
                    + (result == null ? "null" : result.getClass().getName()) + " instead of a SumResult");
        }
        return sum;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R execute(String taskName, Object argument) {
        requireText(taskName, "taskName");
        return (R) run(taskName, argument);
    }

    /** Runs a task and waits for its result, translating its failures. */
    Object run(String taskName, Object argument) {
        grid.ensureOpen();
        try {
            return compute.execute(taskName, argument);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridException("Interrupted while waiting for task " + taskName, e);
        }
        catch (RuntimeException e) {
            throw failure(taskName, e);
        }
    }

    private GridException failure(String taskName, RuntimeException e) {
        if (grid.isClosed() || Failures.isConnectionFailure(e)) {
            return grid.failure(e, null, () -> "run task " + taskName);
        }
        if (Failures.isUnknownTask(e)) {
            return new TaskFailedException(taskName, "No task named '" + taskName + "' on the grid nodes. Tasks are not"
                    + " shipped from clients: put the task's class on every node's classpath, and check its name.", e);
        }
        return new TaskFailedException(taskName, "Task " + taskName + " failed: " + Failures.message(e), e);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "GridCompute[" + grid + "]";
    }
}
