package io.affinitygrid.bench;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import io.affinitygrid.client.GridMap;
import org.apache.ignite.client.ClientCache;

/**
 * (b) SDK vs raw thin client. One caller thread does {@code ops} gets (then puts) of random orders through the
 * SDK's {@code GridMap} and through a raw {@code IgniteClient} {@code ClientCache} on the same cluster, interleaved
 * call by call (SDK, raw, raw, SDK, ...) so that both see the same machine load. Each call is timed: a run gives
 * each side's median latency, and its throughput = calls ÷ the summed time of its calls (one caller, so one call
 * at a time). Puts write back the value the key already has.
 */
final class ClientOverheadScenario {

    static final Target LATENCY_TARGET = Target.atMost(1.05);
    static final Target THROUGHPUT_TARGET = Target.atLeast(0.95);

    private final BenchOptions options;

    ClientOverheadScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster cluster, Table table) {
        GridMap<Long, Order> sdk = cluster.orders();
        ClientCache<Long, Order> raw = cluster.raw().cache(BenchCluster.ORDERS);
        long entries = cluster.entries();
        Stats[] get = Stats.measureEach(options.warmup(), options.runs(),
                () -> interleaved(sdk::get, raw::get, entries));
        Stats[] put = Stats.measureEach(options.warmup(), options.runs(),
                () -> interleaved(key -> sdk.put(key, Order.generate(key)), key -> raw.put(key, Order.generate(key)), entries));
        report(table, "get", get);
        report(table, "put", put);
    }

    private static void report(Table table, String op, Stats[] s) {
        table.add(Row.subjectOverBaseline("b", op + " latency (median of a run), µs", "SDK", s[0], "raw client", s[2],
                LATENCY_TARGET, "1 caller, random keys, calls interleaved"));
        table.add(Row.subjectOverBaseline("b", op + " throughput, ops/s", "SDK", s[1], "raw client", s[3],
                THROUGHPUT_TARGET, "1 caller: calls ÷ time in calls"));
    }

    /** {@code ops} calls of each on the same random keys: {SDK median µs, SDK ops/s, raw median µs, raw ops/s}. */
    private double[] interleaved(LongConsumer sdk, LongConsumer raw, long entries) {
        SplittableRandom random = new SplittableRandom(42);
        int ops = options.ops();
        double[] sdkMicros = new double[ops];
        double[] rawMicros = new double[ops];
        for (int i = 0; i < ops; i++) {
            long key = random.nextLong(entries);
            if (i % 2 == 0) {
                sdkMicros[i] = micros(sdk, key);
                rawMicros[i] = micros(raw, key);
            }
            else {
                rawMicros[i] = micros(raw, key);
                sdkMicros[i] = micros(sdk, key);
            }
        }
        return new double[] {Stats.of(sdkMicros).median(), throughput(sdkMicros), Stats.of(rawMicros).median(), throughput(rawMicros)};
    }

    private static double micros(LongConsumer call, long key) {
        long start = System.nanoTime();
        call.accept(key);
        return (System.nanoTime() - start) / 1e3;
    }

    private static double throughput(double[] micros) {
        double total = 0;
        for (double m : micros) {
            total += m;
        }
        return micros.length / (total / 1e6);
    }
}
