package io.affinitygrid.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.TaskRef;
import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapDescription;
import io.affinitygrid.compute.admin.MemberInfo;

/**
 * {@link MapAdmin} and {@link AsyncMapAdmin} over the catalog's administration tasks. Failures are chosen by the
 * grid's error code ({@link FailureTranslator#adminFailure}), never by message text. Thread-safe.
 */
final class ThinClientMapAdmin implements MapAdmin {

    private final ThinClientGridCompute compute;
    private final AsyncMapAdmin async = new AsyncView();

    ThinClientMapAdmin(ThinClientGridCompute compute) {
        this.compute = compute;
    }

    @Override
    public MapDescription create(MapDefinition definition) {
        return await(createAsync(definition), CatalogTasks.CREATE_MAP);
    }

    @Override
    public MapDescription destroy(String name) {
        return await(run(CatalogTasks.DESTROY_MAP, name, name), CatalogTasks.DESTROY_MAP);
    }

    @Override
    public long clear(String name) {
        return await(run(CatalogTasks.CLEAR_MAP, name, name), CatalogTasks.CLEAR_MAP);
    }

    @Override
    public MapDescription describe(String name) {
        return await(run(CatalogTasks.DESCRIBE_MAP, name, name), CatalogTasks.DESCRIBE_MAP);
    }

    @Override
    public List<MemberInfo> members() {
        return await(membersAsync(), CatalogTasks.MEMBERS);
    }

    @Override
    public void stopNode(String nodeName) {
        await(stopNodeAsync(nodeName), CatalogTasks.STOP_NODE);
    }

    @Override
    public AsyncMapAdmin async() {
        return async;
    }

    private CompletableFuture<MapDescription> createAsync(MapDefinition definition) {
        Objects.requireNonNull(definition, "definition must not be null");
        return run(CatalogTasks.CREATE_MAP, definition, definition.name());
    }

    private CompletableFuture<List<MemberInfo>> membersAsync() {
        return run(CatalogTasks.MEMBERS, null, null).thenApply(List::copyOf);
    }

    private CompletableFuture<Void> stopNodeAsync(String nodeName) {
        return run(CatalogTasks.STOP_NODE, nodeName, nodeName).thenApply(name -> null);
    }

    /**
     * Runs an administration task about {@code subject} (a map or a node): a map named by a String argument is
     * checked to exist first; only the tasks that change nothing are sent again after a lost connection.
     */
    private <A, R> CompletableFuture<R> run(TaskRef<A, R> task, A argument, String subject) {
        if (argument instanceof String text) {
            ThinClientGridCompute.requireText(text, task == CatalogTasks.STOP_NODE ? "nodeName" : "name");
        }
        String mapName = argument instanceof String && task != CatalogTasks.STOP_NODE ? subject : null;
        CompletableFuture<R> result = new CompletableFuture<>();
        CompletableFuture<R> started;
        try {
            started = compute.submit(task.name(), argument, mapName, null, CatalogTasks.readOnly().contains(task));
        }
        catch (RuntimeException e) {
            result.completeExceptionally(FailureTranslator.adminFailure(e, subject));
            return result;
        }
        started.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            }
            else {
                result.completeExceptionally(FailureTranslator.adminFailure(Failures.unwrap(error), subject));
            }
        });
        return result;
    }

    private static <T> T await(CompletableFuture<T> future, TaskRef<?, ?> task) {
        return Requests.await(future, "the administration task " + task.name().substring(task.name().lastIndexOf('.') + 1));
    }

    /** The asynchronous view: the same calls, returning at once. */
    private final class AsyncView implements AsyncMapAdmin {

        @Override
        public CompletableFuture<MapDescription> create(MapDefinition definition) {
            return createAsync(definition);
        }

        @Override
        public CompletableFuture<MapDescription> destroy(String name) {
            return run(CatalogTasks.DESTROY_MAP, name, name);
        }

        @Override
        public CompletableFuture<Long> clear(String name) {
            return run(CatalogTasks.CLEAR_MAP, name, name);
        }

        @Override
        public CompletableFuture<MapDescription> describe(String name) {
            return run(CatalogTasks.DESCRIBE_MAP, name, name);
        }

        @Override
        public CompletableFuture<List<MemberInfo>> members() {
            return membersAsync();
        }

        @Override
        public CompletableFuture<Void> stopNode(String nodeName) {
            return stopNodeAsync(nodeName);
        }

        @Override
        public MapAdmin sync() {
            return ThinClientMapAdmin.this;
        }
    }
}
