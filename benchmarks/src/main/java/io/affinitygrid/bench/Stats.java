package io.affinitygrid.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Median and spread (min–max) of the measured runs of one quantity. Immutable.
 *
 * @param median median of the runs
 * @param min smallest run
 * @param max largest run
 * @param runs number of runs kept (warm-up runs are not)
 */
public record Stats(double median, double min, double max, int runs) {

    /** The statistics of the given samples, at least one. */
    public static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("No samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1], n);
    }

    /** Runs {@code measurement} {@code warmup} times, discarding the values, then {@code runs} times, keeping them. */
    public static Stats measure(int warmup, int runs, DoubleSupplier measurement) {
        for (int i = 0; i < warmup; i++) {
            measurement.getAsDouble();
        }
        double[] samples = new double[runs];
        for (int i = 0; i < runs; i++) {
            samples[i] = measurement.getAsDouble();
        }
        return of(samples);
    }

    /**
     * Like {@link #measure}, for a measurement that yields several quantities per run (e.g. the subject and its
     * baseline, run one after the other so that both see the same machine state).
     */
    public static Stats[] measureEach(int warmup, int runs, Supplier<double[]> measurement) {
        for (int i = 0; i < warmup; i++) {
            measurement.get();
        }
        double[][] samples = null;
        for (int i = 0; i < runs; i++) {
            double[] values = measurement.get();
            if (samples == null) {
                samples = new double[values.length][runs];
            }
            for (int q = 0; q < values.length; q++) {
                samples[q][i] = values[q];
            }
        }
        Stats[] stats = new Stats[samples.length];
        for (int q = 0; q < stats.length; q++) {
            stats[q] = of(samples[q]);
        }
        return stats;
    }

    /** Milliseconds since {@code startNanos}. */
    public static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
