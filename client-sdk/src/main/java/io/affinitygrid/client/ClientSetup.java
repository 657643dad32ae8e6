package io.affinitygrid.client;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ignite.client.ClientAuthenticationException;
import org.apache.ignite.configuration.ClientConfiguration;

/**
 * Connection set-up: the thin client's configuration from a {@link GridConfig} (TLS in {@link TlsSetup}), the
 * SDK's thread pool for async continuations, and the translation of a failed connection. Stateless.
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

    static GridException connectFailure(GridConfig config, RuntimeException e) {
        if (e instanceof ClientAuthenticationException) {
            String user = config.userName().orElse(null);
            String message = user == null
                    ? "The grid at " + config.addresses() + " requires a user name and password: "
                            + Failures.withoutFinalPeriod(Failures.message(e)) + ". Configure them with GridConfig.Builder.credentials(user, password)."
                    : "The grid at " + config.addresses() + " refused user '" + user + "': "
                            + Failures.withoutFinalPeriod(Failures.message(e)) + ". Check the user name and password given to"
                            + " GridConfig.Builder.credentials(user, password).";
            return new AuthenticationFailedException(config.addresses(), user, message, e);
        }
        String reason = IgniteWording.isTimeout(e) ? "no answer within " + config.connectTimeout().toMillis() + " ms"
                : Failures.withoutFinalPeriod(Failures.message(e));
        String tls = "";
        if (Failures.isTlsFailure(e)) {
            tls = config.tlsEnabled() ? " The TLS handshake failed: check that the grid has TLS on and that trustStore(...)"
                    + " holds the certificate of the grid's nodes (or of the authority that signed it), and give"
                    + " keyStore(...) if the grid requires client certificates."
                    : "";
        }
        if (tls.isEmpty() && !config.tlsEnabled()) {
            tls = " If the grid has TLS on, connect with GridConfig.Builder.trustStore(path, password).";
        }
        return new GridUnavailableException(config.addresses(), "Cannot reach the grid at " + config.addresses()
                + ": " + reason + ". Check that a grid node is running and that the address and"
                + " thin-client port are right." + tls, e);
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
