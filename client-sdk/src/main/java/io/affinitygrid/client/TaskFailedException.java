package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/** A computation failed on the grid; the message carries the node's cause. */
public class TaskFailedException extends GridException {

    private static final long serialVersionUID = 1L;

    private final String taskName;
    private final ErrorCode code;

    /**
     * @param taskName the task that failed
     * @param message what failed, with the node's cause
     * @param cause the underlying failure, possibly null
     */
    public TaskFailedException(String taskName, String message, Throwable cause) {
        this(taskName, null, message, cause);
    }

    /**
     * @param taskName the task that failed
     * @param code the code the node raised ({@code BAD_ARGUMENT}, {@code BAD_FIELD}, {@code UNKNOWN_TASK},
     *     {@code JOB_FAILED}, ...), or null when it raised none
     * @param message what failed, with the node's cause
     * @param cause the underlying failure, possibly null
     */
    public TaskFailedException(String taskName, ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.taskName = taskName;
        this.code = code;
    }

    /** The code the node raised, or {@code null} when the task failed without one (e.g. a user's task). */
    @Override
    public ErrorCode code() {
        return code;
    }

    /** The task that failed. */
    public String taskName() {
        return taskName;
    }
}
