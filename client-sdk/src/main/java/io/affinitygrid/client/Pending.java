package io.affinitygrid.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * The future of one asynchronous request (or computation), settled once: by the grid's answer or failure, or by
 * the request timeout, whichever comes first (see {@link Requests}). What has to happen before the caller sees the
 * outcome (recording the operation's time, emptying a near cache) runs, once, before it completes. Thread-safe.
 */
final class Pending<R> extends CompletableFuture<R> {

    private final AtomicBoolean settled = new AtomicBoolean();
    /** Runs with the value or the failure just before the future completes; may be null. */
    private final BiConsumer<? super R, ? super GridException> beforeSettling;
    /** Ignite's future of the attempt under way, cancelled when the request timeout settles this; may be unset. */
    private final AtomicReference<Future<?>> running = new AtomicReference<>();

    Pending(BiConsumer<? super R, ? super GridException> beforeSettling) {
        this.beforeSettling = beforeSettling;
    }

    /** Completes with {@code value}, unless settled already. */
    boolean succeed(R value) {
        return settle(value, null);
    }

    /** Fails with {@code failure}, unless settled already. */
    boolean fail(GridException failure) {
        return settle(null, failure);
    }

    private boolean settle(R value, GridException failure) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        if (beforeSettling != null) {
            beforeSettling.accept(value, failure);
        }
        return failure == null ? complete(value) : completeExceptionally(failure);
    }

    /**
     * Cancels this future and, for a computation, the attempt under way on the grid (cooperatively: what its jobs
     * finished stays done). The request may still take effect on the grid, so what has to happen before the
     * caller sees an outcome (emptying a near cache after a write) still runs when the grid's answer comes.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Future<?> attempt = running.get();
        if (cancelled && attempt != null) {
            attempt.cancel(true);
        }
        return cancelled;
    }

    /** Fails with the request timeout's {@code failure}, and cancels the attempt under way on the grid, if any. */
    void timeOut(GridException failure) {
        if (fail(failure)) {
            Future<?> attempt = running.get();
            if (attempt != null) {
                attempt.cancel(true);
            }
        }
    }

    /**
     * Records the attempt under way, for the request timeout to cancel: a computation is cancelled on the grid when
     * its caller stops waiting. Cancels it at once when this is settled already.
     */
    void track(Future<?> attempt) {
        running.set(attempt);
        if (isDone()) {
            attempt.cancel(true);
        }
    }

    /** The attempt under way or last made, or {@code null}. */
    Future<?> running() {
        return running.get();
    }
}
