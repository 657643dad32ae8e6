package io.affinitygrid.client;

import java.util.List;
import java.util.function.Consumer;

import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.compute.WordCount;

/**
 * The entries of one map, optionally narrowed by a filter, over which the catalog's computations run. Each
 * computation is a partition map-reduce: every partition is scanned by its primary node, reading fields from
 * the stored binary form of the values, and only partial results travel; each partition is counted exactly
 * once even if a node leaves mid-run.
 *
 * <p>Immutable and thread-safe: {@link #where(String)} and {@link #onProgress(Consumer)} return new scopes.
 * Every computation fails with {@link UnknownMapException} when the map does not exist, with
 * {@link TaskFailedException} (carrying the node's explanation) for a field that no entry has, a field of
 * the wrong type or a filter that does not fit the data, and with {@link GridException} when the grid cannot
 * be reached. Arguments are checked before anything is sent: null and blank names fail with
 * {@link NullPointerException} and {@link IllegalArgumentException}.
 */
public interface ComputeScope {

    /** The map this scope covers. */
    String mapName();

    /**
     * A scope narrowed to the entries that match a filter: comparisons {@code field op value} ({@code op} one of
     * {@code = != < <= > >=}), {@code field in (a, b)}, {@code field between low and high}, {@code field starts with
     * text}, combined with {@code and}, {@code or}, {@code not} and parentheses, e.g. {@code "amount > 100"} or
     * {@code "region in (north, east) and not quantity between 1 and 3"} (see {@code Filter}). A numeric field is
     * compared as a number, anything else as text. Replaces any earlier filter. The filter is read here, before
     * anything is sent.
     *
     * @throws IllegalArgumentException when the filter cannot be read, naming the position and what was expected
     */
    ComputeScope where(String filter);

    /**
     * A scope whose computations report their progress (partitions done of the total) to {@code listener},
     * from a background thread, a few times a second while they run.
     */
    ComputeScope onProgress(Consumer<TaskProgress> listener);

    /** The same scope, whose computations return {@link java.util.concurrent.CompletableFuture}s. */
    AsyncComputeScope async();

    /** Number of entries (matching the filter). */
    long count();

    /** Count and exact sum of a numeric field. */
    SumResult sum(String field);

    /** Sum, min, max and average of a numeric field. */
    FieldStats stats(String field);

    /** Groups by {@code groupBy}, with each group's count; largest groups first. */
    List<GroupRow> groupBy(String groupBy);

    /** Groups by {@code groupBy}, with each group's count and the sum of numeric field {@code sumField}. */
    List<GroupRow> groupBy(String groupBy, String sumField);

    /**
     * The {@code n} entries with the largest values of {@code field}, largest first.
     *
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    List<TopEntry> top(String field, int n);

    /**
     * The {@code n} entries with the smallest values of {@code field}, smallest first.
     *
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    List<TopEntry> bottom(String field, int n);

    /** Exact number of distinct values of {@code field}. */
    long distinct(String field);

    /**
     * The {@code n} most frequent words of text field {@code field} (use {@code _value} for maps of plain
     * strings), most frequent first.
     *
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    List<WordCount> wordCount(String field, int n);

    /**
     * Multiplies numeric field {@code field} by {@code factor} in every entry (matching the filter), in
     * place on the nodes that own the entries, atomically per entry and exactly once per entry, even when a
     * node leaves mid-run or the request is retried: each updated value records the operation's id in its
     * {@code _lastUpdate} field. Integral fields are rounded half up. When the node that received the update
     * leaves while it runs, the SDK sends it again, with the same operation id, to another node.
     *
     * @throws IllegalArgumentException when {@code factor} is not a finite number
     */
    UpdateResult multiply(String field, double factor);
}
