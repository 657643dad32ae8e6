package io.affinitygrid.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the SDK reads Ignite's own wording. Two jobs, both about text:
 * <ul>
 * <li>recognising the failures that Ignite 2.18 raises itself and reports to thin clients only as text, with no
 * protocol status of their own (status 1, "failed") and no exception type that crosses the wire; our nodes'
 * failures are never recognised here: they carry an {@code ErrorCode} token (see {@link Failures#code});</li>
 * <li>finding, in the text of a failure, the {@link #message message} that explains it.</li>
 * </ul>
 * Each text below was read from {@code ignite-core} 2.18.0; a test of each recognition lives in
 * {@code ClientInternalsTest}, so an Ignite upgrade that rewords one fails there. Stateless.
 *
 * <p>A failure on a node reaches the thin client as a {@code ClientException} whose cause's message is
 * "Ignite failed to process request [n]: " followed by the server's message and, when the node sends stack
 * traces to thin clients, the server's whole stack trace. Ignite wraps the real cause in several layers of
 * generic messages ("Remote job threw user exception ...", "Failed to execute job due to unexpected runtime
 * exception [...]"), so the innermost "Caused by:" line of that trace is the one worth showing.
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

    private static final String SERVER_ERROR_PREFIX = "Ignite failed to process request";
    private static final Pattern SERVER_ERROR = Pattern.compile("^Ignite failed to process request \\[\\d+]: ");
    private static final Pattern CAUSED_BY = Pattern.compile("^Caused by: ");
    /** "class org.x.FooException: " or "java.lang.IllegalArgumentException: " at the start of a trace line. */
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("^(class )?([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");
    private static final Pattern USER_EXCEPTION = Pattern.compile(
            "^Remote job threw user exception \\(override or implement ComputeTask\\.result\\(\\.\\.\\) method if you would like to have automatic failover for this exception\\): ");
    private static final String JOB_ERROR = "Failed to execute job due to unexpected runtime exception";
    private static final String JOB_ERROR_MARKER = ", err=";

    private IgniteWording() {
    }

    // ---- recognition

    /** Whether a node answered that no task of the requested name is deployed. */
    static boolean isUnknownTask(Throwable e) {
        return anyMessageContains(e, UNKNOWN_TASK);
    }

    /**
     * Whether a node refused an operation because every copy of the key's partition was lost (the cache's
     * partition-loss policy is a safe one). Ignite's message: "Failed to execute the cache operation (all
     * partition owners have left the grid, partition data has been lost) [cacheName=..., partition=..., key=...]".
     */
    static boolean isPartitionLost(Throwable e) {
        return anyMessageContains(e, PARTITION_LOST) || anyMessageContains(e, PARTITION_LOST_EXCEPTION);
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
        return anyMessageContains(e, TIMEOUT);
    }

    /** Whether a failure's text speaks of SSL or TLS (a handshake that failed without an {@code SSLException}). */
    static boolean mentionsTls(Throwable e) {
        return anyMessageContains(e, "SSL") || anyMessageContains(e, "TLS");
    }

    private static boolean anyMessageContains(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    // ---- explanation

    /**
     * The message that explains a failure: the innermost meaningful message of the node's error when the
     * failure came from a node, else the innermost non-blank message of the cause chain, else the
     * exception's class name.
     */
    static String message(Throwable e) {
        String server = null;
        String innermost = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            if (message.startsWith(SERVER_ERROR_PREFIX)) {
                server = message;
            }
            innermost = message;
        }
        if (server != null) {
            return serverMessage(server);
        }
        return innermost == null ? e.getClass().getName() : clean(firstLine(innermost));
    }

    /** The innermost meaningful message of a node's error, from its first line and its "Caused by:" lines. */
    private static String serverMessage(String serverError) {
        String[] lines = serverError.split("\\R");
        List<String> candidates = new ArrayList<>();
        candidates.add(SERVER_ERROR.matcher(lines[0]).replaceFirst(""));
        for (int i = 1; i < lines.length; i++) {
            if (CAUSED_BY.matcher(lines[i]).find()) {
                candidates.add(CAUSED_BY.matcher(lines[i]).replaceFirst(""));
            }
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            String cleaned = clean(candidates.get(i));
            if (!cleaned.isBlank()) {
                return cleaned;
            }
        }
        return lines[0];
    }

    /** Strips exception class names and Ignite's generic wrapper messages from the start of a message. */
    private static String clean(String message) {
        String result = message.strip();
        String previous;
        do {
            previous = result;
            result = EXCEPTION_CLASS.matcher(result).replaceFirst("");
            result = USER_EXCEPTION.matcher(result).replaceFirst("");
            if (result.startsWith(JOB_ERROR)) {
                int err = result.lastIndexOf(JOB_ERROR_MARKER);
                if (err >= 0) {
                    result = result.substring(err + JOB_ERROR_MARKER.length());
                    if (result.endsWith("]")) {
                        result = result.substring(0, result.length() - 1);
                    }
                }
            }
            result = result.strip();
        }
        while (!result.equals(previous));
        return result;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
