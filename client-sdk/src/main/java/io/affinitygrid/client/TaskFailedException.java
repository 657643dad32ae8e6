package io.affinitygrid.client;

/** A computation failed on the grid; the message carries the node's cause. */
public class TaskFailedException extends GridException {

    private static final long serialVersionUID = 1L;

    private final String taskName;

    /**
     * @param taskName the task that failed
     * @param message what failed, with the node's cause
     * @param cause the underlying failure, possibly null
     */
    public TaskFailedException(String taskName, String message, Throwable cause) {
        super(message, cause);
        this.taskName = taskName;
    }

    /** The task that failed. */
    public String taskName() {
        return taskName;
    }
}
