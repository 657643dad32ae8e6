package io.affinitygrid.client;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.affinitygrid.compute.ErrorCode;
import org.apache.ignite.client.ClientConnectionException;
import org.apache.ignite.internal.client.thin.ClientServerError;

/**
 * Reads the exceptions of Ignite's thin client without reading their text: by exception type, by the thin-client
 * protocol's status code and by our nodes' {@link ErrorCode} tokens. Ignite's prose is read in
 * {@link IgniteWording}, and nowhere else; the SDK's exceptions are made from both in {@link FailureTranslator}.
 * Stateless.
 */
final class Failures {

    /** The thin-client protocol's status for a connection that has as many compute tasks running as the node allows. */
    static final int TOO_MANY_COMPUTE_TASKS = 1030;
    /** The thin-client protocol's status for a request on a cache that does not exist (ClientStatus.CACHE_DOES_NOT_EXIST). */
    static final int CACHE_DOES_NOT_EXIST = 1000;
    /** No protocol status: the failure did not come from a node's answer. */
    static final int NO_STATUS = -1;

    private Failures() {
    }

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
     * {@link IgniteWording#message(Throwable)} when no message holds it.
     */
    static String reason(Throwable e, ErrorCode code) {
        return code.reason(e).filter(reason -> !reason.isEmpty()).orElseGet(() -> IgniteWording.message(e));
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

    /** Whether the calling thread was interrupted while it waited (the thin client wraps the interruption). */
    static boolean isInterrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof org.apache.ignite.IgniteInterruptedException
                    || t instanceof org.apache.ignite.internal.IgniteInterruptedCheckedException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a host name of the addresses did not resolve (the thin client's own message is then "null"). */
    static boolean isUnresolvedHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
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

    /** Whether a node answered that the cache does not exist: read from the protocol status, never the text. */
    static boolean isUnknownCache(Throwable e) {
        return serverStatus(e) == CACHE_DOES_NOT_EXIST;
    }

    /** The failure inside the wrappers of a future's failure ({@link CompletionException}, {@link ExecutionException}). */
    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
