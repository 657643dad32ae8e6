package io.affinitygrid.compute;

import java.util.Map;
import java.util.Objects;

import org.apache.ignite.IgniteException;

/**
 * Raised on the nodes (compute-tasks, and users' tasks that want a code); clients never receive this class, only
 * its message, whose token they read with {@link ErrorCode#find(Throwable)}.
 *
 * <p>A failure a grid node reports to the client in the grid's own words, with an {@link ErrorCode}. The message
 * starts with the code's token so that thin clients, which receive only text, can recover the code.
 */
public class GridTaskException extends IgniteException {

    private static final long serialVersionUID = 1L;

    /**
     * Ends the message: Ignite quotes a task's exception inside its own bracketed message ({@code [task=..., err=...]}),
     * and {@link ErrorCode#reason(Throwable)} reads the reason to the end of its line.
     */
    private static final String END = "\n";

    private final ErrorCode code;
    private final String reason;

    /**
     * @param code what kind of failure this is
     * @param reason what went wrong and what to do, in the grid's words
     */
    public GridTaskException(ErrorCode code, String reason) {
        this(code, reason, null);
    }

    /**
     * @param code what kind of failure this is
     * @param details facts the client reads from the token (see {@link ErrorCode#token(Map)}), e.g. a partition
     * @param reason what went wrong and what to do, in the grid's words
     */
    public GridTaskException(ErrorCode code, Map<String, ?> details, String reason) {
        super(Objects.requireNonNull(code, "code").token(details) + " " + Objects.requireNonNull(reason, "reason") + END);
        this.code = code;
        this.reason = reason;
    }

    /**
     * @param code what kind of failure this is
     * @param reason what went wrong and what to do, in the grid's words
     * @param cause the underlying failure, possibly null
     */
    public GridTaskException(ErrorCode code, String reason, Throwable cause) {
        super(Objects.requireNonNull(code, "code").token() + " " + Objects.requireNonNull(reason, "reason") + END, cause);
        this.code = code;
        this.reason = reason;
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }

    /** The message without the code's token. */
    public String reason() {
        return reason;
    }
}
