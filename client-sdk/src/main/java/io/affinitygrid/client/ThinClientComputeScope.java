package io.affinitygrid.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.Filter;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.compute.WordCount;

/** The synchronous {@link ComputeScope}: each computation waits for its asynchronous twin. Immutable. */
final class ThinClientComputeScope implements ComputeScope {

    private final ThinClientAsyncComputeScope async;

    ThinClientComputeScope(ThinClientGridCompute compute, String mapName, Filter filter, Consumer<TaskProgress> progress) {
        this(new ThinClientAsyncComputeScope(compute, mapName, filter, progress));
    }

    ThinClientComputeScope(ThinClientAsyncComputeScope async) {
        this.async = async;
    }

    @Override
    public String mapName() {
        return async.mapName();
    }

    @Override
    public ComputeScope where(String filter) {
        return new ThinClientComputeScope(async.where(filter));
    }

    @Override
    public ComputeScope onProgress(Consumer<TaskProgress> listener) {
        return new ThinClientComputeScope(async.onProgress(Objects.requireNonNull(listener, "listener must not be null")));
    }

    @Override
    public AsyncComputeScope async() {
        return async;
    }

    @Override
    public long count() {
        return await(async.count());
    }

    @Override
    public SumResult sum(String field) {
        return await(async.sum(field));
    }

    @Override
    public FieldStats stats(String field) {
        return await(async.stats(field));
    }

    @Override
    public List<GroupRow> groupBy(String groupBy) {
        return await(async.groupBy(groupBy, null));
    }

    @Override
    public List<GroupRow> groupBy(String groupBy, String sumField) {
        ThinClientGridCompute.requireText(sumField, "sumField");
        return await(async.groupBy(groupBy, sumField));
    }

    @Override
    public List<TopEntry> top(String field, int n) {
        return await(async.top(field, n));
    }

    @Override
    public List<TopEntry> bottom(String field, int n) {
        return await(async.bottom(field, n));
    }

    @Override
    public long distinct(String field) {
        return await(async.distinct(field));
    }

    @Override
    public List<WordCount> wordCount(String field, int n) {
        return await(async.wordCount(field, n));
    }

    @Override
    public UpdateResult multiply(String field, double factor) {
        return await(async.multiply(field, factor));
    }

    private <R> R await(CompletableFuture<R> future) {
        return Requests.await(future, "computation on map '" + mapName() + "'");
    }

    @Override
    public String toString() {
        return async.toString();
    }
}
