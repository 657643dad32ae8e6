package io.affinitygrid.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapDescription;
import io.affinitygrid.compute.admin.MemberInfo;

/**
 * {@link MapAdmin} with futures: each method returns at once, and its future completes with the result or with the
 * exception the synchronous method would throw (an invalid argument is thrown at once). Thread-safe.
 */
public interface AsyncMapAdmin {

    /** See {@link MapAdmin#create(MapDefinition)}. */
    CompletableFuture<MapDescription> create(MapDefinition definition);

    /** See {@link MapAdmin#destroy(String)}. */
    CompletableFuture<MapDescription> destroy(String name);

    /** See {@link MapAdmin#clear(String)}. */
    CompletableFuture<Long> clear(String name);

    /** See {@link MapAdmin#describe(String)}. */
    CompletableFuture<MapDescription> describe(String name);

    /** See {@link MapAdmin#members()}. */
    CompletableFuture<List<MemberInfo>> members();

    /** See {@link MapAdmin#stopNode(String)}. */
    CompletableFuture<Void> stopNode(String nodeName);

    /** The synchronous view of the same administration. */
    MapAdmin sync();
}
