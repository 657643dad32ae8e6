package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridException;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.PartitionLostException;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.compute.UpdateResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Node failures on three grid-node processes, in the order an operator would live them: a node is killed
 * (SIGKILL) while a client writes, then restarted and rebalanced; another is killed while a partition
 * map-reduce runs on a third node; then the node that received several running sums and a running bulk update is
 * killed (the SDK sends those computations again); finally two of the three are killed
 * at once, and every copy of some partitions is gone. Each step builds on the state the previous one left, so the
 * methods run in order; each step that kills one node restarts it.
 */
@Tag("fault")
@Order(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

    private static final int ORDERS = 50_000;
    private static final int WRITERS = 8;
    private static final int CONCURRENT_SUMS = 6;
    private static final int PRICES = 50_000;
    private static final double UPDATE_FACTOR = 1.5;
    /** The SDK's meter of computations sent again after their node was lost. */
    private static final String RETRIES = "grid.client.compute.retries";
    private static final String RESENT_PARTITIONS = "grid_compute_resent_partitions_total";
    /** A killed process is seen at once; a bound for the pause that still fails a hung cluster quickly. */
    private static final Duration MAX_FAILOVER_PAUSE = Duration.ofSeconds(45);
    private static final Duration REBALANCE_TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final ClusterExtension grid = ClusterExtension.exclusive(() -> ProcessCluster.builder("failover")
            .cache("orders", 1, 1024)
            .cache("acks", 1, 256)
            .cache("prices", 1, 1024));

    private static Grid client;
    private static GridMap<Long, Purchase> orders;
    private static GridMap<Long, Long> acks;
    /** Every write the grid acknowledged: key to value. Keys are never written twice. */
    private static final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
    private static SumResult before;

    @BeforeAll
    static void loadOrders() {
        client = grid.cluster().connect();
        orders = client.map("orders", Long.class, Purchase.class);
        acks = client.map("acks", Long.class, Long.class);
        Purchase.putStandard(orders, ORDERS);
        before = client.compute().on("orders").sum("amount");
        assertThat(before.count()).isEqualTo(ORDERS);
        assertThat(before.sum().longValueExact()).isEqualTo(Purchase.standardSum(ORDERS));
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    /** (a) kill -9 of one node while 8 threads write: nothing acknowledged is lost, and writes resume. */
    @Test
    @Order(1)
    void acknowledgedWritesSurviveTheKillOfANode() throws Exception {
        ProcessCluster cluster = grid.cluster();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<long[]> ackTimes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            long base = (t + 1) * 1_000_000_000L;
            SplittableRandom random = new SplittableRandom(t);
            running.add(writers.submit(() -> {
                long[] times = new long[1 << 16];
                int n = 0;
                for (long seq = 0; !stop.get(); seq++) {
                    long key = base + seq;
                    long value = random.nextLong();
                    try {
                        acks.put(key, value);
                        acknowledged.put(key, value);
                        if (n == times.length) {
                            times = java.util.Arrays.copyOf(times, n * 2);
                        }
                        times[n++] = System.nanoTime();
                    }
                    catch (GridException e) {
                        errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                ackTimes.add(java.util.Arrays.copyOf(times, n));
            }));
        }
        Thread.sleep(3000);
        int beforeKill = acknowledged.size();
        long killedAt = System.nanoTime();
        cluster.kill(2);
        Report.line("(a) killed " + cluster.node(2).name() + " with SIGKILL after " + beforeKill + " acknowledged writes");
        // keep writing until writes have clearly resumed: 3 s and 1,000 acknowledgements after the kill
        long deadline = System.nanoTime() + MAX_FAILOVER_PAUSE.toNanos() + TimeUnit.SECONDS.toNanos(10);
        while ((System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(3) || acknowledged.size() < beforeKill + 1000)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writers.shutdown();

        long[] times = ackTimes.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        long pause = 0;
        long pauseStart = 0;
        for (int i = 1; i < times.length; i++) {
            if (times[i] > killedAt - TimeUnit.SECONDS.toNanos(1) && times[i] - times[i - 1] > pause) {
                pause = times[i] - times[i - 1];
                pauseStart = times[i - 1];
            }
        }
        long afterKill = java.util.Arrays.stream(times).filter(time -> time > killedAt).count();
        Report.line(String.format("(a) writes: %,d acknowledged (%,d after the kill), %,d failed; failover pause (longest gap"
                        + " between acknowledged writes) %,d ms, starting %,d ms after the kill",
                acknowledged.size(), afterKill, errors.size(), pause / 1_000_000, (pauseStart - killedAt) / 1_000_000));
        errors.stream().limit(5).forEach(error -> Report.line("(a)   failed write: " + error));

        assertThat(afterKill).as("writes resumed after the kill").isGreaterThanOrEqualTo(1000);
        assertThat(Duration.ofNanos(pause)).as("failover pause").isLessThan(MAX_FAILOVER_PAUSE);
        assertEveryAcknowledgedWriteIsThere("(a)");
        assertThat(client.compute().on("orders").sum("amount")).as("sum of the orders on two nodes").isEqualTo(before);
    }

    /** (c) the killed node comes back, rebalancing completes, and every entry is intact. */
    @Test
    @Order(2)
    void theKilledNodeRejoinsAndRebalances() throws Exception {
        ProcessCluster cluster = grid.cluster();
        long restarted = System.nanoTime();
        cluster.restart(2);
        cluster.awaitTopology(3, ClusterExtension.START_TIMEOUT);
        long joined = System.nanoTime();
        cluster.awaitReady(3, ClusterExtension.START_TIMEOUT);
        cluster.awaitRebalanced(3, REBALANCE_TIMEOUT);
        long rebalanced = System.nanoTime();
        Report.line(String.format("(c) %s restarted: in the topology after %,d ms, rebalancing complete %,d ms after joining (%,d orders"
                        + " + %,d acks entries, 1,024 + 256 partitions, 1 backup)", cluster.node(2).name(), (joined - restarted) / 1_000_000,
                (rebalanced - joined) / 1_000_000, ORDERS, acknowledged.size()));

        assertEveryAcknowledgedWriteIsThere("(c)");
        assertThat(client.compute().on("orders").sum("amount")).isEqualTo(before);
        for (long id = 0; id < ORDERS; id += 97) {
            assertThat(orders.get(id)).isEqualTo(Purchase.standard(id));
        }
    }

    /**
     * (b) a partition map-reduce running when a node dies counts every partition exactly once. The client talks to
     * one node only (partition awareness off), so the node killed is surely not the one running the sum's reduce:
     * the nodes absorb the loss (the partitions of the dead node are computed again on their new primaries), and
     * the SDK has nothing to send again. The victim is frozen (SIGSTOP) just before the sum starts and killed
     * (SIGKILL) while the sum waits for it, so the kill always lands before its share is done. The receiving node's
     * count of partitions sent again must have grown: the exactly-once path ran, not only the answer came out right.
     */
    @Test
    @Order(3)
    void aMapReduceRunningWhenAnotherNodeDiesReturnsTheExactResult() throws Exception {
        ProcessCluster cluster = grid.cluster();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Grid single = Grid.connect(cluster.clientConfig().partitionAwareness(false).meterRegistry(registry).build())) {
            int receiving = taskNode(single, cluster);
            int victim = receiving % 3 + 1;
            double resentBefore = cluster.meter(receiving, RESENT_PARTITIONS);
            AtomicReference<TaskProgress> progress = new AtomicReference<>();
            // frozen first (SIGSTOP), so that its share of the sum cannot finish before the SIGKILL, however fast
            cluster.node(victim).freeze();
            CompletableFuture<SumResult> sum = single.compute().on("orders").onProgress(progress::set).async().sum("amount");
            long started = System.nanoTime();
            awaitFirstPartitions(sum, progress, started);
            TaskProgress atKill = progress.get();
            boolean inFlight = !sum.isDone();
            cluster.kill(victim);
            SumResult result = sum.get(3, TimeUnit.MINUTES);
            double resent = retries(registry);
            double resentPartitions = cluster.meter(receiving, RESENT_PARTITIONS) - resentBefore;
            Report.line("(b) killed " + cluster.node(victim).name() + " while a sum received by " + cluster.node(receiving).name() + " ran ("
                    + (inFlight ? "in flight, progress " + atKill : "already done") + ", " + (System.nanoTime() - started) / 1_000_000
                    + " ms after it started): " + result + "; partitions sent again by the receiving node: " + (long) resentPartitions
                    + "; computations sent again by the SDK: " + (long) resent);
            assertThat(inFlight).as("the sum was still running when the node was killed (%s)", atKill).isTrue();
            assertThat(result).as("the sum computed across the kill").isEqualTo(before);
            assertThat(resent).as("the receiving node survived: nothing to send again").isZero();
            assertThat(resentPartitions).as("partitions the receiving node sent again after the kill (the exactly-once path ran)")
                    .isPositive();
            assertThat(single.compute().on("orders").sum("amount")).as("the sum on the two remaining nodes").isEqualTo(before);
            restartAndRebalance(cluster, victim, "(b)");
        }
    }

    /**
     * (e) and (f) share one kill, since each restart costs a JVM start and a rebalance. The node that received a
     * bulk update (multiply every price's amount by 1.5) and several sums (it runs their reduces) is killed while
     * they all run. (e): the SDK sends each sum again to another node, within the request timeout, and every one
     * returns the exact sum; the retry counter shows that the failover path ran. (f): the SDK sends the update
     * again with the same operation id, and afterwards every entry has been updated exactly once: each amount is
     * checked against the value computed here from the original data.
     */
    @Test
    @Order(4)
    void sumsAndABulkUpdateWhoseNodeDiesAreSentAgainAndComeOutExact() throws Exception {
        ProcessCluster cluster = grid.cluster();
        GridMap<Long, Purchase> prices = client.map("prices", Long.class, Purchase.class);
        Purchase.putStandard(prices, PRICES);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Grid single = Grid.connect(cluster.clientConfig().partitionAwareness(false).meterRegistry(registry).build())) {
            int victim = taskNode(single, cluster);
            AtomicReference<TaskProgress> updateProgress = new AtomicReference<>();
            CompletableFuture<UpdateResult> update = single.compute().on("prices").onProgress(updateProgress::set).async()
                    .multiply("amount", UPDATE_FACTOR);
            long updateStarted = System.nanoTime();
            // the update takes several seconds: the sums start as soon as entries hold their new amount
            awaitSomeUpdated(update, prices, updateStarted);
            AtomicReference<TaskProgress> sumProgress = new AtomicReference<>();
            List<CompletableFuture<SumResult>> sums = new ArrayList<>();
            sums.add(single.compute().on("orders").onProgress(sumProgress::set).async().sum("amount"));
            for (int i = 1; i < CONCURRENT_SUMS; i++) {
                sums.add(single.compute().on("orders").async().sum("amount"));
            }
            awaitFirstPartitions(sums.get(0), sumProgress, System.nanoTime());
            long running = sums.stream().filter(sum -> !sum.isDone()).count();
            TaskProgress sumAtKill = sumProgress.get();
            TaskProgress updateAtKill = updateProgress.get();
            boolean updateInFlight = !update.isDone();
            long killedAt = System.nanoTime();
            cluster.kill(victim);
            List<SumResult> results = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<SumResult> sum : sums) {
                try {
                    results.add(sum.get(3, TimeUnit.MINUTES));
                }
                catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause().toString());
                }
            }
            long lastResult = System.nanoTime();
            UpdateResult result = update.get(3, TimeUnit.MINUTES);
            double resentSums = retries(registry, "SumTask");
            double resentUpdates = retries(registry, "UpdateTask");
            Report.line(String.format("(e) killed %s, the node running the reduce of %d sums (%d still running, progress of one %s):"
                            + " %d of %d returned the exact sum, %d failed; the SDK sent them again %d times; the last result"
                            + " came %,d ms after the kill", cluster.node(victim).name(), CONCURRENT_SUMS, running, sumAtKill,
                    results.stream().filter(before::equals).count(), CONCURRENT_SUMS, failures.size(), (long) resentSums,
                    (lastResult - killedAt) / 1_000_000));

            int exact = 0;
            List<String> wrong = new ArrayList<>();
            for (long from = 0; from < PRICES; from += 1000) {
                Set<Long> keys = new HashSet<>();
                for (long id = from; id < Math.min(PRICES, from + 1000); id++) {
                    keys.add(id);
                }
                Map<Long, Purchase> read = prices.getAll(keys);
                for (long id : keys) {
                    Purchase original = Purchase.standard(id);
                    Purchase expected = new Purchase(id, original.region(), scaledOnce(original.amount()));
                    Purchase actual = read.get(id);
                    if (expected.equals(actual)) {
                        exact++;
                    }
                    else if (wrong.size() < 10) {
                        wrong.add("key " + id + ": expected " + expected + " (original " + original + "), read " + actual);
                    }
                }
            }
            Report.line(String.format("(f) killed %s, the node running a bulk update of %,d prices (amount x %s), %s, %,d ms after it"
                            + " started (progress %s); result %s in %,d ms: the SDK sent it again %d times, and the second run found"
                            + " %,d entries already updated by the first; %,d of %,d entries hold exactly the original amount x %s,"
                            + " rounded half up", cluster.node(victim).name(), PRICES, UPDATE_FACTOR, updateInFlight ? "in flight" : "already done",
                    (killedAt - updateStarted) / 1_000_000, updateAtKill, result, (System.nanoTime() - updateStarted) / 1_000_000,
                    (long) resentUpdates, result.alreadyApplied(), exact, PRICES, UPDATE_FACTOR));

            assertThat(failures).as("sums that failed").isEmpty();
            assertThat(running).as("sums still running when their node was killed").isPositive();
            assertThat(results).as("every sum").hasSize(CONCURRENT_SUMS).allSatisfy(sum -> assertThat(sum).isEqualTo(before));
            assertThat(resentSums).as("sums the SDK sent again (the failover path ran)").isPositive();
            assertThat(taskNode(single, cluster)).as("the client now sends computations to another node").isNotEqualTo(victim);

            assertThat(updateInFlight).as("the update was still running when its node was killed (%s)", updateAtKill).isTrue();
            assertThat(resentUpdates).as("updates the SDK sent again (the failover path ran)").isPositive();
            assertThat(result.alreadyApplied()).as("entries the first run had updated before the kill: the kill came mid-update")
                    .isPositive();
            assertThat(wrong).as("entries not updated exactly once").isEmpty();
            assertThat(exact).isEqualTo(PRICES);
            assertThat(result.updated()).as("entries carrying the update").isEqualTo(PRICES);
            restartAndRebalance(cluster, victim, "(e, f)");
        }
    }

    /**
     * (d) two of three nodes killed at once: operations on partitions that lost every copy fail with
     * PartitionLostException (never a silent null), the health of the last node says so, and the other keys serve.
     */
    @Test
    @Order(5)
    void twoNodesKilledAtOnceLoseSomePartitionsLoudly() throws Exception {
        ProcessCluster cluster = grid.cluster();
        // the survivor is the node the client's computations go to
        int survivor = taskNode(client, cluster);
        int[] victims = java.util.stream.IntStream.rangeClosed(1, 3).filter(i -> i != survivor).toArray();
        cluster.kill(victims);
        Report.line("(d) killed " + cluster.node(victims[0]).name() + " and " + cluster.node(victims[1]).name() + " at once; "
                + cluster.node(survivor).name() + " is left");

        Map<Integer, Integer> lostKeysByPartition = new TreeMap<>();
        Set<Long> lostKeys = new HashSet<>();
        int served = 0;
        List<String> unexpected = new ArrayList<>();
        for (long id = 0; id < ORDERS; id += 7) {
            try {
                Purchase order = orders.get(id);
                if (!Purchase.standard(id).equals(order)) {
                    unexpected.add("key " + id + " read as " + order);
                }
                served++;
            }
            catch (PartitionLostException e) {
                assertThat(e.mapName()).isEqualTo("orders");
                lostKeysByPartition.merge(e.partition(), 1, Integer::sum);
                lostKeys.add(id);
            }
            catch (GridException e) {
                unexpected.add("key " + id + ": " + e);
            }
        }
        Report.line(String.format("(d) after killing two of three nodes: %,d sampled keys served, %,d failed with PartitionLostException"
                + " (%,d partitions)", served, lostKeys.size(), lostKeysByPartition.size()));
        assertThat(unexpected).as("reads that neither served the right value nor failed with PartitionLostException").isEmpty();
        assertThat(lostKeys).as("keys of lost partitions").isNotEmpty();
        assertThat(served).as("keys of surviving partitions").isPositive();
        assertThat(lostKeysByPartition).doesNotContainKey(PartitionLostException.UNKNOWN_PARTITION);

        long lostKey = lostKeys.iterator().next();
        assertThat(catchThrowable(() -> orders.put(lostKey, Purchase.standard(lostKey))))
                .as("a write to a lost partition").isInstanceOf(PartitionLostException.class);
        assertThat(catchThrowable(() -> orders.getAll(Set.of(lostKey, lostKey + 7))))
                .as("a batch read touching a lost partition").isInstanceOf(PartitionLostException.class);
        long servedKey = 0;
        while (lostKeys.contains(servedKey)) {
            servedKey += 7;
        }
        orders.put(servedKey, Purchase.standard(servedKey));
        assertThat(orders.get(servedKey)).isEqualTo(Purchase.standard(servedKey));

        // a computation over lost partitions fails at once, long before the request timeout, and says which partitions
        Throwable sumFailure;
        long sumStarted = System.nanoTime();
        try (Grid patient = Grid.connect(cluster.clientConfig().requestTimeout(Duration.ofSeconds(60)).build())) {
            sumFailure = catchThrowable(() -> patient.compute().on("orders").sum("amount"));
        }
        long sumMillis = (System.nanoTime() - sumStarted) / 1_000_000;
        Report.line("(d) the sum over a map with lost partitions failed in " + sumMillis + " ms (request timeout 60 s): " + sumFailure);
        assertThat(sumFailure).as("a sum over lost partitions fails instead of returning a partial sum")
                .isInstanceOfSatisfying(PartitionLostException.class, e -> {
                    assertThat(e.mapName()).isEqualTo("orders");
                    assertThat(lostKeysByPartition).as("the partition it names is one of those found lost").containsKey(e.partition());
                });
        assertThat(Duration.ofMillis(sumMillis)).as("failing at once, not at the request timeout").isLessThan(Duration.ofSeconds(20));

        var health = cluster.httpGet(cluster.node(survivor), "/actuator/health");
        Report.line("(d) health of " + cluster.node(survivor).name() + ": HTTP " + health.statusCode() + " "
                + JsonPath.read(health.body(), "$.components.grid.details.lostPartitions").toString());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat((String) JsonPath.read(health.body(), "$.components.grid.status")).isEqualTo("DOWN");
        assertThat((Integer) JsonPath.read(health.body(), "$.components.grid.details.lostPartitions.orders.count")).isPositive();
        assertThat((Integer) JsonPath.read(health.body(), "$.components.grid.details.topologySize")).isEqualTo(1);
    }

    /**
     * Waits until some prices hold their updated amount (100 random keys read back at a time; the update's progress
     * only counts whole jobs, which end together), or the update ends, or 20 s pass on a machine too loaded to run it.
     */
    private static void awaitSomeUpdated(CompletableFuture<?> update, GridMap<Long, Purchase> prices, long started)
            throws InterruptedException {
        SplittableRandom random = new SplittableRandom(11);
        while (!update.isDone() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20)) {
            Set<Long> keys = new HashSet<>();
            while (keys.size() < 100) {
                keys.add(random.nextLong(PRICES));
            }
            for (Map.Entry<Long, Purchase> entry : prices.getAll(keys).entrySet()) {
                if (!entry.getValue().equals(Purchase.standard(entry.getKey()))) {
                    return;
                }
            }
            Thread.sleep(5);
        }
    }

    /**
     * Waits until the nodes report the first partitions done, or 150 ms into the run (a sum of the orders takes a
     * second or more here), while the other partitions are still to come.
     */
    private static void awaitFirstPartitions(CompletableFuture<?> task, AtomicReference<TaskProgress> progress, long started)
            throws InterruptedException {
        while (!task.isDone() && (progress.get() == null || progress.get().done() == 0)
                && System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(150)) {
            Thread.sleep(2);
        }
    }

    /** Restarts a killed node and waits until it is back in the topology and rebalancing is over. */
    private static void restartAndRebalance(ProcessCluster cluster, int node, String step) throws InterruptedException {
        cluster.restart(node);
        cluster.awaitTopology(3, ClusterExtension.START_TIMEOUT);
        long joined = System.nanoTime();
        cluster.awaitReady(3, ClusterExtension.START_TIMEOUT);
        cluster.awaitRebalanced(3, REBALANCE_TIMEOUT);
        Report.line(String.format("%s %s restarted: rebalancing complete %,d ms after joining", step, cluster.node(node).name(),
                (System.nanoTime() - joined) / 1_000_000));
    }

    /** Computations the SDK sent again, of every task, as its meter counts them. */
    private static double retries(SimpleMeterRegistry registry) {
        return registry.find(RETRIES).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    /** Computations of one task (its simple name) the SDK sent again. */
    private static double retries(SimpleMeterRegistry registry, String task) {
        return registry.find(RETRIES).tag("task", task).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    /** The amount after one bulk update by {@link #UPDATE_FACTOR}: whole numbers are rounded half up. */
    private static long scaledOnce(long amount) {
        return java.math.BigDecimal.valueOf(amount).multiply(java.math.BigDecimal.valueOf(UPDATE_FACTOR))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** The node (1-3) that receives a client's computations: the one whose summary says it ran the topology task. */
    private static int taskNode(Grid client, ProcessCluster cluster) {
        String local = client.topology().stream().filter(io.affinitygrid.compute.NodeSummary::local)
                .map(io.affinitygrid.compute.NodeSummary::name).findFirst().orElseThrow();
        for (int i = 1; i <= 3; i++) {
            if (cluster.node(i).name().equals(local)) {
                return i;
            }
        }
        throw new AssertionError("no node named " + local);
    }

    /** Reads back every acknowledged write, in batches, and compares the values. */
    private static void assertEveryAcknowledgedWriteIsThere(String step) {
        List<Long> keys = new ArrayList<>(acknowledged.keySet());
        Collections.sort(keys);
        int found = 0;
        List<String> wrong = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            Set<Long> batch = new HashSet<>(keys.subList(from, Math.min(keys.size(), from + 1000)));
            Map<Long, Long> read = acks.getAll(batch);
            for (Long key : batch) {
                Long value = read.get(key);
                if (acknowledged.get(key).equals(value)) {
                    found++;
                }
                else if (wrong.size() < 10) {
                    wrong.add("key " + key + ": acknowledged " + acknowledged.get(key) + ", read " + value);
                }
            }
        }
        Report.line(String.format("%s acknowledged writes: %,d, found with the acknowledged value: %,d", step, keys.size(), found));
        assertThat(wrong).as("acknowledged writes missing or changed").isEmpty();
        assertThat(found).isEqualTo(keys.size());
    }
}
