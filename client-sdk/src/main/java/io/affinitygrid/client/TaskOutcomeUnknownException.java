package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;
import java.util.List;

/**
 * The connection to the node running a computation was lost (the node left the grid, or the network failed)
 * before the computation's result arrived, and the computation was not sent again because running it twice
 * may not be safe: a key job, or a task run by name that is not one of the catalog's read-only computations.
 * <strong>It may or may not have run</strong>, in part or in full: check its effects before running it again.
 *
 * <p>Read-only computations (the catalog's aggregations and the cluster's metadata) and bulk updates, which
 * carry an operation id that makes a second run change nothing, are sent again to another node instead, and
 * never fail with this exception.
 */
public class TaskOutcomeUnknownException extends GridUnavailableException {

    private static final long serialVersionUID = 1L;

    private final String taskName;

    /**
     * @param addresses the configured node addresses, not null
     * @param taskName the computation whose outcome is unknown
     * @param message what happened and what to do
     * @param cause the lost connection, possibly null
     */
    public TaskOutcomeUnknownException(List<String> addresses, String taskName, String message, Throwable cause) {
        super(addresses, message, cause);
        this.taskName = taskName;
    }

    /** The computation whose outcome is unknown: the task's name, or the key job's class name. */
    public String taskName() {
        return taskName;
    }

    /** Always {@code true}: the node may have run the computation before it left. */
    public boolean mayHaveRun() {
        return true;
    }

    /** Always {@link ErrorCode#OUTCOME_UNKNOWN}: the computation may or may not have run. */
    @Override
    public ErrorCode code() {
        return ErrorCode.OUTCOME_UNKNOWN;
    }
}
