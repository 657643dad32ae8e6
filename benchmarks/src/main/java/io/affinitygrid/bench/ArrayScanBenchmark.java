package io.affinitygrid.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro-benchmark of the scan ceiling for scenario (e): summing the amounts of {@code size} orders held in one
 * process, as a {@code double[]} and as an {@code Order[]} (objects allocated in key order, the best case for the
 * cache). Run by {@link ScanCeilingScenario}; time per full scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArrayScanBenchmark {

    /** Number of orders; set from {@code --entries}. */
    @Param("1000000")
    public int size;

    private double[] amounts;
    private Order[] orders;

    @Setup
    public void setUp() {
        amounts = new double[size];
        orders = new Order[size];
        for (int i = 0; i < size; i++) {
            orders[i] = Order.generate(i);
            amounts[i] = orders[i].amount();
        }
    }

    @Benchmark
    public double sumDoubleArray() {
        double sum = 0;
        for (double amount : amounts) {
            sum += amount;
        }
        return sum;
    }

    @Benchmark
    public double sumOrderArray() {
        double sum = 0;
        for (Order order : orders) {
            sum += order.amount();
        }
        return sum;
    }
}
