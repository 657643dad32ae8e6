package io.affinitygrid.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.compute.WordCount;

/**
 * The asynchronous view of a {@link ComputeScope}: the same computations, returning futures that complete
 * with the result or with the exception the synchronous method would throw. Argument errors are still thrown
 * at once. Immutable and thread-safe.
 */
public interface AsyncComputeScope {

    /** The synchronous view of the same scope. */
    ComputeScope sync();

    /** See {@link ComputeScope#count()}. */
    CompletableFuture<Long> count();

    /** See {@link ComputeScope#sum(String)}. */
    CompletableFuture<SumResult> sum(String field);

    /** See {@link ComputeScope#stats(String)}. */
    CompletableFuture<FieldStats> stats(String field);

    /** See {@link ComputeScope#groupBy(String, String)}; {@code sumField} may be null. */
    CompletableFuture<List<GroupRow>> groupBy(String groupBy, String sumField);

    /** See {@link ComputeScope#top(String, int)}. */
    CompletableFuture<List<TopEntry>> top(String field, int n);

    /** See {@link ComputeScope#bottom(String, int)}. */
    CompletableFuture<List<TopEntry>> bottom(String field, int n);

    /** See {@link ComputeScope#distinct(String)}. */
    CompletableFuture<Long> distinct(String field);

    /** See {@link ComputeScope#wordCount(String, int)}. */
    CompletableFuture<List<WordCount>> wordCount(String field, int n);

    /** See {@link ComputeScope#multiply(String, double)}. */
    CompletableFuture<UpdateResult> multiply(String field, double factor);
}
