package io.affinitygrid.client;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A typed view of one map (cache) on the grid, obtained from {@link Grid#map(String, Class, Class)}.
 * Immutable and thread-safe; each call goes to the node that holds the key's partition, and waits for
 * its answer. {@link #async()} gives the same operations returning {@code CompletableFuture}s.
 *
 * <p><b>Arguments.</b> Keys and values must not be null and must be instances of the view's key and value
 * types; otherwise the call throws {@link NullPointerException} or {@link IllegalArgumentException}
 * (naming the map, the expected and the actual type) and nothing is sent. A value larger than
 * {@link GridConfig#maxValueSize()} once serialized (4 MiB by default) is refused the same way, with an
 * {@link IllegalArgumentException} naming its size, the limit and the setting. Collections are checked whole
 * before anything is sent.
 *
 * <p><b>Failures.</b> Every method may throw {@link GridException}: {@link GridUnavailableException} when
 * no node can be reached, {@link UnknownMapException} when the map was destroyed,
 * {@link PartitionLostException} when the key's partition lost every copy, {@link GridCapacityException} when a
 * write is refused because the grid's memory for the map is full (reads and removes still work),
 * {@link GridTimeoutException}
 * when the grid does not answer within the request timeout, and a plain {@code GridException} for
 * anything else (e.g. a closed grid, a value stored under a key that is not of the view's value type),
 * with the grid's cause. Reads and idempotent writes ({@code get}, {@code getAll}, {@code containsKey},
 * {@code size}, {@code put}, {@code putAll}, {@code removeAll}, {@code clear}) are re-sent to another node
 * when the connection to one is lost; the others ({@code putIfAbsent}, {@code replace}, {@code remove},
 * {@code getAndPut}, {@code getAndRemove}) are not, since their result would be wrong if the first attempt
 * was applied: a {@code GridUnavailableException} from one of them means the write may or may not have
 * been applied.
 *
 * <p><b>Near cache.</b> When the {@link GridConfig} gives this map a near cache, {@code get}, {@code getAll}
 * and {@code containsKey} answer from this client's memory for the keys read before and unchanged since
 * (no network call), and every write through this client drops the written keys from it before it returns.
 * Changes made by other clients reach it within the time their notice takes to arrive.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface GridMap<K, V> {

    /** The map's name; never null. */
    String name();

    /**
     * The asynchronous view of this map: the same operations, returning {@code CompletableFuture}s.
     * {@code map.async().sync()} is this map.
     */
    AsyncGridMap<K, V> async();

    /**
     * The value of {@code key}; from the near cache when the map has one and holds the key.
     *
     * @return the value, or {@code null} when the key has none
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     * @throws GridException when the stored value is not of the value type, or the grid fails
     */
    V get(K key);

    /**
     * Values of the given keys; those in the near cache, if any, are not fetched.
     *
     * @param keys the keys, not null and without null elements; may be empty
     * @return a new map owned by the caller; keys with no value are absent from it
     * @throws NullPointerException when {@code keys} is or contains null
     * @throws IllegalArgumentException when a key is not of the key type
     * @throws GridException when a stored value is not of the value type, or the grid fails
     */
    Map<K, V> getAll(Set<? extends K> keys);

    /**
     * Stores {@code value} under {@code key}. When this returns, the write is on the primary and its
     * backups.
     *
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     * @throws GridException when the grid fails, e.g. the value cannot be serialized
     */
    void put(K key, V value);

    /**
     * Stores every entry of {@code entries}. Not atomic: when it fails, some entries may be stored.
     * Send large maps in batches (a few thousand entries).
     *
     * @param entries the entries, not null, without null keys or values; may be empty
     * @throws NullPointerException when {@code entries} is null or holds a null key or value
     * @throws IllegalArgumentException when a key or value is not of its type; nothing is stored then
     * @throws GridException when the grid fails
     */
    void putAll(Map<? extends K, ? extends V> entries);

    /**
     * Stores {@code value} under {@code key} if the key has no value, atomically.
     *
     * @return whether the value was stored
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     * @throws GridException when the grid fails
     */
    boolean putIfAbsent(K key, V value);

    /**
     * Stores {@code value} under {@code key} if the key has a value, atomically.
     *
     * @return whether the value was replaced
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     * @throws GridException when the grid fails
     */
    boolean replace(K key, V value);

    /**
     * Compare-and-set: stores {@code value} under {@code key} if the key's value equals {@code expected},
     * atomically. Values are compared by their serialized form, field by field.
     *
     * @return whether the value was replaced
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when an argument is not of its type
     * @throws GridException when the grid fails
     */
    boolean replace(K key, V expected, V value);

    /**
     * Stores {@code value} under {@code key} and returns the value it replaced, atomically.
     *
     * @return the previous value, or {@code null} when the key had none
     * @throws NullPointerException when {@code key} or {@code value} is null
     * @throws IllegalArgumentException when {@code key} or {@code value} is not of its type
     * @throws GridException when the grid fails, or the previous value is not of the value type (the new
     *         value is stored then)
     */
    V getAndPut(K key, V value);

    /**
     * Removes the value of {@code key} and returns it, atomically.
     *
     * @return the removed value, or {@code null} when the key had none
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     * @throws GridException when the grid fails, or the removed value is not of the value type (it is
     *         removed then)
     */
    V getAndRemove(K key);

    /**
     * Removes the value of {@code key}.
     *
     * @return whether there was one
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     * @throws GridException when the grid fails
     */
    boolean remove(K key);

    /**
     * Removes the value of {@code key} if it equals {@code expected}, atomically. Values are compared by
     * their serialized form, field by field.
     *
     * @return whether the value was removed
     * @throws NullPointerException when {@code key} or {@code expected} is null
     * @throws IllegalArgumentException when {@code key} or {@code expected} is not of its type
     * @throws GridException when the grid fails
     */
    boolean remove(K key, V expected);

    /**
     * Removes the values of the given keys.
     *
     * @param keys the keys, not null and without null elements; may be empty
     * @throws NullPointerException when {@code keys} is or contains null
     * @throws IllegalArgumentException when a key is not of the key type; nothing is removed then
     * @throws GridException when the grid fails
     */
    void removeAll(Collection<? extends K> keys);

    /**
     * Whether {@code key} has a value; {@code true} without a network call when the near cache holds it.
     *
     * @throws NullPointerException when {@code key} is null
     * @throws IllegalArgumentException when {@code key} is not of the key type
     * @throws GridException when the grid fails
     */
    boolean containsKey(K key);

    /**
     * Number of entries in the whole map (primary copies, on every node); entries of any type count.
     *
     * @throws GridException when the grid fails
     */
    long size();

    /**
     * Every entry of the map, read one partition at a time from the node that holds it, as the stream reaches the
     * partition (never one scan of the whole map, which stalls a large grid). Lazy and sequential: close the stream,
     * or stop with {@code limit}, to read no further partitions. Not a snapshot: an entry written or removed while
     * the stream runs may or may not be seen. The near cache is not consulted. Asks the grid for the map's
     * partition count first.
     *
     * <pre>{@code
     * try (Stream<Map.Entry<Long, Order>> entries = orders.entries()) {
     *     entries.filter(e -> e.getValue().amount() > 100).forEach(e -> System.out.println(e.getKey()));
     * }
     * }</pre>
     *
     * @return a stream of immutable entries
     * @throws GridException when the grid fails (from the stream's operations, as a partition is read), a key is not
     *         of the key type, or a value not of the value type
     */
    Stream<Map.Entry<K, V>> entries();

    /**
     * Removes every entry of the map, on every node. Removals are seen by listeners like single removes,
     * so every near cache of the map drops them.
     *
     * @throws GridException when the grid fails
     */
    void clear();
}
