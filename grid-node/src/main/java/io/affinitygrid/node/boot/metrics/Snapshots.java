package io.affinitygrid.node.boot.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures read from Ignite at most once per period and key, so that the meters of one scrape share one snapshot
 * (Ignite's {@code localMetrics()} costs milliseconds per call) and agree with each other. Thread-safe.
 *
 * <p>Holds only the figures, never the {@link Ignite} they were read from: meters keep the node weakly and pass
 * it in on each read. While the node cannot answer (stopping, stopped), gauges read {@code NaN} and counters
 * keep their last value.
 *
 * @param <K> what is read, e.g. a cache name
 * @param <V> the snapshot of figures, plain data
 */
final class Snapshots<K, V> {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private final long periodNanos;
    private final BiFunction<Ignite, K, V> reader;
    private final Map<K, Read<V>> reads = new ConcurrentHashMap<>();

    /**
     * @param period how long a snapshot is reused
     * @param reader reads a snapshot from the node; may throw while the node is stopping or stopped
     */
    Snapshots(Duration period, BiFunction<Ignite, K, V> reader) {
        this.periodNanos = period.toNanos();
        this.reader = reader;
    }

    /** A gauge's value: the figure of a recent snapshot, or {@code NaN} while the node cannot answer. */
    double gauge(Ignite ignite, K key, ToDoubleFunction<V> figure) {
        Read<V> read = read(ignite, key);
        return read.current ? figure.applyAsDouble(read.value) : Double.NaN;
    }

    /** A counter's value: the figure of a recent snapshot, or of the last one read (0 before any). */
    double counter(Ignite ignite, K key, ToDoubleFunction<V> figure) {
        Read<V> read = read(ignite, key);
        return read.value == null ? 0 : figure.applyAsDouble(read.value);
    }

    /** {@link #counter} for whole counts. */
    long count(Ignite ignite, K key, ToLongFunction<V> figure) {
        Read<V> read = read(ignite, key);
        return read.value == null ? 0 : figure.applyAsLong(read.value);
    }

    private Read<V> read(Ignite ignite, K key) {
        long now = System.nanoTime();
        Read<V> last = reads.get(key);
        if (last != null && now - last.at < periodNanos) {
            return last;
        }
        Read<V> next;
        try {
            V value = reader.apply(ignite, key);
            next = value == null ? Read.unavailable(last, now) : new Read<>(value, true, now);
        }
        catch (RuntimeException e) {
            // The node is stopping or stopped, or the cache was destroyed: no current figures.
            log.debug("Cannot read metrics of {} from node '{}': {}", key, name(ignite), e.toString());
            next = Read.unavailable(last, now);
        }
        reads.put(key, next);
        return next;
    }

    private static String name(Ignite ignite) {
        try {
            return ignite.name();
        }
        catch (RuntimeException e) {
            return "?";
        }
    }

    /** One snapshot: its figures (the last good ones when not current) and when it was taken. */
    private record Read<V>(V value, boolean current, long at) {

        static <V> Read<V> unavailable(Read<V> last, long at) {
            return new Read<>(last == null ? null : last.value, false, at);
        }
    }
}
