package io.affinitygrid.shell.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

import io.affinitygrid.client.GridMap;

/**
 * Loads the sample data sets into a map of the grid, keys {@code 1..count}, each entry generated from one
 * seed, so that loading twice writes the same data: orders ({@link SampleOrder#generate(long, long)}) or
 * lines of text ({@link SampleText#line(long, long)}). Thread-safe (stateless).
 */
public final class SampleData {

    /** Seed of the sample data set the shell loads. */
    public static final long SEED = 20_240_601L;

    /** Number of entries sent in one {@code putAll}. */
    public static final int BATCH_SIZE = 1000;

    private final long seed;

    public SampleData(long seed) {
        this.seed = seed;
    }

    /** The sample data set the shell loads, of seed {@link #SEED}. */
    public static SampleData standard() {
        return new SampleData(SEED);
    }

    /** The order of this data set with the given id. */
    public SampleOrder order(long id) {
        return SampleOrder.generate(seed, id);
    }

    /** The line of text of this data set with the given id. */
    public String line(long id) {
        return SampleText.line(seed, id);
    }

    /**
     * Puts orders {@code 1..count} into {@code orders}, {@value #BATCH_SIZE} at a time.
     *
     * @param progress told the number of orders loaded so far after each batch; may be a no-op
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public void load(GridMap<Long, SampleOrder> orders, long count, LongConsumer progress) {
        load(orders, count, this::order, progress);
    }

    /**
     * Puts lines {@code 1..count} into {@code lines}, {@value #BATCH_SIZE} at a time.
     *
     * @param progress told the number of lines loaded so far after each batch; may be a no-op
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public void loadLines(GridMap<Long, String> lines, long count, LongConsumer progress) {
        load(lines, count, this::line, progress);
    }

    private static <V> void load(GridMap<Long, V> map, long count, LongFunction<V> generator, LongConsumer progress) {
        if (count < 0) {
            throw new IllegalArgumentException("The number of entries must not be negative, got " + count);
        }
        long loaded = 0;
        while (loaded < count) {
            int batch = (int) Math.min(BATCH_SIZE, count - loaded);
            Map<Long, V> entries = new LinkedHashMap<>(batch * 2);
            for (long id = loaded + 1; id <= loaded + batch; id++) {
                entries.put(id, generator.apply(id));
            }
            map.putAll(entries);
            loaded += batch;
            progress.accept(loaded);
        }
    }
}
