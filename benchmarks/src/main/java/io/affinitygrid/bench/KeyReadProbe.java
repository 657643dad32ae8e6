package io.affinitygrid.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.affinitygrid.client.GridMap;

/**
 * Where a get's CPU goes, with {@code grid.client.inline-reads} off and on, side by side: two clusters of 3 node
 * processes (100,000 {@code kv} keys of 100 B each) run at once, and each run measures the gets of 8 and 64 callers
 * (one SDK connection each side) on one cluster, then the other, then Redis ({@code redis-benchmark}, same callers
 * and keys) when it is installed. Per run it records throughput, and per get the CPU time of the node processes and
 * of this JVM ({@code /proc/<pid>/stat}) and the context switches of the node processes' threads. Prints medians.
 *
 * <pre>java @config/jvm.options -Xmx2g -cp benchmarks/target/benchmarks.jar io.affinitygrid.bench.KeyReadProbe \
 *     [gets per run, 40000] [runs, 5] [warm-up runs, 3]</pre>
 */
public final class KeyReadProbe {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private KeyReadProbe() {
    }

    public static void main(String[] args) {
        int gets = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        BenchOptions options = BenchOptions.parse("--entries", "100000");
        try (BenchCluster pooled = BenchCluster.start(3, options, true, false, List.of("--grid.client.inline-reads=false"));
             BenchCluster inline = BenchCluster.start(3, options, true, false, List.of("--grid.client.inline-reads=true"))) {
            Optional<RedisServer> redis = RedisServer.start();
            try {
                redis.ifPresent(r -> r.prefill(inline.kvKeys(), options.valueSize()));
                System.out.printf("%,d gets per run, %d runs after %d warm-up runs; medians%n%n", gets, runs, warmup);
                System.out.println("| callers | inline-reads | gets/s | Redis gets/s | grid ÷ Redis | node CPU µs/get | "
                        + "client CPU µs/get | node context switches/get |");
                System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
                for (int callers : new int[] {8, 64}) {
                    double[][] samples = new double[runs][];
                    for (int r = -warmup; r < runs; r++) {
                        Sample off = measure(pooled, callers, gets);
                        Sample on = measure(inline, callers, gets);
                        double redisGets = redis.map(s -> s.benchmark(callers, gets, options.valueSize(), inline.kvKeys()).get("GET"))
                                .orElse(Double.NaN);
                        if (r >= 0) {
                            samples[r] = new double[] {off.getsPerSecond, off.nodeMicros, off.clientMicros, off.switches,
                                    on.getsPerSecond, on.nodeMicros, on.clientMicros, on.switches, redisGets};
                        }
                    }
                    double redisGets = median(samples, 8);
                    for (int side = 0; side < 2; side++) {
                        int at = side * 4;
                        System.out.printf("| %d | %s | %,.0f | %,.0f | %.2f | %.1f | %.1f | %.2f |%n", callers,
                                side == 0 ? "false" : "true", median(samples, at), redisGets,
                                median(samples, at) / redisGets, median(samples, at + 1), median(samples, at + 2),
                                median(samples, at + 3));
                    }
                }
            }
            finally {
                redis.ifPresent(RedisServer::close);
            }
        }
    }

    private record Sample(double getsPerSecond, double nodeMicros, double clientMicros, double switches) {
    }

    private static Sample measure(BenchCluster cluster, int callers, int gets) {
        GridMap<Long, byte[]> kv = cluster.grid().map(BenchCluster.KV, Long.class, byte[].class);
        long[] nodesBefore = nodeCounters(cluster.nodePids());
        long clientBefore = clientCpuNanos();
        double getsPerSecond = throughput(callers, gets, cluster.kvKeys(), kv);
        long clientNanos = clientCpuNanos() - clientBefore;
        long[] nodesAfter = nodeCounters(cluster.nodePids());
        double nodeMicros = (nodesAfter[0] - nodesBefore[0]) * (1e6 / CLOCK_TICKS_PER_SECOND) / gets;
        return new Sample(getsPerSecond, nodeMicros, clientNanos / 1e3 / gets, (nodesAfter[1] - nodesBefore[1]) / (double) gets);
    }

    private static double throughput(int callers, int gets, int keys, GridMap<Long, byte[]> kv) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                SplittableRandom random = new SplittableRandom(t);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < gets / callers; i++) {
                        kv.get(random.nextLong(keys));
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            return gets / callers * callers / ((System.nanoTime() - start) / 1e9);
        }
        catch (Exception e) {
            throw new IllegalStateException("A caller failed", e);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** CPU clock ticks (user + system) and context switches of every thread, summed over the processes. */
    private static long[] nodeCounters(List<Long> pids) {
        long ticks = 0;
        long switches = 0;
        try {
            for (long pid : pids) {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                    for (Path thread : threads.toList()) {
                        switches += contextSwitches(thread);
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {ticks, switches};
    }

    private static long contextSwitches(Path thread) {
        long switches = 0;
        try {
            for (String line : Files.readAllLines(thread.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                    switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        }
        catch (IOException e) {
            // the thread ended between listing and reading
        }
        return switches;
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[][] samples, int column) {
        double[] values = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = samples[i][column];
        }
        return Stats.of(values).median();
    }
}
