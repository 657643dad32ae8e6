package io.affinitygrid.node.compute;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.affinitygrid.compute.AddToFieldJob;
import io.affinitygrid.compute.CountTask;
import io.affinitygrid.compute.DistinctCountTask;
import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.FieldDelta;
import io.affinitygrid.compute.FieldStats;
import io.affinitygrid.compute.Filter;
import io.affinitygrid.compute.GroupByTask;
import io.affinitygrid.compute.GroupRow;
import io.affinitygrid.compute.GridTaskException;
import io.affinitygrid.compute.KeyCallArgument;
import io.affinitygrid.compute.KeyCallTask;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.StatsTask;
import io.affinitygrid.compute.SumArgument;
import io.affinitygrid.compute.SumResult;
import io.affinitygrid.compute.SumTask;
import io.affinitygrid.compute.TopEntry;
import io.affinitygrid.compute.TopTask;
import io.affinitygrid.compute.UpdateResult;
import io.affinitygrid.compute.UpdateTask;
import io.affinitygrid.compute.WordCount;
import io.affinitygrid.compute.WordCountTask;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.GridNode;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.binary.BinaryObjectBuilder;
import org.apache.ignite.cache.CachePeekMode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every task of the compute catalog on one 3-node cluster with one backup, against results computed
 * independently (Java streams) from the test's own copy of the data, over a matrix of filters: each operator,
 * numeric and text fields, quoted operands, a filter that matches nothing and one on a field no entry has.
 * Then bad arguments: each fails with a message that says what is wrong, and leaves every cache as it was.
 *
 * <p>Tasks are sent from the three nodes in turn. {@code orders} and {@code words} are never changed;
 * {@code accounts} is changed by the key-job tests (which update the expectation with it) and {@code scratch}
 * is reloaded before each bulk update.
 */
class CatalogTasksTest {

    static final String ORDERS = "orders";
    static final String WORDS = "words";
    static final String ACCOUNTS = "accounts";
    static final String SCRATCH = "scratch";
    static final int PARTITIONS = 128;

    private static final int ORDER_COUNT = 20_000;
    private static final int TEXT_COUNT = 5_000;
    private static final int ACCOUNT_COUNT = 300;
    private static final int SCRATCH_COUNT = 2_000;
    /** First key of the entries of type {@code test.Numbers} in {@code accounts}: one field of each numeric type. */
    private static final long NUMBERS_KEY = 1_000_000;

    private static final String FILTERS = "io.affinitygrid.node.compute.CatalogTasksTest#filters";

    private static LocalCluster cluster;
    private static List<Order> orders;
    private static Map<Long, Order> ordersById;
    private static Map<Long, Map<String, Object>> ordersStored;
    private static Map<Integer, Text> texts;
    private static Map<Integer, String> textsStored;
    private static List<Order> scratch;
    /** What the accounts cache holds: the key-job tests change an entry there and here. */
    private static final Map<Long, Map<String, Object>> accounts = new HashMap<>();
    private static final AtomicInteger calls = new AtomicInteger();

    @BeforeAll
    static void startClusterAndLoad() {
        cluster = LocalCluster.builder().nodes(3)
                .cache(CacheSettings.partitioned(ORDERS).withPartitions(PARTITIONS))
                .cache(CacheSettings.partitioned(WORDS).withPartitions(PARTITIONS))
                .cache(CacheSettings.partitioned(ACCOUNTS).withPartitions(32))
                .cache(CacheSettings.partitioned(SCRATCH).withPartitions(64))
                .start();
        Ignite ignite = cluster.node(0).ignite();
        orders = TestData.orders(ORDER_COUNT, 1);
        ordersById = new HashMap<>();
        orders.forEach(o -> ordersById.put(o.id(), o));
        ordersStored = GridContents.storedFieldsById(orders);
        TestData.loadOrders(ignite, ORDERS, orders);
        texts = TestData.texts(TEXT_COUNT, 2);
        textsStored = new HashMap<>();
        texts.forEach((k, t) -> textsStored.put(k, t.text()));
        TestData.loadTexts(ignite, WORDS, texts);
        List<Order> accountOrders = TestData.orders(ACCOUNT_COUNT, 3);
        accounts.putAll(GridContents.storedFieldsById(accountOrders));
        TestData.loadOrders(ignite, ACCOUNTS, accountOrders);
        for (long key = NUMBERS_KEY; key < NUMBERS_KEY + 10; key++) {
            Map<String, Object> fields = numbers();
            BinaryObjectBuilder builder = ignite.binary().builder("test.Numbers");
            fields.forEach(builder::setField);
            ignite.cache(ACCOUNTS).withKeepBinary().put(key, builder.build());
            accounts.put(key, fields);
        }
        scratch = TestData.orders(SCRATCH_COUNT, 4);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The fields of a {@code test.Numbers} entry as loaded: one of each numeric type. */
    static Map<String, Object> numbers() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("i", 7);
        fields.put("l", 10_000_000_000L);
        fields.put("s", (short) 300);
        fields.put("b", (byte) 12);
        fields.put("f", 2.5f);
        fields.put("d", 0.25);
        fields.put("bd", new BigDecimal("1.10"));
        return fields;
    }

    /** A filter as the tasks get it, and the same condition written independently in Java. */
    record Case(String text, Predicate<Order> matches) {

        Filter filter() {
            return text == null ? null : Filter.parse(text);
        }

        @Override
        public String toString() {
            return text == null ? "no filter" : text;
        }
    }

    static List<Case> filters() {
        return List.of(
                new Case(null, o -> true),
                new Case("amount >= 500", o -> o.amountCents() >= 50_000),
                new Case("amount > 250.5", o -> o.amountCents() > 25_050),
                new Case("amount < 100", o -> o.amountCents() < 10_000),
                new Case("amount <= 99.99", o -> o.amountCents() <= 9_999),
                new Case("quantity = 7", o -> o.quantity() == 7),
                new Case("quantity != 7", o -> o.quantity() != 7),
                new Case("id<=5000", o -> o.id() <= 5_000),
                new Case("region = north", o -> o.region().equals("north")),
                new Case("region != 'south'", o -> !o.region().equals("south")),
                new Case("customer < c050", o -> o.customer().compareTo("c050") < 0),
                new Case("customer >= \"c140\"", o -> o.customer().compareTo("c140") >= 0),
                new Case("region in (north, east) and amount between 100 and 600",
                        o -> (o.region().equals("north") || o.region().equals("east")) && o.amountCents() >= 10_000 && o.amountCents() <= 60_000),
                new Case("not (quantity < 5 or customer starts with c1)", o -> !(o.quantity() < 5 || o.customer().startsWith("c1"))),
                new Case("region = west OR quantity between 3 and 4", o -> o.region().equals("west") || o.quantity() == 3 || o.quantity() == 4),
                // a filter on a field no entry has is refused instead: badArguments()
                new Case("amount < 0", o -> false));
    }

    /** The filter case with this text ({@code null}: no filter). */
    static Case filter(String text) {
        return filters().stream().filter(f -> Objects.equals(f.text(), text)).findFirst().orElseThrow();
    }

    /** Every filter with every one of {@code values}. */
    static Stream<Arguments> withEachFilter(Object... values) {
        return filters().stream().flatMap(f -> Stream.of(values).map(v -> Arguments.of(f, v)));
    }

    /** Sends a task from the next node in turn. */
    static <R> R execute(String task, Object argument) {
        return cluster.node(calls.getAndIncrement() % cluster.size()).ignite().compute().execute(task, argument);
    }

    static List<Order> matching(Case filter) {
        return orders.stream().filter(filter.matches()).toList();
    }

    static BigDecimal exactSum(List<Order> orders, String field) {
        return orders.stream().map(o -> o.exact(field)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Nested
    @DisplayName("results equal the independently computed ones")
    class Results {

        @ParameterizedTest(name = "{0}")
        @MethodSource(FILTERS)
        void count(Case filter) {
            Long count = execute(CountTask.NAME, QueryArgument.on(ORDERS).where(filter.filter()).build());
            assertThat(count).isEqualTo(matching(filter).size());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource(FILTERS)
        void sum(Case filter) {
            List<Order> matching = matching(filter);
            BigDecimal sum = exactSum(matching, "amount");
            SumResult result = execute(SumTask.NAME, new SumArgument(ORDERS, "amount", filter.filter()));
            assertThat(result).isEqualTo(new SumResult(matching.size(), matching.size(), sum, PARTITIONS));
            assertThat(result.sum()).isEqualByComparingTo(sum);
        }

        static Stream<Arguments> statsCases() {
            return withEachFilter("amount", "quantity", "id");
        }

        @ParameterizedTest(name = "{1} where {0}")
        @MethodSource("statsCases")
        void stats(Case filter, String field) {
            List<Order> matching = matching(filter);
            BigDecimal sum = exactSum(matching, field);
            Comparator<Order> byField = Comparator.comparing(o -> o.exact(field));
            Number min = matching.stream().min(byField).map(o -> (Number) o.field(field)).orElse(null);
            Number max = matching.stream().max(byField).map(o -> (Number) o.field(field)).orElse(null);

            FieldStats stats = execute(StatsTask.NAME, QueryArgument.on(ORDERS).field(field).where(filter.filter()).build());

            assertThat(stats).isEqualTo(new FieldStats(field, matching.size(), matching.size(), sum, min, max));
            if (matching.isEmpty()) {
                assertThat(stats.average()).isNull();
            }
            else {
                assertThat(stats.average()).isEqualByComparingTo(sum.divide(BigDecimal.valueOf(matching.size()), MathContext.DECIMAL64));
            }
        }

        /** Group by a field, optionally summing another. */
        record Grouping(String groupBy, String sumField) {
            @Override
            public String toString() {
                return groupBy + (sumField == null ? "" : " sum " + sumField);
            }
        }

        static Stream<Arguments> groupByCases() {
            return withEachFilter(new Grouping("region", "amount"), new Grouping("quantity", "amount"),
                    new Grouping("customer", null));
        }

        @ParameterizedTest(name = "{1} where {0}")
        @MethodSource("groupByCases")
        void groupBy(Case filter, Grouping grouping) {
            Map<Object, List<Order>> groups = matching(filter).stream().collect(groupingBy(o -> o.field(grouping.groupBy())));
            List<GroupRow> expected = groups.entrySet().stream()
                    .map(g -> new GroupRow(g.getKey(), g.getValue().size(),
                            grouping.sumField() == null ? null : exactSum(g.getValue(), grouping.sumField())))
                    .toList();

            QueryArgument.Builder argument = QueryArgument.on(ORDERS).groupBy(grouping.groupBy()).where(filter.filter());
            if (grouping.sumField() != null) {
                argument.field(grouping.sumField());
            }
            List<GroupRow> rows = execute(GroupByTask.NAME, argument.build());

            assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(rows).extracting(GroupRow::count).isSortedAccordingTo(Comparator.reverseOrder());
        }

        /** Top-N by a field, best first. */
        record TopCase(String field, boolean ascending, Case filter, int limit) {
            @Override
            public String toString() {
                return "top " + limit + " " + field + (ascending ? " ascending" : " descending") + " where " + filter;
            }
        }

        static List<TopCase> topCases() {
            List<TopCase> cases = new ArrayList<>();
            for (String field : List.of("amount", "quantity", "id", "customer")) {
                for (boolean ascending : List.of(false, true)) {
                    for (String filter : Arrays.asList(null, "region = north", "amount >= 500", "amount < 0")) {
                        cases.add(new TopCase(field, ascending, filter(filter), 10));
                    }
                }
            }
            cases.add(new TopCase("amount", true, filter(null), 1));
            // limits above the number of matching entries: all of them, ranked
            cases.add(new TopCase("id", false, filter("customer >= \"c140\""), 5_000));
            cases.add(new TopCase("quantity", false, filter("quantity = 7"), 3_000));
            return cases;
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("topCases")
        void top(TopCase top) {
            String field = top.field();
            Comparator<Order> smallestFirst = field.equals("customer") ? Comparator.comparing(Order::customer)
                    : Comparator.comparing(o -> o.exact(field));
            Comparator<Order> bestFirst = top.ascending() ? smallestFirst : smallestFirst.reversed();
            List<Order> ranked = matching(top.filter()).stream().sorted(bestFirst).toList();

            List<TopEntry> entries = execute(TopTask.NAME, QueryArgument.on(ORDERS).field(field).where(top.filter().filter())
                    .limit(top.limit()).ascending(top.ascending()).build());

            assertThat(entries).extracting(TopEntry::rank)
                    .containsExactlyElementsOf(ranked.stream().limit(top.limit()).map(o -> o.field(field)).toList());
            List<Object> keys = entries.stream().map(TopEntry::key).toList();
            assertThat(keys).doesNotHaveDuplicates();
            for (TopEntry entry : entries) {
                Order order = ordersById.get((Long) entry.key());
                assertThat(entry.rank()).as("rank of %s", entry.key()).isEqualTo(order.field(field));
                assertThat(entry.fields()).as("fields of %s", entry.key()).isEqualTo(order.storedFields());
            }
            if (!entries.isEmpty()) {
                // Orders ranked strictly better than the last one returned must all be there; ties at the cut may be any.
                Order last = ordersById.get((Long) entries.get(entries.size() - 1).key());
                assertThat(keys).containsAll(ranked.stream().filter(o -> bestFirst.compare(o, last) < 0).map(Order::id).toList());
            }
            if (field.equals("id")) {
                assertThat(keys).containsExactlyElementsOf(ranked.stream().limit(top.limit()).map(Order::id).toList());
            }
        }

        static Stream<Arguments> distinctCases() {
            return withEachFilter("customer", "quantity", "note");
        }

        @ParameterizedTest(name = "{1} where {0}")
        @MethodSource("distinctCases")
        void distinctCount(Case filter, String field) {
            Long distinct = execute(DistinctCountTask.NAME, QueryArgument.on(ORDERS).field(field).where(filter.filter()).build());
            assertThat(distinct).isEqualTo(matching(filter).stream().map(o -> o.field(field)).distinct().count());
        }

        static Stream<Arguments> wordCountCases() {
            return withEachFilter(3, 50);
        }

        @ParameterizedTest(name = "top {1} words of note where {0}")
        @MethodSource("wordCountCases")
        void wordCountOfATextField(Case filter, int limit) {
            List<WordCount> words = execute(WordCountTask.NAME,
                    QueryArgument.on(ORDERS).field("note").where(filter.filter()).limit(limit).build());
            assertThat(words).containsExactlyElementsOf(topWords(matching(filter).stream().map(Order::noteWords), limit));
        }

        /** A filter on plain string values, and the same condition in Java. */
        record TextCase(String text, Predicate<String> matches) {
            @Override
            public String toString() {
                return text == null ? "no filter" : text;
            }
        }

        static Stream<Arguments> plainTextCases() {
            return Stream.of(new TextCase(null, s -> true), new TextCase("_value >= m", s -> s.compareTo("m") >= 0),
                            new TextCase("_value < 'Door'", s -> s.compareTo("Door") < 0), new TextCase("_value = nothing", s -> false))
                    .flatMap(f -> Stream.of(5, 50).map(limit -> Arguments.of(f, limit)));
        }

        @ParameterizedTest(name = "top {1} words of plain strings where {0}")
        @MethodSource("plainTextCases")
        void wordCountCountAndDistinctOfPlainStrings(TextCase filter, int limit) {
            List<Text> matching = texts.values().stream().filter(t -> filter.matches().test(t.text())).toList();
            Filter where = filter.text() == null ? null : Filter.parse(filter.text());

            List<WordCount> words = execute(WordCountTask.NAME, QueryArgument.on(WORDS).field("_value").where(where).limit(limit).build());
            Long count = execute(CountTask.NAME, QueryArgument.on(WORDS).where(where).build());
            Long distinct = execute(DistinctCountTask.NAME, QueryArgument.on(WORDS).field("_value").where(where).build());

            assertThat(words).containsExactlyElementsOf(topWords(matching.stream().map(Text::words), limit));
            assertThat(count).isEqualTo(matching.size());
            assertThat(distinct).isEqualTo(matching.stream().map(Text::text).distinct().count());
        }

        /** The most frequent words, ties by word: the order the word count documents. */
        private static List<WordCount> topWords(Stream<List<String>> texts, int limit) {
            Map<String, Long> counts = texts.flatMap(List::stream).collect(groupingBy(Function.identity(), counting()));
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(e -> new WordCount(e.getKey(), e.getValue())).toList();
        }
    }

    @Nested
    @DisplayName("bulk update multiplies the matching entries once")
    class BulkUpdate {

        @BeforeEach
        void reloadScratch() {
            Ignite ignite = cluster.node(0).ignite();
            ignite.cache(SCRATCH).clear();
            TestData.loadOrders(ignite, SCRATCH, scratch);
        }

        /** A factor on a field, and what it makes of a stored value. */
        record Scaling(String field, double factor, Function<Object, Object> scaled) {
            @Override
            public String toString() {
                return field + " x " + factor;
            }
        }

        static Stream<Arguments> updateCases() {
            return Stream.of(null, "quantity = 7", "region != 'south'", "amount < 100", "customer >= \"c140\"", "amount < 0")
                    .map(CatalogTasksTest::filter)
                    .flatMap(f -> Stream.of(
                            new Scaling("quantity", 2, q -> (Integer) q * 2),
                            // integral fields round half up
                            new Scaling("quantity", 0.5, q -> ((Integer) q + 1) / 2),
                            // a double field is multiplied as a double
                            new Scaling("amount", 1.1, a -> (Double) a * 1.1))
                            .map(s -> Arguments.of(f, s)));
        }

        @ParameterizedTest(name = "{1} where {0}")
        @MethodSource("updateCases")
        void update(Case filter, Scaling scaling) {
            Set<Long> matching = scratch.stream().filter(filter.matches()).map(Order::id).collect(toSet());

            UpdateResult result = execute(UpdateTask.NAME,
                    QueryArgument.on(SCRATCH).field(scaling.field()).factor(scaling.factor()).where(filter.filter()).build());

            assertThat(result.operationId()).isNotBlank();
            assertThat(result.updated()).isEqualTo(matching.size());
            assertThat(result.alreadyApplied()).isZero();
            Map<Long, Map<String, Object>> expected = GridContents.storedFieldsById(scratch);
            for (Long id : matching) {
                Map<String, Object> fields = expected.get(id);
                fields.put(scaling.field(), scaling.scaled().apply(fields.get(scaling.field())));
                fields.put(UpdateTask.MARKER_FIELD, result.operationId());
            }
            GridContents.assertHolds(cluster, SCRATCH, 1, expected, GridContents.sameFields());

            UpdateResult again = execute(UpdateTask.NAME, QueryArgument.on(SCRATCH).field(scaling.field()).factor(scaling.factor())
                    .where(filter.filter()).operationId(result.operationId()).build());

            assertThat(again).isEqualTo(new UpdateResult(result.operationId(), 0, matching.size()));
            GridContents.assertHolds(cluster, SCRATCH, 1, expected, GridContents.sameFields());
        }
    }

    @Nested
    @DisplayName("key jobs run on the key's primary")
    class KeyJobs {

        @ParameterizedTest(name = "called from node {0}")
        @ValueSource(ints = {0, 1, 2})
        void aKeyJobRunsOnTheKeysPrimary(int caller) {
            Ignite ignite = cluster.node(caller).ignite();
            Set<String> primaries = new HashSet<>();
            for (long key = 1; key <= 60; key++) {
                String cache = key % 2 == 0 ? ORDERS : ACCOUNTS;
                Where where = ignite.compute().execute(KeyCallTask.NAME, new KeyCallArgument(cache, key, WhereJob.NAME, null));
                assertThat(where).as("key %d of %s", key, cache).isEqualTo(new Where(GridContents.primaryOf(cluster, cache, key), true));
                primaries.add(where.node());
            }
            assertThat(primaries).as("nodes that were primary for some key").hasSize(cluster.size());
        }

        static Stream<Arguments> additions() {
            return Stream.of(true, false).flatMap(typed -> Stream.of(Arguments.of(7L, "amount", "12.5", typed),
                    Arguments.of(7L, "amount", "-0.01", typed), Arguments.of(8L, "quantity", "-3", typed),
                    Arguments.of(9L, "quantity", "1000", typed), Arguments.of(10L, "amount", "1e2", typed)));
        }

        /** The typed argument ({@link FieldDelta}) and the deprecated text form {@code "field:delta"} behave alike. */
        @ParameterizedTest(name = "key {0}: {1} + {2}, typed argument: {3}")
        @MethodSource("additions")
        void addToFieldChangesTheEntryAndNothingElse(long key, String field, String delta, boolean typed) {
            Map<String, Object> before = accounts.get(key);
            Object expected = field.equals("amount") ? (Object) ((Double) before.get("amount") + new BigDecimal(delta).doubleValue())
                    : (Object) ((Integer) before.get("quantity") + Integer.parseInt(delta));

            Object argument = typed ? FieldDelta.of(field, new BigDecimal(delta)) : field + ":" + delta;
            Object returned = execute(KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, key, AddToFieldJob.NAME, argument));

            assertThat(returned).isEqualTo(expected);
            for (GridNode node : cluster.runningNodes()) {
                BinaryObject read = node.ignite().cache(ACCOUNTS).<Long, BinaryObject>withKeepBinary().get(key);
                assertThat((Object) read.field(field)).as("read from %s", node.settings().nodeName()).isEqualTo(expected);
                BinaryObject backup = node.ignite().cache(ACCOUNTS).<Long, BinaryObject>withKeepBinary().localPeek(key, CachePeekMode.BACKUP);
                if (backup != null) {
                    assertThat((Object) backup.field(field)).as("backup copy on %s", node.settings().nodeName()).isEqualTo(expected);
                }
            }
            before.put(field, expected);
            assertDataUnchanged();
        }

        static Stream<Arguments> typedAdditions() {
            return Stream.of(Arguments.of("i", "-10", -3), Arguments.of("l", "5", 10_000_000_005L), Arguments.of("s", "-7", (short) 293),
                    Arguments.of("b", "100", (byte) 112), Arguments.of("f", "0.5", 3.0f), Arguments.of("d", "0.5", 0.75),
                    Arguments.of("bd", "0.001", new BigDecimal("1.101")));
        }

        @ParameterizedTest(name = "{0} + {1}")
        @MethodSource("typedAdditions")
        void addToFieldKeepsTheFieldsType(String field, String delta, Object expected) {
            // one entry per field, so that the cases do not depend on each other
            long key = NUMBERS_KEY + 1 + List.copyOf(numbers().keySet()).indexOf(field);

            Object returned = execute(KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, key, AddToFieldJob.NAME, field + ":" + delta));

            assertThat(returned).isEqualTo(expected).isExactlyInstanceOf(expected.getClass());
            accounts.get(key).put(field, expected);
            assertDataUnchanged();
        }
    }

    @Nested
    @DisplayName("bad arguments fail with a message saying what is wrong, and change nothing")
    class BadArguments {

        /** A task and an argument it must reject, with a fragment of the expected message. */
        record Bad(String what, String task, Object argument, String message) {
            @Override
            public String toString() {
                return what;
            }

            /**
             * The code the node raises; null where the check is still {@code Filter.test}'s own
             * IllegalArgumentException (a filter operand that does not fit the field).
             */
            ErrorCode code() {
                if (what.contains("unknown cache")) {
                    return ErrorCode.UNKNOWN_MAP;
                }
                if (what.contains("non-numeric operand")) {
                    return null;
                }
                if (what.equals("unknown key job class")) {
                    return ErrorCode.UNKNOWN_TASK;
                }
                if (what.contains("no entry has") || what.contains("of a text field") || what.contains("plain strings")
                        || what.contains("of objects") || what.contains("of a numeric field") || what.equals("add to a text field")
                        || what.equals("add a fraction to an integer field") || what.equals("add beyond the field type's range")) {
                    return ErrorCode.BAD_FIELD;
                }
                return ErrorCode.BAD_ARGUMENT;
            }
        }

        static List<Bad> badArguments() {
            Filter notANumber = Filter.parse("amount > lots");
            return List.of(
                    new Bad("count on an unknown cache", CountTask.NAME, QueryArgument.on("nope").build(), "No map named 'nope' on the grid"),
                    new Bad("sum on an unknown cache", SumTask.NAME, new SumArgument("nope", "amount"), "No map named 'nope' on the grid"),
                    new Bad("update on an unknown cache", UpdateTask.NAME, QueryArgument.on("nope").field("quantity").factor(2).build(),
                            "No map named 'nope' on the grid"),
                    new Bad("key job on an unknown cache", KeyCallTask.NAME, new KeyCallArgument("nope", 1L, AddToFieldJob.NAME, "amount:1"),
                            "No map named 'nope' on the grid"),

                    new Bad("sum of a field no entry has", SumTask.NAME, new SumArgument(ORDERS, "amout"), noField(ORDERS, "amout")),
                    new Bad("sum of _value of objects", SumTask.NAME, new SumArgument(ORDERS, "_value"), noField(ORDERS, "_value")),
                    new Bad("stats of a field no entry has", StatsTask.NAME, QueryArgument.on(ORDERS).field("amout").build(),
                            noField(ORDERS, "amout")),
                    new Bad("top of a field no entry has", TopTask.NAME, QueryArgument.on(ORDERS).field("amout").limit(5).build(),
                            noField(ORDERS, "amout")),
                    new Bad("group by a field no entry has", GroupByTask.NAME, QueryArgument.on(ORDERS).groupBy("regoin").build(),
                            noField(ORDERS, "regoin")),
                    new Bad("group-by sum of a field no entry has", GroupByTask.NAME,
                            QueryArgument.on(ORDERS).groupBy("region").field("amout").build(), noField(ORDERS, "amout")),
                    new Bad("distinct count of a field no entry has", DistinctCountTask.NAME, QueryArgument.on(ORDERS).field("custmer").build(),
                            noField(ORDERS, "custmer")),
                    new Bad("word count of a field no entry has", WordCountTask.NAME, QueryArgument.on(ORDERS).field("nots").limit(5).build(),
                            noField(ORDERS, "nots")),
                    new Bad("word count of objects' field on plain strings", WordCountTask.NAME,
                            QueryArgument.on(WORDS).field("note").limit(5).build(), noField(WORDS, "note")),
                    new Bad("count filtered on a field no entry has", CountTask.NAME,
                            QueryArgument.on(ORDERS).where(Filter.parse("amout > 5")).build(),
                            "No entry of map '" + ORDERS + "' has a field 'amout' that the filter (amout > 5) reads, so no comparison on it could match. Did you mean 'amount'? Fields of its entries: "),
                    new Bad("sum filtered on a field no entry has", SumTask.NAME,
                            new SumArgument(ORDERS, "amount", Filter.parse("regoin = north")),
                            "No entry of map '" + ORDERS + "' has a field 'regoin' that the filter (regoin = north) reads"),
                    new Bad("count filtered on a field no entry has, beside a good one", CountTask.NAME,
                            QueryArgument.on(ORDERS).where(Filter.parse("region = north or quantiy > 5")).build(),
                            "No entry of map '" + ORDERS + "' has a field 'quantiy' that the filter (region = north or quantiy > 5) reads"),
                    new Bad("update of a field no entry has", UpdateTask.NAME, QueryArgument.on(ORDERS).field("quantty").factor(2).build(),
                            noField(ORDERS, "quantty")),

                    new Bad("sum of a text field", SumTask.NAME, new SumArgument(ORDERS, "customer"), notNumeric(ORDERS, "customer")),
                    new Bad("sum of plain strings", SumTask.NAME, new SumArgument(WORDS, "_value"), notNumeric(WORDS, "_value")),
                    new Bad("stats of a text field", StatsTask.NAME, QueryArgument.on(ORDERS).field("region").build(), notNumeric(ORDERS, "region")),
                    new Bad("group-by sum of a text field", GroupByTask.NAME, QueryArgument.on(ORDERS).groupBy("region").field("note").build(),
                            notNumeric(ORDERS, "note")),
                    new Bad("update of a text field", UpdateTask.NAME, QueryArgument.on(ORDERS).field("customer").factor(2).build(),
                            notNumeric(ORDERS, "customer")),
                    new Bad("update of plain strings", UpdateTask.NAME, QueryArgument.on(WORDS).field("_value").factor(2).build(),
                            "Map 'words' holds plain String values"),
                    new Bad("word count of a numeric field", WordCountTask.NAME, QueryArgument.on(ORDERS).field("quantity").limit(5).build(),
                            "Field 'quantity' of map 'orders' is not text"),

                    new Bad("top without a limit", TopTask.NAME, QueryArgument.on(ORDERS).field("amount").build(), "top needs a limit"),
                    new Bad("word count without a limit", WordCountTask.NAME, QueryArgument.on(ORDERS).field("note").build(),
                            "word count needs a limit"),
                    new Bad("group-by without a field to group by", GroupByTask.NAME, QueryArgument.on(ORDERS).field("amount").build(),
                            "group-by needs a field to group by"),
                    new Bad("update without a factor", UpdateTask.NAME, QueryArgument.on(ORDERS).field("quantity").build(),
                            "update needs a factor"),
                    new Bad("update without a field", UpdateTask.NAME, QueryArgument.on(ORDERS).factor(2).build(), "update needs a field"),
                    new Bad("stats without a field", StatsTask.NAME, QueryArgument.on(ORDERS).build(), "stats needs a field"),
                    new Bad("top without a field", TopTask.NAME, QueryArgument.on(ORDERS).limit(3).build(), "top needs a field"),
                    new Bad("distinct count without a field", DistinctCountTask.NAME, QueryArgument.on(ORDERS).build(), "distinct needs a field"),
                    new Bad("no argument", CountTask.NAME, null, "CountTask needs an argument, got null"),

                    new Bad("count with a non-numeric operand for a numeric field", CountTask.NAME,
                            QueryArgument.on(ORDERS).where(notANumber).build(), "which is not a number"),
                    new Bad("stats with a non-numeric operand for a numeric field", StatsTask.NAME,
                            QueryArgument.on(ORDERS).field("quantity").where(Filter.parse("quantity >= many")).build(),
                            "Field 'quantity' is numeric but the filter compares it with 'many', which is not a number"),
                    new Bad("update with a non-numeric operand for a numeric field", UpdateTask.NAME,
                            QueryArgument.on(ORDERS).field("quantity").factor(2).where(notANumber).build(),
                            "Field 'amount' is numeric but the filter compares it with 'lots', which is not a number"),

                    new Bad("unknown key job class", KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, 1L, "com.example.NoSuchJob", null),
                            "No key job class 'com.example.NoSuchJob'"),
                    new Bad("a class that is not a key job", KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, 1L, "java.lang.String", null),
                            "Class 'java.lang.String' does not implement io.affinitygrid.compute.KeyJob"),
                    new Bad("add to field without a delta", KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, 1L, AddToFieldJob.NAME, "amount"),
                            "AddToFieldJob needs 'field:delta'"),
                    new Bad("add a non-number", KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, 1L, AddToFieldJob.NAME, "amount:abc"),
                            "'abc' is not a number"),
                    new Bad("add to a text field", KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, 1L, AddToFieldJob.NAME, "customer:1"),
                            "Field 'customer' is not numeric"),
                    new Bad("add a fraction to an integer field", KeyCallTask.NAME,
                            new KeyCallArgument(ACCOUNTS, 1L, AddToFieldJob.NAME, "quantity:1.5"),
                            "Cannot add 1.5 to field 'quantity', which holds Integer"),
                    new Bad("add beyond the field type's range", KeyCallTask.NAME,
                            new KeyCallArgument(ACCOUNTS, NUMBERS_KEY, AddToFieldJob.NAME, "b:120"), "Cannot add 120 to field 'b', which holds Byte 12"),
                    new Bad("add to a missing key", KeyCallTask.NAME, new KeyCallArgument(ACCOUNTS, 999_999L, AddToFieldJob.NAME, "amount:1"),
                            "No object entry under key 999999"));
        }

        private static String noField(String cache, String field) {
            return "No entry of map '" + cache + "' has a field '" + field + "'";
        }

        private static String notNumeric(String cache, String field) {
            return "Field '" + field + "' of map '" + cache + "' is not numeric";
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badArguments")
        void failsSayingWhatIsWrongAndChangesNothing(Bad bad) {
            Throwable thrown = catchThrowable(() -> execute(bad.task(), bad.argument()));

            assertThat(thrown).as("outcome of %s", bad).isInstanceOf(IgniteException.class);
            assertThat(causes(thrown)).as("causes of %s", thrown)
                    .anySatisfy(cause -> {
                        assertThat(cause).hasMessageContaining(bad.message());
                        if (bad.code() == null) {
                            assertThat(cause).isInstanceOf(IllegalArgumentException.class);
                        }
                        else {
                            assertThat(cause).isInstanceOfSatisfying(GridTaskException.class,
                                    e -> assertThat(e.code()).isEqualTo(bad.code()));
                            assertThat(ErrorCode.find(cause)).contains(bad.code());
                        }
                    });
            assertDataUnchanged();
        }

        static List<String> malformedFilters() {
            return List.of(" ", "amount", "amount 5", "> 5", "amount >", "amount = ", "5amount > 1", "amount >> 5", "region => north",
                    "amount =< 5", "amount <> 5", "amount == 5", "amount ! 5");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @MethodSource("malformedFilters")
        void malformedFilterText(String text) {
            assertThatThrownBy(() -> Filter.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(text.isBlank() ? "A filter must not be blank" : "Cannot read the filter '" + text + "'");
        }

        /** An argument rejected as it is built, before anything reaches the grid. */
        record Rejected(String what, ThrowingCallable build, String message) {
            @Override
            public String toString() {
                return what;
            }
        }

        static List<Rejected> rejectedWhenBuilt() {
            return List.of(
                    new Rejected("limit 0", () -> QueryArgument.on(ORDERS).limit(0), "The limit must be at least 1, got 0"),
                    new Rejected("factor NaN", () -> QueryArgument.on(ORDERS).factor(Double.NaN), "The factor must be a finite number, got NaN"),
                    new Rejected("blank field", () -> QueryArgument.on(ORDERS).field(" "), "The field must not be blank"),
                    new Rejected("blank cache", () -> new SumArgument("", "amount"), "The cache name must not be blank"),
                    new Rejected("blank operation id", () -> QueryArgument.on(ORDERS).operationId(""), "The operation id must not be blank"),
                    new Rejected("blank key job class", () -> new KeyCallArgument(ACCOUNTS, 1L, " ", null), "The job class name must not be blank"),
                    new Rejected("no filter text", () -> Filter.parse(null), "A filter must not be blank"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rejectedWhenBuilt")
        void argumentsRejectBadValuesAsTheyAreBuilt(Rejected rejected) {
            assertThatThrownBy(rejected.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(rejected.message());
        }

        private static List<Throwable> causes(Throwable thrown) {
            List<Throwable> causes = new ArrayList<>();
            for (Throwable t = thrown; t != null && !causes.contains(t); t = t.getCause()) {
                causes.add(t);
            }
            return causes;
        }
    }

    /** Every cache holds exactly what the test expects (read from each node's local copies). */
    static void assertDataUnchanged() {
        GridContents.assertHolds(cluster, ORDERS, 1, ordersStored, GridContents.sameFields());
        GridContents.assertHolds(cluster, ACCOUNTS, 1, accounts, GridContents.sameFields());
        GridContents.assertHolds(cluster, WORDS, 1, textsStored, (expected, stored) -> expected.equals(stored) ? null : "is " + stored);
    }
}
