package io.affinitygrid.client;

import static io.affinitygrid.client.SharedGridCluster.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import javax.cache.expiry.ModifiedExpiryPolicy;

import io.affinitygrid.compute.FieldNamesTask;
import io.affinitygrid.compute.NearCacheMarker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The near cache on a real three-node cluster: hits make no network call, this client reads its own
 * writes at once, other clients' changes reach it, the read/update race stores nothing stale, and it stays
 * coherent under concurrent writers from another client. Reconnection is in {@link ConnectionLossTest}.
 */
class NearCacheTest {

    @RegisterExtension
    static final SharedGridCluster CLUSTER = new SharedGridCluster();

    /** How long a change notice may take to arrive; they take milliseconds. */
    static final Duration NOTICE = Duration.ofSeconds(10);

    static String mapName;
    static Grid nearGrid;

    private GridMap<Long, String> near;
    private GridMap<Long, String> other;
    private NearCache nearCache;
    private long key;

    @BeforeAll
    static void connect() {
        mapName = CLUSTER.createMap("near");
        nearGrid = Grid.connect(CLUSTER.config().nearCache(mapName, NearCacheConfig.defaults()).build());
    }

    @AfterAll
    static void disconnect() {
        if (nearGrid != null) {
            nearGrid.close();
        }
    }

    @BeforeEach
    void views() {
        near = nearGrid.map(mapName, Long.class, String.class);
        other = CLUSTER.grid().map(mapName, Long.class, String.class);
        nearCache = ((ThinClientGridMap<Long, String>) near).nearCache();
        awaitActive(nearCache);
        // a fresh key for each test
        key = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
    }

    /**
     * Writes through another client and waits until the near cache processed the change notices, so that
     * they cannot drop what the test reads next.
     */
    static void settledPutAll(GridMap<Long, String> writer, NearCache nearCache, Map<Long, String> entries) {
        // A just-registered continuous query can miss events for a moment (see NearCache): count notices only
        // once the near cache has gone active, as it does itself.
        awaitActive(nearCache);
        double before = nearCache.invalidationCount();
        writer.putAll(entries);
        boolean arrived = await(NOTICE, () -> nearCache.invalidationCount() >= before + entries.size());
        assertThat(arrived).as("%s change notices arrived, of %s; %s, %s disconnects, %s registrations",
                nearCache.invalidationCount() - before, entries.size(), nearCache, nearCache.disconnects(),
                nearCache.registrations()).isTrue();
        awaitActive(nearCache);
    }

    /** Waits until the near cache serves and stores: once the notice of its own marker arrived. */
    static void awaitActive(NearCache nearCache) {
        assertThat(await(NOTICE, nearCache::isActive)).as("%s active", nearCache).isTrue();
    }

    private void settledPut(long key, String value) {
        settledPutAll(other, nearCache, Map.of(key, value));
    }

    @Test
    void aSecondReadIsServedByTheNearCache() {
        settledPut(key, "a");
        double hits = nearCache.hitCount();
        double misses = nearCache.missCount();

        assertThat(near.get(key)).isEqualTo("a");
        assertThat(nearCache.peek(key)).isEqualTo("a");
        assertThat(near.get(key)).isEqualTo("a");
        assertThat(near.containsKey(key)).isTrue();

        assertThat(nearCache.missCount() - misses).isEqualTo(1);
        assertThat(nearCache.hitCount() - hits).isEqualTo(2);
        assertThat(nearCache.isActive()).isTrue();
    }

    @Test
    void absentKeysAreNotCached() {
        assertThat(near.get(key)).isNull();
        assertThat(nearCache.peek(key)).isNull();
        other.put(key, "now there");
        assertThat(near.get(key)).as("no change notice needed for a key never cached").isEqualTo("now there");
    }

    @Test
    void getAllServesWhatTheNearCacheHoldsAndFetchesTheRest() {
        settledPutAll(other, nearCache, Map.of(key, "a", key + 1, "b", key + 2, "c"));
        near.get(key);
        double hits = nearCache.hitCount();

        assertThat(near.getAll(Set.of(key, key + 1, key + 2, key + 3))).containsOnly(
                Map.entry(key, "a"), Map.entry(key + 1, "b"), Map.entry(key + 2, "c"));
        assertThat(nearCache.hitCount() - hits).isEqualTo(1);
        assertThat(nearCache.peek(key + 2)).isEqualTo("c");
        assertThat(near.async().getAll(Set.of(key, key + 1, key + 2)).join()).hasSize(3);
        assertThat(nearCache.hitCount() - hits).isEqualTo(4);
    }

    /** A write through this client, and what its key holds afterwards. */
    enum OwnWrite {
        PUT((map, key) -> {
            map.put(key, "new");
            return "new";
        }),
        PUT_ASYNC((map, key) -> {
            map.async().put(key, "new").join();
            return "new";
        }),
        PUT_ALL((map, key) -> {
            map.putAll(Map.of(key, "new", key + 1, "other"));
            return "new";
        }),
        PUT_ALL_ASYNC((map, key) -> {
            map.async().putAll(Map.of(key, "new")).join();
            return "new";
        }),
        REPLACE((map, key) -> map.replace(key, "new") ? "new" : "replace failed"),
        REPLACE_ASYNC((map, key) -> map.async().replace(key, "new").join() ? "new" : "replace failed"),
        COMPARE_AND_SET((map, key) -> map.replace(key, "old", "new") ? "new" : "replace failed"),
        COMPARE_AND_SET_ASYNC((map, key) -> map.async().replace(key, "old", "new").join() ? "new" : "replace failed"),
        GET_AND_PUT((map, key) -> "old".equals(map.getAndPut(key, "new")) ? "new" : "wrong previous value"),
        GET_AND_PUT_ASYNC((map, key) -> "old".equals(map.async().getAndPut(key, "new").join()) ? "new" : "wrong previous value"),
        REMOVE((map, key) -> map.remove(key) ? null : "remove failed"),
        REMOVE_ASYNC((map, key) -> map.async().remove(key).join() ? null : "remove failed"),
        REMOVE_IF_EQUALS((map, key) -> map.remove(key, "old") ? null : "remove failed"),
        GET_AND_REMOVE((map, key) -> "old".equals(map.getAndRemove(key)) ? null : "wrong removed value"),
        GET_AND_REMOVE_ASYNC((map, key) -> "old".equals(map.async().getAndRemove(key).join()) ? null : "wrong removed value"),
        REMOVE_ALL((map, key) -> {
            map.removeAll(List.of(key));
            return null;
        }),
        REMOVE_ALL_ASYNC((map, key) -> {
            map.async().removeAll(List.of(key)).join();
            return null;
        }),
        REMOVE_THEN_PUT_IF_ABSENT((map, key) -> {
            map.remove(key);
            return map.putIfAbsent(key, "new") ? "new" : "putIfAbsent failed";
        });

        final BiFunction<GridMap<Long, String>, Long, String> write;

        OwnWrite(BiFunction<GridMap<Long, String>, Long, String> write) {
            this.write = write;
        }
    }

    @ParameterizedTest
    @EnumSource(OwnWrite.class)
    void thisClientReadsItsOwnWritesAtOnce(OwnWrite write) {
        settledPut(key, "old");
        assertThat(near.get(key)).isEqualTo("old");
        assertThat(nearCache.peek(key)).isEqualTo("old");

        String expected = write.write.apply(near, key);

        // no waiting: the write dropped the key before it returned
        assertThat(nearCache.peek(key)).isNull();
        assertThat(near.get(key)).isEqualTo(expected);
        assertThat(near.async().get(key).join()).isEqualTo(expected);
        assertThat(other.get(key)).isEqualTo(expected);
    }

    @Test
    void clearThroughThisClientEmptiesItsNearCacheAtOnce() {
        String map = CLUSTER.createMap("near-clear");
        try (Grid grid = Grid.connect(CLUSTER.config().nearCache(map, NearCacheConfig.defaults()).build())) {
            GridMap<Long, String> cleared = grid.map(map, Long.class, String.class);
            NearCache cache = ((ThinClientGridMap<Long, String>) cleared).nearCache();
            GridMap<Long, String> writer = CLUSTER.grid().map(map, Long.class, String.class);
            settledPutAll(writer, cache, Map.of(1L, "a", 2L, "b"));
            cleared.getAll(Set.of(1L, 2L));
            assertThat(cache.estimatedSize()).isEqualTo(2);

            cleared.clear();

            assertThat(cache.estimatedSize()).isZero();
            assertThat(cleared.get(1L)).isNull();
            settledPutAll(writer, cache, Map.of(3L, "c"));
            assertThat(cleared.get(3L)).isEqualTo("c");
            assertThat(cache.estimatedSize()).isEqualTo(1);
            cleared.async().clear().join();
            assertThat(cache.estimatedSize()).isZero();
            assertThat(cleared.get(3L)).isNull();
        }
    }

    /** A change made by someone else than the near-cached client, and what the key holds afterwards. */
    enum OtherWrite {
        /** Another SDK client puts. */
        CLIENT_PUT((test, key) -> {
            test.other.put(key, "new");
            return "new";
        }),
        CLIENT_REMOVE((test, key) -> {
            test.other.remove(key);
            return null;
        }),
        CLIENT_CLEAR((test, key) -> {
            test.other.clear();
            return null;
        }),
        /** Code on a server node puts, behind every client's back. */
        SERVER_PUT((test, key) -> {
            CLUSTER.serverCache(mapName).put(key, "new");
            return "new";
        }),
        SERVER_REMOVE((test, key) -> {
            CLUSTER.serverCache(mapName).remove(key);
            return null;
        }),
        /** The entry expires on the grid (expiry policy of the write). */
        EXPIRY((test, key) -> {
            double before = test.nearCache.invalidationCount();
            CLUSTER.serverCache(mapName).withExpiryPolicy(new ModifiedExpiryPolicy(
                    new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, 1_000))).put(key, "old");
            assertThat(await(NOTICE, () -> test.nearCache.invalidationCount() > before)).isTrue();
            // cached before it expires: the near cache must drop it when it does
            assertThat(test.near.get(key)).isEqualTo("old");
            assertThat(test.nearCache.peek(key)).isEqualTo("old");
            return null;
        });

        final BiFunction<NearCacheTest, Long, String> write;

        OtherWrite(BiFunction<NearCacheTest, Long, String> write) {
            this.write = write;
        }
    }

    @ParameterizedTest
    @EnumSource(OtherWrite.class)
    void changesByOthersReachTheNearCache(OtherWrite write) {
        settledPut(key, "old");
        assertThat(near.get(key)).isEqualTo("old");
        assertThat(nearCache.peek(key)).isEqualTo("old");

        String expected = write.write.apply(this, key);

        assertThat(await(NOTICE, () -> nearCache.peek(key) == null))
                .as("the change notice dropped key %s", key).isTrue();
        assertThat(near.get(key)).isEqualTo(expected);
    }

    /** How the racing read is made. */
    enum Read {
        GET((map, key) -> map.get(key)),
        GET_ASYNC((map, key) -> map.async().get(key).join()),
        GET_ALL((map, key) -> map.getAll(Set.of(key)).get(key)),
        GET_ALL_ASYNC((map, key) -> map.async().getAll(Set.of(key)).join().get(key));

        final BiFunction<GridMap<Long, String>, Long, String> read;

        Read(BiFunction<GridMap<Long, String>, Long, String> read) {
            this.read = read;
        }
    }

    /**
     * The classic race, made deterministic with the near cache's test hook: the read gets "old" from the
     * grid, then, before it stores it, another client writes "new" and its change notice is processed
     * (finding nothing to drop); then the read goes on. It must not store "old".
     */
    @ParameterizedTest
    @EnumSource(Read.class)
    void aReadThatRacesAnUpdateStoresNothingStale(Read read) throws Exception {
        settledPut(key, "old");
        CountDownLatch readGotItsValue = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        nearCache.afterRemoteRead = hookFor(key, readGotItsValue, goOn);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<String> racing = reader.submit(() -> read.read.apply(near, key));
            assertThat(readGotItsValue.await(10, TimeUnit.SECONDS)).as("the read reached the grid").isTrue();

            double invalidations = nearCache.invalidationCount();
            other.put(key, "new");
            assertThat(await(NOTICE, () -> nearCache.invalidationCount() > invalidations))
                    .as("the change notice was processed while the read was paused").isTrue();
            goOn.countDown();

            assertThat(racing.get(10, TimeUnit.SECONDS)).as("the read returns what it read").isEqualTo("old");
            assertThat(nearCache.peek(key)).as("but does not store it").isNull();
            assertThat(near.get(key)).isEqualTo("new");
            assertThat(nearCache.peek(key)).isEqualTo("new");
        }
        finally {
            nearCache.afterRemoteRead = null;
            goOn.countDown();
            reader.shutdownNow();
        }
    }

    /** The same pause with no update meanwhile: the value is stored, so the test above tests the guard. */
    @ParameterizedTest
    @EnumSource(Read.class)
    void aReadThatRacesNothingStoresItsValue(Read read) throws Exception {
        settledPut(key, "old");
        CountDownLatch readGotItsValue = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        nearCache.afterRemoteRead = hookFor(key, readGotItsValue, goOn);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<String> racing = reader.submit(() -> read.read.apply(near, key));
            assertThat(readGotItsValue.await(10, TimeUnit.SECONDS)).isTrue();
            goOn.countDown();
            assertThat(racing.get(10, TimeUnit.SECONDS)).isEqualTo("old");
            assertThat(nearCache.peek(key)).isEqualTo("old");
        }
        finally {
            nearCache.afterRemoteRead = null;
            goOn.countDown();
            reader.shutdownNow();
        }
    }

    private static Consumer<Object> hookFor(long key, CountDownLatch reached, CountDownLatch goOn) {
        return readKey -> {
            if (readKey.equals(key)) {
                reached.countDown();
                try {
                    goOn.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /**
     * Three writers on another client and one on a server node update 20 keys as fast as they can while
     * two readers read them through the near cache. Once the writers stop, every key reads, through the near
     * cache, as the grid holds it, within the time a notice takes.
     */
    @Test
    void staysCoherentUnderConcurrentWritersFromAnotherClient() throws Exception {
        int keyCount = 20;
        int writesPerWriter = 400;
        List<Long> keys = LongStream.range(key, key + keyCount).boxed().toList();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        double hits = nearCache.hitCount();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < writesPerWriter; i++) {
                        Long k = keys.get(random.nextInt(keyCount));
                        String value = "w" + writer + "-" + i;
                        if (writer == 3) {
                            CLUSTER.serverCache(mapName).put(k, value);
                        }
                        else if (i % 10 == 9) {
                            other.remove(k);
                        }
                        else {
                            other.put(k, value);
                        }
                    }
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (writing.get()) {
                        Long k = keys.get(random.nextInt(keyCount));
                        if (random.nextBoolean()) {
                            near.get(k);
                        }
                        else {
                            near.async().get(k).join();
                        }
                        reads.incrementAndGet();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        }
        finally {
            writing.set(false);
            pool.shutdownNow();
        }

        Map<Long, Object> onTheGrid = new HashMap<>();
        for (Long k : keys) {
            onTheGrid.put(k, CLUSTER.serverCache(mapName).get(k));
        }
        for (Long k : keys) {
            assertThat(await(NOTICE, () -> java.util.Objects.equals(near.get(k), onTheGrid.get(k))))
                    .as("key %s reads as the grid holds it, %s", k, onTheGrid.get(k)).isTrue();
        }
        for (Long k : keys) {
            Object cached = nearCache.peek(k);
            assertThat(cached == null || cached.equals(onTheGrid.get(k))).as("near cache of key %s holds %s", k, cached).isTrue();
        }
        assertThat(reads.get()).isPositive();
        assertThat(nearCache.hitCount() - hits).as("the near cache served reads meanwhile").isPositive();
    }

    /**
     * Activation while notices are late: the test hook drops every notice that reaches the new near cache's
     * query in its first second (as Ignite's server drops those of its gap, only longer than any fixed wait
     * would cover), while another client updates keys from the start and stops after 0.7 s. No read may
     * return a value older than a write acknowledged {@value #STALE_AFTER_MILLIS} ms before the read began
     * (notices take milliseconds); a near cache that went active before its notices flowed would keep
     * serving the value it stored before the last writes, whose notices were dropped. It must still go active,
     * after writing its marker again, and serve hits.
     */
    @Test
    void activatesOnlyOnceItsOwnMarkerArrivesAndNeverServesAStaleValue() throws Exception {
        long gapMillis = 1_000;
        long writeMillis = 700;
        int keyCount = 8;
        String map = CLUSTER.createMap("near-gap");
        GridMap<Long, Long> writer = CLUSTER.grid().map(map, Long.class, Long.class);
        // acknowledged writes of each key: {value, nanoTime when the put returned}; values only grow
        List<ConcurrentLinkedQueue<long[]>> acked = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            acked.add(new ConcurrentLinkedQueue<>());
        }
        AtomicLongArray lastAcked = new AtomicLongArray(keyCount);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        NearCache.testEventGapMillis = gapMillis;
        try (Grid grid = Grid.connect(CLUSTER.config().nearCache(map, NearCacheConfig.defaults()).build())) {
            long start = System.nanoTime();
            Future<?> writes = pool.submit(() -> {
                for (long value = 1; System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(writeMillis); value++) {
                    int k = (int) (value % keyCount);
                    writer.put((long) k, value);
                    acked.get(k).add(new long[] {value, System.nanoTime()});
                    lastAcked.set(k, value);
                }
            });
            GridMap<Long, Long> reader = grid.map(map, Long.class, Long.class);
            NearCache cache = ((ThinClientGridMap<Long, Long>) reader).nearCache();
            List<long[]> reads = new ArrayList<>(); // {key, value or 0, nanoTime when the read began}
            long readUntil = start + TimeUnit.MILLISECONDS.toNanos(gapMillis + 1_500);
            long giveUp = start + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < giveUp && (System.nanoTime() < readUntil || cache.hitCount() == 0)) {
                long k = reads.size() % keyCount;
                long began = System.nanoTime();
                Long value = reader.get(k);
                reads.add(new long[] {k, value == null ? 0 : value, began});
                // leave the writer and the notices some of the two cores
                LockSupport.parkNanos(200_000);
            }
            writes.get(10, TimeUnit.SECONDS);

            List<String> stale = new ArrayList<>();
            long tolerance = TimeUnit.MILLISECONDS.toNanos(STALE_AFTER_MILLIS);
            for (long[] read : reads) {
                for (long[] write : acked.get((int) read[0])) {
                    if (write[0] > read[1] && write[1] < read[2] - tolerance) {
                        stale.add("key " + read[0] + " read " + read[1] + " at " + (read[2] - start) / 1_000_000
                                + " ms, " + write[0] + " written at " + (write[1] - start) / 1_000_000 + " ms");
                        break;
                    }
                }
            }
            assertThat(stale).as("stale reads of %s, on %s", reads.size(), cache).isEmpty();
            assertThat(cache.isActive()).isTrue();
            assertThat(cache.activations()).isEqualTo(1);
            assertThat(cache.handshakeRetries()).as("markers whose notices fell in the gap were written again").isPositive();
            assertThat(cache.markersWritten()).isEqualTo(cache.handshakeRetries() + 1);
            assertThat(cache.hitCount()).as("the near cache serves once active").isPositive();
            for (long k = 0; k < keyCount; k++) {
                assertThat(reader.get(k)).isEqualTo(lastAcked.get((int) k));
            }
            assertThat(writer.size()).as("no marker left in the map").isEqualTo(keyCount);
        }
        finally {
            NearCache.testEventGapMillis = 0;
            pool.shutdownNow();
        }
    }

    /** How long after a write was acknowledged a read may still return the value before it. */
    static final long STALE_AFTER_MILLIS = 250;

    /**
     * A marker left in a map (its client died between the put and the remove) is invisible to computations,
     * and other clients' near caches neither cache nor go active on it.
     */
    @Test
    void aMarkerLeftInTheMapIsSkippedByComputationsAndIgnoredByNearCaches() {
        settledPutAll(other, nearCache, Map.of(key, "a", key + 1, "b"));
        long users = other.size();
        NearCacheMarker marker = new NearCacheMarker(UUID.randomUUID());
        double invalidations = nearCache.invalidationCount();
        long markers = nearCache.markersWritten();
        CLUSTER.serverCache(mapName).put(marker, marker);
        String small = CLUSTER.createMap("near-marker");
        CLUSTER.grid().map(small, Long.class, String.class).putAll(Map.of(1L, "one", 2L, "two"));
        CLUSTER.serverCache(small).put(marker, marker);
        try {
            assertThat(other.size()).isEqualTo(users + 1);
            assertThat(CLUSTER.grid().compute().on(mapName).count()).as("computations skip it").isEqualTo(users);
            assertThat(CLUSTER.grid().compute().on(small).count()).isEqualTo(2);
            Map<String, String> fields = CLUSTER.grid().compute().execute(FieldNamesTask.NAME, small);
            assertThat(fields).as("the marker's own field is not listed").containsOnlyKeys("_value");
            other.put(key, "a2");
            assertThat(await(NOTICE, () -> nearCache.invalidationCount() > invalidations)).isTrue();
            assertThat(nearCache.invalidationCount()).as("the marker's notice invalidated nothing").isEqualTo(invalidations + 1);
            assertThat(near.get(key)).isEqualTo("a2");
            assertThat(nearCache.isActive()).isTrue();
            assertThat(nearCache.markersWritten()).isEqualTo(markers);
        }
        finally {
            CLUSTER.serverCache(mapName).remove(marker);
        }
    }

    @Test
    void viewsOfOneMapShareItsNearCacheAndCheckTheTypeOfWhatItServes() {
        settledPut(key, "a");
        near.get(key);
        GridMap<Long, Object> objects = nearGrid.map(mapName, long.class, Object.class);
        GridMap<Long, Integer> integers = nearGrid.map(mapName, Long.class, Integer.class);

        assertThat(((ThinClientGridMap<Long, Object>) objects).nearCache()).isSameAs(nearCache);
        assertThat(objects.get(key)).isEqualTo("a");
        assertThatThrownBy(() -> integers.get(key))
                .isExactlyInstanceOf(GridException.class)
                .hasMessage("map '" + mapName + "' holds java.lang.String values under key " + key + ", not java.lang.Integer");
        assertThat(near.async().sync()).isSameAs(near);
    }

    @Test
    void mapsWithoutANearCacheInTheConfigurationHaveNone() {
        assertThat(((ThinClientGridMap<Long, Order>) nearGrid.map(GridCluster.ORDERS, Long.class, Order.class)).nearCache()).isNull();
        assertThat(((ThinClientGridMap<Long, String>) other).nearCache()).isNull();
    }

    @Test
    void sizeAndAgeBoundsApply() {
        String map = CLUSTER.createMap("near-bounds");
        GridConfig config = CLUSTER.config()
                .nearCache(map, NearCacheConfig.builder().maximumSize(50).expireAfterWrite(Duration.ofMillis(500)).build())
                .build();
        try (Grid grid = Grid.connect(config)) {
            GridMap<Long, String> bounded = grid.map(map, Long.class, String.class);
            NearCache cache = ((ThinClientGridMap<Long, String>) bounded).nearCache();
            GridMap<Long, String> writer = CLUSTER.grid().map(map, Long.class, String.class);
            Map<Long, String> entries = new HashMap<>();
            for (long k = 0; k < 200; k++) {
                entries.put(k, "v" + k);
            }
            settledPutAll(writer, cache, entries);

            assertThat(bounded.getAll(entries.keySet())).isEqualTo(entries);
            cache.cleanUp();
            assertThat(cache.estimatedSize()).isLessThanOrEqualTo(50);
            assertThat(cache.evictionCount()).isGreaterThanOrEqualTo(150);

            settledPutAll(writer, cache, Map.of(1_000L, "x"));
            assertThat(bounded.get(1_000L)).isEqualTo("x");
            assertThat(cache.peek(1_000L)).isEqualTo("x");
            assertThat(await(NOTICE, () -> cache.peek(1_000L) == null)).as("expired after 500 ms").isTrue();
        }
    }
}
