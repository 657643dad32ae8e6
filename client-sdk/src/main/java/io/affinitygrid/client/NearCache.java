package io.affinitygrid.client;

import java.lang.System.Logger.Level;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.affinitygrid.compute.NearCacheMarker;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.client.ClientCache;

/**
 * The near cache of one map: a Caffeine cache of the values this client read, kept coherent with the grid
 * by a continuous query that reports every change of the map (created, updated, removed, expired) and
 * makes this cache drop the key. Shared by every view of the map in one {@link Grid}. Thread-safe.
 *
 * <h2>The invalidation guard</h2>
 * The classic race: a read fetches value v1 from the grid; another client writes v2 and its change notice
 * arrives and invalidates the key; then the read stores v1, which is now stale and would stay so until
 * evicted, since no further notice will come. To rule it out, every key belongs to one of {@value #STRIPES}
 * stripes, each with a sequence number:
 * <ul>
 * <li>An invalidation of a key increments its stripe's sequence and drops the key, under the stripe's lock.</li>
 * <li>A read takes a {@link #stamp(Object) stamp} (the stripe's sequence) <em>before</em> asking the grid,
 * and {@link #store stores} the value only if the sequence still equals the stamp, checked and stored under
 * the same lock. So a value is stored only if no invalidation of any key of its stripe was processed
 * between the stamp and the store; an invalidation processed after the store drops the stored value.
 * (Other keys of the stripe cause spurious refusals, which only cost a later miss.)</li>
 * <li>The near cache serves and stores only while its continuous query is known to be delivering
 * ({@code active}). When the query's connection closes, the disconnect listener marks it inactive, bumps
 * every stripe and empties the cache (notices may have been missed), under every stripe lock; when it
 * becomes active again, every stripe is bumped again, so that no stamp taken across either transition can
 * store. A read that is stamped while inactive never stores.</li>
 * </ul>
 * Hits are lock-free ({@link Cache#getIfPresent}); locks are taken only on the miss path and by invalidations.
 *
 * <h2>Activation: a handshake</h2>
 * A registered query is not active at once. Ignite 2.18's server starts forwarding a thin-client query's
 * events only once it has finished sending the registration's answer ({@code onSent}), and drops the
 * events of that gap, although the client may already have the answer; measured here, 17 of 200
 * registrations lost an update made right after the answer arrived. No fixed wait is safe, since the gap
 * can grow under load. So, once the query is registered, the near cache writes a {@link NearCacheMarker}
 * into the map itself and removes it at once, and becomes active only when its own query delivers the
 * notice of that marker (of its put or of its remove): the proof that this query's events flow, after which
 * they keep flowing until the connection closes. Until then reads go to the grid and store nothing. When
 * no notice of the marker came within {@value #FIRST_HANDSHAKE_WAIT_MILLIS} ms, the marker is written again,
 * waiting twice as long each time, up to {@value #MAX_HANDSHAKE_WAIT_MILLIS} ms, for as long as the
 * registration lasts.
 *
 * <p>The marker has to go into the user's map: a marker in an internal map has its own query, whose events
 * say nothing about this one. It is of a type no user key has, with a random id per registration, and lives
 * there only between its put and its remove (or {@value #MARKER_TTL_SECONDS} s, should this client die in
 * between); computations skip it, the notices of other clients' markers are ignored, and a map's size may
 * count it during those few milliseconds.
 *
 * <h2>Reconnection</h2>
 * The query is registered when the first view of the map is made. After a disconnect it is registered
 * again by the next read that misses, at most once per back-off period (100 ms doubling to 5 s), so that
 * a grid that is down is not hammered; reads go to the grid meanwhile.
 */
final class NearCache {

    private static final System.Logger LOG = System.getLogger(NearCache.class.getName());

    /** Number of stripes; a power of two. */
    static final int STRIPES = 64;
    /** The stamp of a read made while the continuous query is not running: such reads never store. */
    static final long NO_STAMP = -1;
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long to wait for the notice of a marker before writing it again; doubles with each attempt. */
    static final long FIRST_HANDSHAKE_WAIT_MILLIS = 200;
    static final long MAX_HANDSHAKE_WAIT_MILLIS = 5_000;
    /** Expiry of a marker on the grid, in case the client dies between its put and its remove. */
    static final long MARKER_TTL_SECONDS = 30;

    /**
     * Test hook: notices reaching a subscription within this many milliseconds of its registration are
     * dropped, as Ignite's server drops those of its gap, to make that gap as long as a test needs.
     */
    static volatile long testEventGapMillis;

    private final String mapName;
    private final ThinClientGrid grid;
    private final ClientCache<Object, Object> binaryCache;
    /** The map, for writing markers that expire. */
    private final ClientCache<Object, Object> markerCache;
    private final Cache<Object, Object> cache;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    /** Sequence of each stripe; written under the stripe's lock. */
    private final AtomicLongArray sequences = new AtomicLongArray(STRIPES);
    /** Whether the current subscription's events are known to flow; written under every stripe lock. */
    private volatile boolean active;
    private volatile boolean closed;
    /** The registered subscription, active or not yet, or null; written under every stripe lock. */
    private volatile Subscription current;

    private final ReentrantLock registration = new ReentrantLock();
    /** When the next registration may be tried; guarded by {@link #registration}. */
    private long nextAttempt;
    private long backoff = FIRST_BACKOFF_NANOS;

    private final LongAdder invalidations = new LongAdder();
    private final AtomicLong registrations = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final AtomicLong activations = new AtomicLong();
    private final AtomicLong markersWritten = new AtomicLong();
    private final AtomicLong handshakeRetries = new AtomicLong();

    /** Test hook: runs with the key after a read got its value from the grid, before it is stored. */
    volatile Consumer<Object> afterRemoteRead;

    NearCache(String mapName, NearCacheConfig config, ThinClientGrid grid, ClientCache<Object, Object> cache) {
        this.mapName = mapName;
        this.grid = grid;
        this.binaryCache = cache.withKeepBinary();
        this.markerCache = binaryCache.withExpirePolicy(
                new CreatedExpiryPolicy(new Duration(TimeUnit.SECONDS, MARKER_TTL_SECONDS)));
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumSize(config.maximumSize())
                // maintenance (eviction) on the calling thread: no task on the common pool
                .executor(Runnable::run)
                .recordStats();
        config.expireAfterWrite().ifPresent(builder::expireAfterWrite);
        config.expireAfterAccess().ifPresent(builder::expireAfterAccess);
        this.cache = builder.build();
        // System.nanoTime() may be negative: compare with a time it gave, never with 0
        this.nextAttempt = System.nanoTime();
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    String mapName() {
        return mapName;
    }

    /**
     * Registers the continuous query if it never was. Called when a view of the map is made.
     *
     * @throws GridException when the grid cannot register it
     */
    void start() {
        if (registrations.get() > 0) {
            return;
        }
        registration.lock();
        try {
            if (registrations.get() == 0) {
                register();
            }
        }
        finally {
            registration.unlock();
        }
    }

    /** The value cached for {@code key}, or {@code null}; counts a hit or a miss. */
    Object getIfPresent(Object key) {
        return cache.getIfPresent(key);
    }

    /**
     * The stamp to give {@link #store} for a value of {@code key} read from the grid after this call;
     * {@link #NO_STAMP} when the continuous query is not running (after trying to register it again, if
     * its back-off allows).
     */
    long stamp(Object key) {
        if (!active) {
            tryReactivate();
        }
        ReentrantLock lock = locks[stripe(key)];
        lock.lock();
        try {
            return active ? sequences.get(stripe(key)) : NO_STAMP;
        }
        finally {
            lock.unlock();
        }
    }

    /** Stores a value read from the grid, unless the key's stripe was invalidated since {@code stamp} was taken. */
    void store(Object key, Object value, long stamp) {
        Consumer<Object> hook = afterRemoteRead;
        if (hook != null) {
            hook.accept(key);
        }
        if (stamp == NO_STAMP) {
            return;
        }
        int stripe = stripe(key);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            if (active && sequences.get(stripe) == stamp) {
                cache.put(key, value);
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** Drops {@code key} and refuses to store any value of its stripe read before this call. */
    void invalidate(Object key) {
        int stripe = stripe(key);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            sequences.incrementAndGet(stripe);
            cache.invalidate(key);
        }
        finally {
            lock.unlock();
        }
        invalidations.increment();
    }

    /** Drops every entry and refuses to store any value read before this call. */
    void invalidateAll() {
        lockAll();
        try {
            bumpAll();
            cache.invalidateAll();
        }
        finally {
            unlockAll();
        }
        invalidations.increment();
    }

    /**
     * Empties the near cache and stops serving until its continuous query is registered again, by a later
     * read: after the map was reported unknown (destroyed), since a map of the same name created later would
     * not be covered by the old query.
     */
    void reset() {
        deactivate(null);
    }

    /** Stops serving and storing for good; the continuous query ends with the client's connections. */
    void close() {
        closed = true;
        deactivate(null);
    }

    private void register() {
        Subscription subscription = new Subscription();
        ContinuousQuery<Object, Object> query = new ContinuousQuery<>();
        query.setLocalListener(subscription);
        query.setIncludeExpired(true);
        grid.requests().call(mapName, () -> "listen to the changes of map '" + mapName + "' for its near cache",
                () -> binaryCache.query(query, subscription::onDisconnected));
        registrations.incrementAndGet();
        lockAll();
        try {
            if (!subscription.disconnected && !closed) {
                current = subscription;
            }
        }
        finally {
            unlockAll();
        }
        backoff = FIRST_BACKOFF_NANOS;
        // the first marker on the caller's thread, so that it is gone from the map when the caller goes on
        CompletableFuture<Void> written = handshake(subscription, false);
        try {
            written.get(grid.config().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            // logged by handshake; the next attempt writes it again
        }
        awaitMarker(subscription, TimeUnit.MILLISECONDS.toNanos(FIRST_HANDSHAKE_WAIT_MILLIS));
    }

    /** Whether {@code subscription} is the current one and still waits for the notice of its marker. */
    private boolean awaitsMarker(Subscription subscription) {
        return current == subscription && !active && !subscription.disconnected && !closed && !grid.isClosed();
    }

    /**
     * Writes the marker of {@code subscription} into the map and removes it at once; the future completes
     * when both requests are answered, and never fails (a failure is logged, and the next attempt retries).
     */
    private CompletableFuture<Void> handshake(Subscription subscription, boolean retry) {
        if (!awaitsMarker(subscription)) {
            return CompletableFuture.completedFuture(null);
        }
        markersWritten.incrementAndGet();
        if (retry) {
            handshakeRetries.incrementAndGet();
        }
        NearCacheMarker marker = new NearCacheMarker(subscription.id);
        try {
            return markerCache.putAsync(marker, marker).toCompletableFuture()
                    .handle((ignored, putFailure) -> putFailure)
                    // removed whatever the put's outcome: a put that timed out may still have been applied
                    .thenCompose(putFailure -> binaryCache.removeAsync(marker).toCompletableFuture()
                            .handle((ignored, removeFailure) -> putFailure != null ? putFailure : removeFailure))
                    .handle((failure, unexpected) -> {
                        Throwable cause = failure != null ? failure : unexpected;
                        if (cause != null && awaitsMarker(subscription)) {
                            LOG.log(Level.DEBUG, "Near cache of map ''{0}'' cannot write its marker: {1}", mapName,
                                    cause.getMessage());
                        }
                        return null;
                    });
        }
        catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Near cache of map ''{0}'' cannot write its marker: {1}", mapName, e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Writes the marker again after {@code waitNanos} if its notice has not come by then, waiting longer each time. */
    private void awaitMarker(Subscription subscription, long waitNanos) {
        grid.schedule(() -> {
            if (awaitsMarker(subscription)) {
                LOG.log(Level.DEBUG, "Near cache of map ''{0}'' got no notice of its marker within {1} ms; writing it again",
                        mapName, TimeUnit.NANOSECONDS.toMillis(waitNanos));
                handshake(subscription, true);
                awaitMarker(subscription, Math.min(waitNanos * 2, TimeUnit.MILLISECONDS.toNanos(MAX_HANDSHAKE_WAIT_MILLIS)));
            }
        }, waitNanos);
    }

    /** Starts serving and storing, if {@code subscription} is still the current one and not active yet. */
    private void activate(Subscription subscription) {
        if (active || current != subscription) {
            return;
        }
        lockAll();
        try {
            if (current == subscription && !subscription.disconnected && !closed && !active) {
                bumpAll();
                active = true;
                activations.incrementAndGet();
            }
        }
        finally {
            unlockAll();
        }
    }

    /**
     * Registers the continuous query again, unless it is registered (and soon active), another thread is
     * at it, or the back-off forbids it.
     */
    private void tryReactivate() {
        if (current != null || closed || grid.isClosed() || !registration.tryLock()) {
            return;
        }
        try {
            long now = System.nanoTime();
            if (active || current != null || now - nextAttempt < 0) {
                return;
            }
            try {
                register();
                LOG.log(Level.INFO, "Near cache of map ''{0}'' listens to the grid again", mapName);
            }
            catch (RuntimeException e) {
                nextAttempt = now + backoff;
                backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
                LOG.log(Level.DEBUG, "Near cache of map ''{0}'' cannot listen to the grid yet: {1}", mapName, e.getMessage());
            }
        }
        finally {
            registration.unlock();
        }
    }

    /** Marks the near cache inactive, if {@code subscription} is the current one (any, when null), and empties it. */
    private void deactivate(Subscription subscription) {
        lockAll();
        try {
            if (subscription != null) {
                subscription.disconnected = true;
                if (subscription != current) {
                    return;
                }
            }
            current = null;
            active = false;
            bumpAll();
            cache.invalidateAll();
        }
        finally {
            unlockAll();
        }
        invalidations.increment();
    }

    private void bumpAll() {
        for (int i = 0; i < STRIPES; i++) {
            sequences.incrementAndGet(i);
        }
    }

    private void lockAll() {
        for (ReentrantLock lock : locks) {
            lock.lock();
        }
    }

    private void unlockAll() {
        for (int i = STRIPES - 1; i >= 0; i--) {
            locks[i].unlock();
        }
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    // statistics, read by the meters and by tests

    double estimatedSize() {
        return cache.estimatedSize();
    }

    double hitCount() {
        return cache.stats().hitCount();
    }

    double missCount() {
        return cache.stats().missCount();
    }

    double evictionCount() {
        return cache.stats().evictionCount();
    }

    double invalidationCount() {
        return invalidations.sum();
    }

    boolean isActive() {
        return active;
    }

    long registrations() {
        return registrations.get();
    }

    long disconnects() {
        return disconnects.get();
    }

    /** How many times the near cache became active: once per registration whose handshake completed. */
    long activations() {
        return activations.get();
    }

    /** How many markers were written, first attempts and retries. */
    long markersWritten() {
        return markersWritten.get();
    }

    /** How many markers were written again because the notice of the previous one did not come in time. */
    long handshakeRetries() {
        return handshakeRetries.get();
    }

    /** Runs pending maintenance (evictions) now. */
    void cleanUp() {
        cache.cleanUp();
    }

    /** The value cached for {@code key}, without counting a hit or a miss. */
    Object peek(Object key) {
        return cache.asMap().get(key);
    }

    @Override
    public String toString() {
        return "NearCache[" + mapName + ", " + cache.estimatedSize() + " entries" + (active ? "" : ", inactive") + "]";
    }

    /** One registration of the continuous query: receives its events and its disconnection. */
    private final class Subscription implements CacheEntryUpdatedListener<Object, Object> {

        /** The id of this registration's marker. */
        final UUID id = UUID.randomUUID();
        private final long created = System.nanoTime();
        /** Set, under every stripe lock, when the connection carrying this subscription's events closed. */
        volatile boolean disconnected;

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<?, ?>> events) {
            long gap = testEventGapMillis;
            if (gap > 0 && System.nanoTime() - created < TimeUnit.MILLISECONDS.toNanos(gap)) {
                return;
            }
            boolean ownMarker = false;
            for (CacheEntryEvent<?, ?> event : events) {
                Object key = event.getKey();
                UUID marker = NearCacheMarker.idOf(key);
                if (marker != null) {
                    // never cached; only this registration's own marker proves that its notices flow
                    ownMarker |= marker.equals(id);
                    continue;
                }
                if (key instanceof BinaryObject binary) {
                    try {
                        key = binary.deserialize();
                    }
                    catch (RuntimeException e) {
                        // a key this client cannot rebuild: it cannot be matched, so drop everything
                        LOG.log(Level.WARNING, "Near cache of map ''{0}'' cannot read a changed key ({1}); emptied",
                                mapName, e.getMessage());
                        invalidateAll();
                        continue;
                    }
                }
                if (key != null) {
                    invalidate(key);
                }
            }
            if (ownMarker) {
                activate(this);
            }
        }

        void onDisconnected(Exception reason) {
            disconnects.incrementAndGet();
            deactivate(this);
            if (!closed) {
                LOG.log(Level.INFO, "Near cache of map ''{0}'' lost its connection to the grid and was emptied: {1}",
                        mapName, reason == null ? "closed" : reason.getMessage());
            }
        }
    }
}
