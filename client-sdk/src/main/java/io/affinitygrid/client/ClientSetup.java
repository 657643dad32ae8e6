package io.affinitygrid.client;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ignite.configuration.ClientConfiguration;

/**
 * Connection set-up: the thin client's configuration from a {@link GridConfig} (TLS in {@link TlsSetup}) and the
 * SDK's thread pool for async continuations. A failed connection is translated by {@link FailureTranslator}. Stateless.
 */
final class ClientSetup {

    /** Numbers the grids of this JVM, to name their threads. */
    private static final AtomicInteger GRIDS = new AtomicInteger();

    private ClientSetup() {
    }

    /** The thin client's configuration for {@code config}, its async continuations run on {@code executor}. */
    static ClientConfiguration clientConfiguration(GridConfig config, ExecutorService executor) {
        ClientConfiguration clientConfig = new ClientConfiguration()
                .setAddresses(config.addresses().toArray(String[]::new))
                .setPartitionAwarenessEnabled(config.partitionAwareness())
                // without partition awareness, only the addresses given: not the ones the nodes announce
                .setClusterDiscoveryEnabled(config.partitionAwareness())
                // the handshake timeout bounds the socket connect as well as the handshake
                .setHandshakeTimeout(millis(config.connectTimeout()))
                .setRequestTimeout(millis(config.requestTimeout()))
                .setRetryPolicy(new IdempotentRetryPolicy())
                .setReconnectThrottlingPeriod(ThinClientGrid.RECONNECT_THROTTLING_MILLIS)
                .setReconnectThrottlingRetries(ThinClientGrid.RECONNECT_ATTEMPTS)
                .setAsyncContinuationExecutor(executor)
                .setEventListeners(SendTracker.INSTANCE);
        TlsSetup.secure(clientConfig, config);
        return clientConfig;
    }

    /** A cached pool of daemon threads: idle threads end after a minute. */
    static ExecutorService asyncExecutor() {
        int grid = GRIDS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "grid-client-" + grid + "-async-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
