package io.affinitygrid.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the SDK reads Ignite's own wording: failures that Ignite 2.18 raises itself and reports to
 * thin clients only as text, with no protocol status of their own (status 1, "failed") and no exception type that
 * crosses the wire. Our nodes' failures are never recognised here: they carry an {@code ErrorCode} token (see
 * {@link Failures#code}). Each text below was read from {@code ignite-core} 2.18.0; a test of each lives in
 * {@code ClientInternalsTest}, so an Ignite upgrade that rewords one fails there.
 */
final class IgniteWording {

    /** Thin-client compute of a task class the node does not have ({@code ClientComputeTask}). */
    private static final String UNKNOWN_TASK = "Unknown task name";
    /** A cache operation on a lost partition ({@code CacheInvalidStateException}, partition-loss policy READ_WRITE_SAFE). */
    private static final String PARTITION_LOST = "partition data has been lost";
    private static final String PARTITION_LOST_EXCEPTION = "CacheInvalidStateException";
    private static final Pattern LOST_PARTITION = Pattern.compile("partition data has been lost\\).*[\\[ ]partition=(\\d+)");
    /** The thin client gave up waiting for a connection or an answer ({@code ClientException}). */
    private static final String TIMEOUT = "Timeout was reached";

    private IgniteWording() {
    }

    /** Whether a node answered that no task of the requested name is deployed. */
    static boolean isUnknownTask(Throwable e) {
        return Failures.anyMessageContains(e, UNKNOWN_TASK);
    }

    /**
     * Whether a node refused an operation because every copy of the key's partition was lost (the cache's
     * partition-loss policy is a safe one). Ignite's message: "Failed to execute the cache operation (all
     * partition owners have left the grid, partition data has been lost) [cacheName=..., partition=..., key=...]".
     */
    static boolean isPartitionLost(Throwable e) {
        return Failures.anyMessageContains(e, PARTITION_LOST) || Failures.anyMessageContains(e, PARTITION_LOST_EXCEPTION);
    }

    /** The partition named by Ignite's partition-loss failure, or {@link PartitionLostException#UNKNOWN_PARTITION}. */
    static int lostPartition(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher matcher = LOST_PARTITION.matcher(t.getMessage());
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
        }
        return PartitionLostException.UNKNOWN_PARTITION;
    }

    /** Whether the thin client gave up waiting (for a connection or an answer). */
    static boolean isTimeout(Throwable e) {
        return Failures.anyMessageContains(e, TIMEOUT);
    }

    /** Whether a failure's text speaks of SSL or TLS (a handshake that failed without an {@code SSLException}). */
    static boolean mentionsTls(Throwable e) {
        return Failures.anyMessageContains(e, "SSL") || Failures.anyMessageContains(e, "TLS");
    }
}
