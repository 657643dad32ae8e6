package io.affinitygrid.faults;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies of one kind of operation, recorded per thread without locks (one instance per thread) and merged
 * for percentiles. Exact: every sample is kept (a million longs is 8 MB).
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void record(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    int count() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.record(part.nanos[i]);
            }
        }
        Arrays.sort(all.nanos, 0, all.size);
        return all;
    }

    /** The p-th percentile (0-100) of a merged, sorted set, in microseconds. */
    double percentileMicros(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return nanos[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }

    /** "p50 123 µs, p90 ..., max ..." of a merged set. */
    String summary() {
        return String.format(Locale.ROOT, "p50 %,.0f µs, p90 %,.0f µs, p99 %,.0f µs, p99.9 %,.0f µs, max %,.0f µs",
                percentileMicros(50), percentileMicros(90), percentileMicros(99), percentileMicros(99.9), percentileMicros(100));
    }
}
