package io.affinitygrid.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.affinitygrid.compute.ErrorCode;
import org.apache.ignite.client.ClientConnectionException;
import org.apache.ignite.internal.client.thin.ClientServerError;

/**
 * Reads the exceptions of Ignite's thin client: whether a failure is a lost connection or an unknown cache,
 * and which message explains it. Stateless. Failures are recognised by exception type, by the thin-client
 * protocol's status code and by our nodes' {@link ErrorCode} tokens; the few that Ignite reports only in prose are
 * recognised in {@link IgniteWording}, and nowhere else.
 *
 * <p>A failure on a node reaches the thin client as a {@code ClientException} whose cause's message is
 * "Ignite failed to process request [n]: " followed by the server's message and, when the node sends stack
 * traces to thin clients, the server's whole stack trace. Ignite wraps the real cause in several layers of
 * generic messages ("Remote job threw user exception ...", "Failed to execute job due to unexpected runtime
 * exception [...]"), so the innermost "Caused by:" line of that trace is the one worth showing.
 */
final class Failures {

    private static final String SERVER_ERROR_PREFIX = "Ignite failed to process request";
    private static final Pattern SERVER_ERROR = Pattern.compile("^Ignite failed to process request \\[\\d+]: ");
    private static final Pattern CAUSED_BY = Pattern.compile("^Caused by: ");
    /** "class org.x.FooException: " or "java.lang.IllegalArgumentException: " at the start of a trace line. */
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("^(class )?([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");
    private static final Pattern USER_EXCEPTION = Pattern.compile(
            "^Remote job threw user exception \\(override or implement ComputeTask\\.result\\(\\.\\.\\) method if you would like to have automatic failover for this exception\\): ");
    private static final String JOB_ERROR_MARKER = ", err=";

    private Failures() {
    }

    /** The thin-client protocol's status for a connection that has as many compute tasks running as the node allows. */
    static final int TOO_MANY_COMPUTE_TASKS = 1030;
    /** No protocol status: the failure did not come from a node's answer. */
    static final int NO_STATUS = -1;

    /** The protocol status code of the node's answer that failed, or {@link #NO_STATUS}. */
    static int serverStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientServerError serverError) {
                return serverError.getCode();
            }
        }
        return NO_STATUS;
    }

    /**
     * The code a grid node put in its error ({@code [GRID-...]} token), read only from the code token, never from
     * the prose around it.
     */
    static Optional<ErrorCode> code(Throwable e) {
        return ErrorCode.find(e);
    }

    /**
     * The node's own words after a code's token: the rest of the line that holds the token, or
     * {@link #message(Throwable)} when no message holds it.
     */
    static String reason(Throwable e, ErrorCode code) {
        return code.reason(e).filter(reason -> !reason.isEmpty()).orElseGet(() -> message(e));
    }

    /** Whether the connection to the grid was lost or could not be made. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request failed because no connection could be opened to send it on (the node refused the
     * connection): then it never reached a node. Read from the exception types only.
     */
    static boolean isNeverSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a TLS handshake failed (untrusted certificate, TLS on one side only, no common protocol). */
    static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return IgniteWording.mentionsTls(e);
    }

    /** The message without its final period(s), to be followed by more text. */
    static String withoutFinalPeriod(String message) {
        int end = message.length();
        while (end > 0 && message.charAt(end - 1) == '.') {
            end--;
        }
        return message.substring(0, end);
    }

    /** The thin-client protocol's status for a request on a cache that does not exist (ClientStatus.CACHE_DOES_NOT_EXIST). */
    static final int CACHE_DOES_NOT_EXIST = 1000;

    /** Whether a node answered that the cache does not exist: read from the protocol status, never the text. */
    static boolean isUnknownCache(Throwable e) {
        return serverStatus(e) == CACHE_DOES_NOT_EXIST;
    }

    static boolean anyMessageContains(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

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
    static String serverMessage(String serverError) {
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
            if (result.startsWith("Failed to execute job due to unexpected runtime exception")) {
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
