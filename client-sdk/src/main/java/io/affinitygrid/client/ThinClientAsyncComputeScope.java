package io.affinitygrid.client;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.Filter;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.compute.WordCount;

/**
 * The {@link AsyncComputeScope}: builds each catalog task's argument and submits it by name. Immutable.
 */
final class ThinClientAsyncComputeScope implements AsyncComputeScope {

    private final ThinClientGridCompute compute;
    private final String mapName;
    private final Filter filter;
    private final Consumer<TaskProgress> progress;

    ThinClientAsyncComputeScope(ThinClientGridCompute compute, String mapName, Filter filter, Consumer<TaskProgress> progress) {
        this.compute = compute;
        this.mapName = mapName;
        this.filter = filter;
        this.progress = progress;
    }

    String mapName() {
        return mapName;
    }

    ThinClientAsyncComputeScope where(String filterText) {
        return new ThinClientAsyncComputeScope(compute, mapName, Filter.parse(filterText), progress);
    }

    ThinClientAsyncComputeScope onProgress(Consumer<TaskProgress> listener) {
        return new ThinClientAsyncComputeScope(compute, mapName, filter, listener);
    }

    @Override
    public ComputeScope sync() {
        return new ThinClientComputeScope(this);
    }

    @Override
    public CompletableFuture<Long> count() {
        return run(CatalogTasks.COUNT.name(), query());
    }

    @Override
    public CompletableFuture<SumResult> sum(String field) {
        SumArgument argument = new SumArgument(mapName, text(field, "field"), filter);
        return submit(CatalogTasks.SUM.name(), argument, progress == null ? null : argument::withExecutionId);
    }

    @Override
    public CompletableFuture<FieldStats> stats(String field) {
        return run(CatalogTasks.STATS.name(), query().field(text(field, "field")));
    }

    @Override
    public CompletableFuture<List<GroupRow>> groupBy(String groupBy, String sumField) {
        QueryArgument.Builder query = query().groupBy(text(groupBy, "groupBy"));
        if (sumField != null) {
            query.field(text(sumField, "sumField"));
        }
        return run(CatalogTasks.GROUP_BY.name(), query);
    }

    @Override
    public CompletableFuture<List<TopEntry>> top(String field, int n) {
        return run(CatalogTasks.TOP.name(), query().field(text(field, "field")).limit(n));
    }

    @Override
    public CompletableFuture<List<TopEntry>> bottom(String field, int n) {
        return run(CatalogTasks.TOP.name(), query().field(text(field, "field")).limit(n).ascending(true));
    }

    @Override
    public CompletableFuture<Long> distinct(String field) {
        return run(CatalogTasks.DISTINCT_COUNT.name(), query().field(text(field, "field")));
    }

    @Override
    public CompletableFuture<List<WordCount>> wordCount(String field, int n) {
        return run(CatalogTasks.WORD_COUNT.name(), query().field(text(field, "field")).limit(n));
    }

    /** The operation id is chosen here, so that a request the thin client re-sends is applied only once. */
    @Override
    public CompletableFuture<UpdateResult> multiply(String field, double factor) {
        return run(CatalogTasks.UPDATE.name(), query().field(text(field, "field")).factor(factor).operationId(UUID.randomUUID().toString()));
    }

    private QueryArgument.Builder query() {
        return QueryArgument.on(mapName).where(filter);
    }

    private <R> CompletableFuture<R> run(String taskName, QueryArgument.Builder query) {
        return submit(taskName, query.build(), progress == null ? null : id -> query.executionId(id).build());
    }

    private <R> CompletableFuture<R> submit(String taskName, Object argument, java.util.function.Function<String, Object> withExecutionId) {
        ThinClientGridCompute.ProgressRequest request = progress == null ? null
                : new ThinClientGridCompute.ProgressRequest(progress, withExecutionId);
        // every computation of a scope is read-only but the bulk update, which carries its operation id
        return compute.submit(taskName, argument, mapName, request, true);
    }

    private static String text(String value, String name) {
        return ThinClientGridCompute.requireText(value, name);
    }

    @Override
    public String toString() {
        return "ComputeScope[" + mapName + (filter == null ? "" : " where " + filter) + "]";
    }
}
