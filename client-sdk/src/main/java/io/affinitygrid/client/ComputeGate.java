package io.affinitygrid.client;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Bounds the computations one connection runs on the grid at once. A node refuses a connection's tasks past
 * its {@code grid.client.max-compute-tasks}; rather than pass that refusal on, the SDK keeps the computations
 * past the bound here, in order, and starts each one as an earlier one finishes. A waiting computation whose
 * caller already gave up (its future completed, e.g. by the request timeout) is never started. Thread-safe.
 */
final class ComputeGate {

    private final int limit;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private int running;

    ComputeGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /**
     * Starts {@code start} now, or once fewer than the limit run; {@code caller} is the future the caller waits
     * on, and {@code start}'s future must complete when the computation ends, however it ends.
     */
    void submit(CompletableFuture<?> caller, Supplier<CompletableFuture<?>> start) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(new Waiting(caller, start));
                return;
            }
            running++;
        }
        launch(start);
    }

    /** Computations waiting for a slot now. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void launch(Supplier<CompletableFuture<?>> start) {
        CompletableFuture<?> started;
        try {
            started = start.get();
        }
        catch (RuntimeException e) {
            finished();
            throw e;
        }
        started.whenComplete((value, error) -> finished());
    }

    private void finished() {
        Waiting next;
        synchronized (this) {
            do {
                next = waiting.poll();
            }
            while (next != null && next.caller.isDone());
            if (next == null) {
                running--;
                return;
            }
        }
        try {
            launch(next.start);
        }
        catch (RuntimeException e) {
            next.caller.completeExceptionally(e);
        }
    }

    private record Waiting(CompletableFuture<?> caller, Supplier<CompletableFuture<?>> start) {
    }
}
