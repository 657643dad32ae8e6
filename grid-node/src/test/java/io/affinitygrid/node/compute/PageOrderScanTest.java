package io.affinitygrid.node.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.affinitygrid.compute.ComputeLoad;
import io.affinitygrid.compute.Filter;
import io.affinitygrid.compute.GroupByTask;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.TopTask;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page-order scan (rows read in data-page order, checked afterwards) gives the same results as the safe
 * ScanQuery path, really is used, and stays exact while the partitions it reads are being rewritten.
 */
class PageOrderScanTest {

    private static final String DISABLE = "affinitygrid.scan.page-order.disabled";
    private static final int ENTRIES = 20_000;

    private static LocalCluster cluster;
    private static Ignite ignite;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.builder().nodes(2).cache(CacheSettings.partitioned("orders").withPartitions(128)).start();
        ignite = cluster.node(0).ignite();
        IgniteCache<Long, BinaryObject> orders = ignite.cache("orders").withKeepBinary();
        Map<Long, BinaryObject> batch = new HashMap<>();
        for (long id = 0; id < ENTRIES; id++) {
            batch.put(id, order(id, (id % 10_000) / 100.0, ""));
            if (batch.size() == 1000) {
                orders.putAll(batch);
                batch.clear();
            }
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void enableAgain() {
        System.clearProperty(DISABLE);
    }

    @Test
    void givesTheResultsOfTheSafePath() {
        long fastBefore = pageOrderPartitions();
        SumResult sum = sum(null);
        SumResult filtered = sum(Filter.parse("amount >= 50.5"));
        List<GroupRow> groups = ignite.compute().execute(GroupByTask.NAME, QueryArgument.on("orders").groupBy("region").field("amount").build());
        List<TopEntry> top = ignite.compute().execute(TopTask.NAME, QueryArgument.on("orders").field("amount").limit(5).build());
        assertThat(pageOrderPartitions()).as("partitions scanned in page order").isGreaterThan(fastBefore);

        System.setProperty(DISABLE, "true");
        long fastAfter = pageOrderPartitions();
        assertThat(sum(null)).usingRecursiveComparison().isEqualTo(sum);
        assertThat(sum(Filter.parse("amount >= 50.5"))).usingRecursiveComparison().isEqualTo(filtered);
        assertThat(ignite.compute().<QueryArgument, List<GroupRow>>execute(GroupByTask.NAME,
                QueryArgument.on("orders").groupBy("region").field("amount").build())).isEqualTo(groups);
        assertThat(ignite.compute().<QueryArgument, List<TopEntry>>execute(TopTask.NAME,
                QueryArgument.on("orders").field("amount").limit(5).build())).isEqualTo(top);
        assertThat(pageOrderPartitions()).as("no page-order scan while disabled").isEqualTo(fastAfter);
        assertThat(sum.count()).isEqualTo(ENTRIES);
        assertThat(top.get(0).key()).isNotNull();
    }

    /**
     * Rows larger than a data page (read the usual way, from link to link) and values with a nested object (whose
     * fields are not read in place, as the nested object would point into the page) give the safe path's results,
     * still without rescanning any partition.
     */
    @Test
    void readsRowsSpanningPagesAndNestedObjects() {
        IgniteCache<Long, BinaryObject> docs = ignite.createCache(new CacheConfiguration<Long, Object>("docs").setBackups(1)
                .setAffinity(new RendezvousAffinityFunction(false, 64))).withKeepBinary();
        try {
            for (long id = 0; id < 2_000; id++) {
                BinaryObject customer = ignite.binary().builder("test.Customer").setField("name", "c" + (id % 13)).build();
                docs.put(id, ignite.binary().builder("test.Document").setField("amount", id / 4.0).setField("region", "r" + (id % 3))
                        .setField("customer", customer).setField("text", "y".repeat(id % 10 == 0 ? 12_000 : 10)).build());
            }
            long fastBefore = pageOrderPartitions();
            long rescannedBefore = rescannedPartitions();
            SumResult sum = ignite.compute().execute(SumTask.NAME, new SumArgument("docs", "amount", null));
            List<GroupRow> byCustomer = ignite.compute().execute(GroupByTask.NAME, QueryArgument.on("docs").groupBy("customer").build());
            List<TopEntry> top = ignite.compute().execute(TopTask.NAME, QueryArgument.on("docs").field("amount").limit(3).build());
            assertThat(pageOrderPartitions() - fastBefore).as("partitions scanned in page order").isEqualTo(3 * 64);
            assertThat(rescannedPartitions()).as("partitions rescanned by ScanQuery").isEqualTo(rescannedBefore);

            System.setProperty(DISABLE, "true");
            assertThat(ignite.compute().<SumArgument, SumResult>execute(SumTask.NAME, new SumArgument("docs", "amount", null)))
                    .usingRecursiveComparison().isEqualTo(sum);
            assertThat(countsByName(ignite.compute().execute(GroupByTask.NAME, QueryArgument.on("docs").groupBy("customer").build())))
                    .isEqualTo(countsByName(byCustomer));
            assertThat(describe(ignite.compute().execute(TopTask.NAME, QueryArgument.on("docs").field("amount").limit(3).build())))
                    .isEqualTo(describe(top));
            assertThat(sum.count()).isEqualTo(2_000);
            assertThat(countsByName(byCustomer)).hasSize(13).containsEntry("c0", 154L);
            assertThat(top.get(0).key()).isEqualTo(1_999L);
            assertThat(describe(top)).containsExactly("1999 499.75 c10 10", "1998 499.5 c9 10", "1997 499.25 c8 10");
        }
        finally {
            ignite.destroyCache("docs");
        }
    }

    /**
     * Fields read in place keep their types: grouping by a field of each kind gives the same groups (keys equal
     * only when of the same class) as the safe path, which reads whole values through Ignite.
     */
    @Test
    void fieldsReadInPlaceKeepTheirTypes() {
        IgniteCache<Long, BinaryObject> typed = ignite.createCache(new CacheConfiguration<Long, Object>("typed")
                .setAffinity(new RendezvousAffinityFunction(false, 32))).withKeepBinary();
        try {
            for (long id = 0; id < 500; id++) {
                var builder = ignite.binary().builder("test.Typed").setField("l", id % 3).setField("i", (int) (id % 4))
                        .setField("s", (short) (id % 2)).setField("b", (byte) (id % 5)).setField("f", (float) (id % 3) / 2)
                        .setField("d", (id % 6) / 4.0).setField("z", id % 2 == 0).setField("t", "t" + (id % 7))
                        .setField("c", (char) ('a' + id % 3)).setField("m", new BigDecimal(id % 3).movePointLeft(1));
                if (id % 10 != 0) {
                    builder.setField("sometimes", "x"); // two schemas of one type
                }
                typed.put(id, builder.build());
            }
            List<String> fields = List.of("l", "i", "s", "b", "f", "d", "z", "t", "c", "m", "sometimes");
            Map<String, List<GroupRow>> fast = new HashMap<>();
            long fastBefore = pageOrderPartitions();
            for (String field : fields) {
                fast.put(field, ignite.compute().execute(GroupByTask.NAME, QueryArgument.on("typed").groupBy(field).build()));
            }
            assertThat(pageOrderPartitions() - fastBefore).isEqualTo(fields.size() * 32L);
            System.setProperty(DISABLE, "true");
            for (String field : fields) {
                assertThat(ignite.compute().<QueryArgument, List<GroupRow>>execute(GroupByTask.NAME,
                        QueryArgument.on("typed").groupBy(field).build())).as(field).isEqualTo(fast.get(field));
            }
            assertThat(fast.get("i").get(0).group()).isInstanceOf(Integer.class);
            assertThat(fast.get("t")).hasSize(7);
            assertThat(fast.get("sometimes")).extracting(GroupRow::count).containsExactlyInAnyOrder(450L, 50L);
        }
        finally {
            ignite.destroyCache("typed");
        }
    }

    /** Keys of every kind (some decoded in place, some through Ignite) come out as the safe path gives them. */
    @Test
    void keysOfEveryKindComeOutAsTheyWent() {
        IgniteCache<Object, BinaryObject> keyed = ignite.createCache(new CacheConfiguration<Object, Object>("keyed")
                .setAffinity(new RendezvousAffinityFunction(false, 32))).withKeepBinary();
        try {
            for (int i = 0; i < 400; i++) {
                Object key = switch (i % 5) {
                    case 0 -> i;
                    case 1 -> "k" + i;
                    case 2 -> (long) i;
                    case 3 -> new java.util.UUID(7, i);
                    default -> "ключ-" + i;
                };
                keyed.put(key, ignite.binary().builder("test.Keyed").setField("rank", (double) i).build());
            }
            QueryArgument all = QueryArgument.on("keyed").field("rank").limit(400).build();
            long fastBefore = pageOrderPartitions();
            List<TopEntry> fast = ignite.compute().execute(TopTask.NAME, all);
            assertThat(pageOrderPartitions() - fastBefore).as("partitions scanned in page order").isEqualTo(32);
            System.setProperty(DISABLE, "true");
            List<TopEntry> safe = ignite.compute().execute(TopTask.NAME, all);
            assertThat(fast).extracting(TopEntry::key).containsExactlyElementsOf(safe.stream().map(TopEntry::key).toList());
            assertThat(fast).extracting(TopEntry::key).contains(395, "k396", 397L, new java.util.UUID(7, 398), "ключ-399");
        }
        finally {
            ignite.destroyCache("keyed");
        }
    }

    /** Rows move while they are rewritten with values of another size: every sum still counts each entry once. */
    @Test
    void staysExactWhileEntriesAreRewritten() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            IgniteCache<Long, BinaryObject> orders = ignite.cache("orders").withKeepBinary();
            long round = 0;
            try {
                while (!stop.get()) {
                    round++;
                    for (long id = round % 7; id < ENTRIES && !stop.get(); id += 7) {
                        // same amount, a note of changing length: the row is rewritten, often at a new link
                        orders.put(id, order(id, (id % 10_000) / 100.0, "x".repeat((int) ((id + round) % 200))));
                    }
                }
            }
            catch (Throwable e) {
                writerFailure.set(e);
            }
        }, "rewriter");
        long discardedBefore = discardedSharedPartials();
        writer.start();
        try {
            BigDecimal expected = null;
            for (int i = 0; i < 15; i++) {
                SumResult result = sum(null);
                assertThat(result.count()).as("entries counted, sum %d", i).isEqualTo(ENTRIES);
                if (expected == null) {
                    expected = result.sum();
                }
                assertThat(result.sum()).as("sum %d", i).isEqualByComparingTo(expected);
            }
        }
        finally {
            stop.set(true);
            writer.join();
        }
        assertThat(writerFailure.get()).isNull();
        assertThat(discardedSharedPartials() - discardedBefore).as("scan jobs that discarded their shared partial").isPositive();
    }

    private static SumResult sum(Filter filter) {
        return ignite.compute().execute(SumTask.NAME, new SumArgument("orders", "amount", filter));
    }

    /** Top entries of documents as "key rank customer-name text-length" (a nested object travels as its text). */
    private static List<String> describe(List<TopEntry> top) {
        return top.stream().map(e -> e.key() + " " + e.rank() + " " + e.fields().get("customer").toString().replaceAll(".*name=(\\w+)].*", "$1")
                + " " + ((String) e.fields().get("text")).length()).toList();
    }

    /** Group rows keyed by a nested customer object, as customer name to count. */
    private static Map<String, Long> countsByName(List<GroupRow> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (GroupRow row : rows) {
            counts.put(((BinaryObject) row.group()).field("name"), row.count());
        }
        return counts;
    }

    private static long discardedSharedPartials() {
        long total = 0;
        for (GridNode node : cluster.runningNodes()) {
            total += ComputeLoad.of(node.ignite()).discardedSharedPartials();
        }
        return total;
    }

    private static long rescannedPartitions() {
        long total = 0;
        for (GridNode node : cluster.runningNodes()) {
            total += ComputeLoad.of(node.ignite()).rescannedPartitions();
        }
        return total;
    }

    private static long pageOrderPartitions() {
        long total = 0;
        for (GridNode node : cluster.runningNodes()) {
            total += ComputeLoad.of(node.ignite()).pageOrderPartitions();
        }
        return total;
    }

    private static BinaryObject order(long id, double amount, String note) {
        return ignite.binary().builder("test.PagedOrder").setField("id", id).setField("region", "r" + (id % 5))
                .setField("amount", amount).setField("note", note).build();
    }
}
