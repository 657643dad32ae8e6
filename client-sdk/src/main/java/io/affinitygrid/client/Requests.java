package io.affinitygrid.client;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the views send their requests to the grid: the package's one strategy for requests and their futures.
 * <ul>
 * <li>A blocking request ({@link #call}) runs the thin client's blocking call on the caller's thread: Ignite
 * answers it there, bounded by the request timeout, with no hand-off to another thread.</li>
 * <li>An asynchronous request returns a {@link Pending}, settled once: by Ignite's future ({@link #relay}, on the
 * thread that completes it, one of this grid's async threads), or by the request timeout ({@link #expire}),
 * whichever comes first; the thin client bounds its blocking calls by the request timeout, but not its
 * asynchronous ones.</li>
 * <li>Every failure becomes an SDK exception through the {@link FailureTranslator}; {@link #await} waits for a
 * future and rethrows the SDK exception it failed with.</li>
 * </ul>
 * Map operations use {@link #call} and {@link #send}; computations, whose attempts may be sent again, build on
 * {@link #expire} and {@link #relay}. Thread-safe.
 */
final class Requests {

    private final ThinClientGrid grid;
    private final FailureTranslator translator;

    Requests(ThinClientGrid grid, FailureTranslator translator) {
        this.grid = grid;
        this.translator = translator;
    }

    /**
     * Runs one blocking request of the thin client on the caller's thread, translating its failures.
     *
     * @param mapName the map the request is about, or {@code null}
     * @param action what the request does, for the message of a failure, e.g. "read key 1 of map 'orders'"; built
     * only on failure
     */
    <T> T call(String mapName, Supplier<String> action, Supplier<T> request) {
        grid.ensureOpen();
        try {
            return request.get();
        }
        catch (RuntimeException e) {
            throw translator.requestFailure(e, mapName, action);
        }
    }

    /**
     * Sends one asynchronous request and settles {@code result} with its outcome, or with a timeout.
     *
     * @param request sends the request
     * @param then turns the grid's answer into the result; may throw {@link GridException}
     * @param after runs once the grid answered or failed, before {@code result} is settled (invalidations); may be null
     */
    <T, R> void send(Pending<R> result, String mapName, Supplier<String> action,
            Supplier<? extends CompletionStage<T>> request, Function<? super T, ? extends R> then, Runnable after) {
        CompletionStage<T> answer;
        try {
            grid.ensureOpen();
            answer = request.get();
        }
        catch (RuntimeException e) {
            if (after != null) {
                after.run();
            }
            result.fail(translator.requestFailure(e, mapName, action));
            return;
        }
        expire(result, () -> translator.timeout(action, null));
        relay(answer, result, after, then, error -> result.fail(translator.futureFailure(error, mapName, action)));
    }

    /**
     * Fails {@code result} with {@code failure} (and cancels the attempt it tracks) if it is still pending when the
     * request timeout has passed. The timer is cancelled when {@code result} completes.
     */
    void expire(Pending<?> result, Supplier<? extends GridException> failure) {
        ScheduledFuture<?> timer = grid.schedule(() -> result.timeOut(failure.get()), grid.config().requestTimeout().toNanos());
        if (timer != null) {
            result.whenComplete((value, error) -> timer.cancel(false));
        }
    }

    /**
     * When Ignite's {@code answer} completes: runs {@code first} (may be null), then settles {@code result} with
     * {@code then} of the answer. A failure, of the request or of {@code then}, goes to {@code onError} instead,
     * without its future's wrappers.
     */
    static <T, R> void relay(CompletionStage<T> answer, Pending<R> result, Runnable first,
            Function<? super T, ? extends R> then, Consumer<Throwable> onError) {
        answer.whenComplete((value, error) -> {
            if (first != null) {
                first.run();
            }
            if (error != null) {
                onError.accept(Failures.unwrap(error));
                return;
            }
            R converted;
            try {
                converted = then.apply(value);
            }
            catch (RuntimeException e) {
                onError.accept(e);
                return;
            }
            result.succeed(converted);
        });
    }

    /**
     * Waits for a future, rethrowing the SDK exception it failed with. When the waiting thread is interrupted, the
     * request is cancelled (a computation on the grid too) rather than left to run for nobody.
     */
    static <R> R await(Future<R> future, String what) {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            // cancelling a computation sends a request: done before the thread is marked interrupted again
            try {
                future.cancel(true);
            }
            catch (RuntimeException cancelFailed) {
                e.addSuppressed(cancelFailed);
            }
            Thread.currentThread().interrupt();
            throw new GridInterruptedException("Interrupted while waiting for " + what + "; it was cancelled, and any part of it"
                    + " the grid had already done stays done", e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new GridException(what + " failed: " + cause, cause);
        }
    }
}
