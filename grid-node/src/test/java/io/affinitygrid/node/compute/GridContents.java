package io.affinitygrid.node.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.cache.Cache;

import io.affinitygrid.compute.UpdateTask;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryField;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cluster.ClusterNode;

/**
 * Checks what a cache holds by reading every node's local copies directly ({@code localEntries}), without
 * going through the compute tasks under test: each key must be held exactly once as a primary and
 * {@code backups} times as a backup, every copy equal to what the test expects.
 */
final class GridContents {

    private static final int REPORTED = 10;

    /** Says how an expected value differs from a stored one; {@code null} when they agree. */
    @FunctionalInterface
    interface Comparison<E> {
        String mismatch(E expected, Object stored);
    }

    private GridContents() {
    }

    /** Asserts that every primary and backup copy of every key agrees with {@code expected}, and nothing else is stored. */
    static <K, E> void assertHolds(LocalCluster cluster, String cache, int backups, Map<K, E> expected, Comparison<E> comparison) {
        Map<Object, int[]> copies = new HashMap<>(expected.size() * 2);
        List<String> problems = new ArrayList<>();
        for (GridNode node : cluster.runningNodes()) {
            IgniteCache<Object, Object> local = node.ignite().cache(cache).withKeepBinary();
            for (CachePeekMode mode : List.of(CachePeekMode.PRIMARY, CachePeekMode.BACKUP)) {
                for (Cache.Entry<Object, Object> entry : local.localEntries(mode)) {
                    copies.computeIfAbsent(entry.getKey(), k -> new int[2])[mode == CachePeekMode.PRIMARY ? 0 : 1]++;
                    @SuppressWarnings("SuspiciousMethodCalls")
                    E want = expected.get(entry.getKey());
                    String mismatch = want == null ? "unexpected key" : comparison.mismatch(want, entry.getValue());
                    if (mismatch != null && problems.size() < REPORTED) {
                        problems.add(cache + "/" + entry.getKey() + " (" + mode + " on " + node.settings().nodeName() + "): " + mismatch);
                    }
                }
            }
        }
        for (K key : expected.keySet()) {
            int[] n = copies.getOrDefault(key, new int[2]);
            if ((n[0] != 1 || n[1] != backups) && problems.size() < REPORTED) {
                problems.add(cache + "/" + key + ": " + n[0] + " primary and " + n[1] + " backup copies, expected 1 and " + backups);
            }
        }
        assertThat(problems).as("differences in cache '%s' (first %d)", cache, REPORTED).isEmpty();
        assertThat(copies).as("keys in cache '%s'", cache).hasSameSizeAs(expected);
    }

    /**
     * Compares a stored binary object with the expected fields by name; the bulk-update marker must be present
     * exactly when the expectation has it. Each comparison keeps its own field accessors (looking a field up by
     * name in every object is several times slower), so use a new one for each check.
     */
    static Comparison<Map<String, Object>> sameFields() {
        Map<String, BinaryField> accessors = new HashMap<>();
        return (expected, stored) -> {
            if (!(stored instanceof BinaryObject value)) {
                return "not a binary object: " + stored;
            }
            int typeId = value.type().typeId();
            for (Map.Entry<String, Object> field : expected.entrySet()) {
                Object actual = read(accessors, value, typeId, field.getKey());
                if (!Objects.equals(field.getValue(), actual)) {
                    return field.getKey() + " is " + actual + ", expected " + field.getValue();
                }
            }
            Object marker = expected.containsKey(UpdateTask.MARKER_FIELD) ? null : read(accessors, value, typeId, UpdateTask.MARKER_FIELD);
            return marker == null ? null : UpdateTask.MARKER_FIELD + " is " + marker + ", expected none";
        };
    }

    private static Object read(Map<String, BinaryField> accessors, BinaryObject value, int typeId, String field) {
        return accessors.computeIfAbsent(typeId + "/" + field, k -> value.type().field(field)).value(value);
    }

    /** The stored fields of each order by id: the expectation {@link #assertHolds} takes with {@link #sameFields}. */
    static Map<Long, Map<String, Object>> storedFieldsById(List<Order> orders) {
        Map<Long, Map<String, Object>> byId = new HashMap<>(orders.size() * 2);
        orders.forEach(o -> byId.put(o.id(), o.storedFields()));
        return byId;
    }

    /**
     * Waits until a cache is fully rebalanced over every running node: each node is primary for some of
     * its entries (late affinity has switched to the new nodes) and the primary and backup copies add up to
     * {@code entries} each.
     */
    static Duration awaitRebalanced(LocalCluster cluster, String cache, long entries, int backups, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (GridNode node : cluster.runningNodes()) {
            node.ignite().cache(cache).rebalance().get(timeout.toMillis());
        }
        String state = "";
        while (System.nanoTime() < deadline) {
            long primary = 0;
            long backup = 0;
            boolean everyNodePrimary = true;
            for (GridNode node : cluster.runningNodes()) {
                IgniteCache<Object, Object> c = node.ignite().cache(cache);
                int p = c.localSize(CachePeekMode.PRIMARY);
                everyNodePrimary &= p > 0 || entries == 0;
                primary += p;
                backup += c.localSize(CachePeekMode.BACKUP);
            }
            long topologies = cluster.runningNodes().stream().map(n -> n.ignite().cluster().topologyVersion()).distinct().count();
            state = "primary=" + primary + ", backup=" + backup + ", every node primary: " + everyNodePrimary
                    + ", topology versions seen: " + topologies;
            if (everyNodePrimary && topologies == 1 && primary == entries && backup == entries * backups) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(25);
        }
        throw new AssertionError("Cache '" + cache + "' not rebalanced within " + timeout + ": " + state);
    }

    /** The consistent id of the node that is primary for a key, as node 0 sees it. */
    static String primaryOf(LocalCluster cluster, String cache, Object key) {
        ClusterNode primary = cluster.runningNodes().get(0).ignite().affinity(cache).mapKeyToNode(key);
        return String.valueOf(primary.consistentId());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
