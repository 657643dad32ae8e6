package io.affinitygrid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.affinitygrid.client.GridMap;

/**
 * (d) Get/put throughput at 1, 8 and 64 concurrent callers vs Redis. The grid side is N threads sharing one SDK
 * connection, each doing synchronous gets (then puts) of random keys of the {@code kv} map ({@code valueSize}-byte
 * values), {@code ops} calls in all per run; throughput = calls ÷ wall time. Redis: a local {@code redis-server}
 * (no persistence) measured by {@code redis-benchmark -c N -d valueSize -n ops -r keys -t set,get}, one invocation
 * per run, after the grid's in the same run (interleaved), against a server pre-filled with every key it reads.
 * Grid puts are {@code FULL_SYNC} to one backup; Redis has no replica.
 */
final class ThroughputScenario {

    static final Target GET_TARGET = Target.atLeast(0.5);
    static final Target GET_TARGET_64 = Target.atLeast(1);
    static final int[] CONCURRENCY = {1, 8, 64};

    private final BenchOptions options;

    ThroughputScenario(BenchOptions options) {
        this.options = options;
    }

    void run(BenchCluster cluster, Table table) {
        GridMap<Long, byte[]> kv = cluster.grid().map(BenchCluster.KV, Long.class, byte[].class);
        Optional<RedisServer> redis = RedisServer.start();
        try {
            redis.ifPresent(r -> r.prefill(cluster.kvKeys(), options.valueSize()));
            for (int callers : CONCURRENCY) {
                String what = callers + " caller" + (callers == 1 ? "" : "s") + ", " + options.valueSize() + " B values";
                String connections = "grid: " + callers + " threads share one SDK connection (a socket per node, "
                        + cluster.nodes() + " in all, requests multiplexed); Redis: redis-benchmark -c " + callers + " ("
                        + callers + " connections, one request in flight each); every key read was written before";
                // each run measures the grid and then Redis, so both see the same machine load
                Stats[] s = Stats.measureEach(options.warmup(), options.runs(), () -> {
                    double get = throughput(callers, key -> kv.get(key), cluster.kvKeys());
                    double put = throughput(callers, key -> kv.put(key, BenchCluster.value(key, options.valueSize())), cluster.kvKeys());
                    if (redis.isEmpty()) {
                        return new double[] {get, put};
                    }
                    Map<String, Double> rps = redis.get().benchmark(callers, options.ops(), options.valueSize(), cluster.kvKeys());
                    return new double[] {get, put, rps.get("GET"), rps.get("SET")};
                });
                Target getTarget = callers >= 64 ? GET_TARGET_64 : callers >= 8 ? GET_TARGET : null;
                if (redis.isPresent()) {
                    table.add(Row.subjectOverBaseline("d", "get throughput, ops/s, " + what, "grid", s[0],
                            "Redis", s[2], getTarget, connections));
                    table.add(Row.subjectOverBaseline("d", "put throughput, ops/s, " + what, "grid", s[1],
                            "Redis", s[3], null, "grid put waits for its backup copy (FULL_SYNC); Redis has no replica"));
                }
                else {
                    table.add(Row.unavailable("d", "get throughput, ops/s, " + what, "grid", s[0], "Redis",
                            getTarget, RedisServer.NOT_INSTALLED));
                    table.add(Row.unavailable("d", "put throughput, ops/s, " + what, "grid", s[1], "Redis",
                            null, RedisServer.NOT_INSTALLED));
                }
            }
        }
        finally {
            redis.ifPresent(RedisServer::close);
        }
    }

    /** Calls per second when {@code callers} threads share {@code ops} calls on random keys. */
    private double throughput(int callers, KeyCall call, int keys) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                int calls = options.ops() / callers + (t < options.ops() % callers ? 1 : 0);
                SplittableRandom random = new SplittableRandom(t);
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < calls; i++) {
                        call.on(random.nextLong(keys));
                    }
                    return null;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            return options.ops() / ((System.nanoTime() - start) / 1e9);
        }
        catch (Exception e) {
            throw new IllegalStateException("A caller failed", e);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface KeyCall {
        void on(long key);
    }
}
