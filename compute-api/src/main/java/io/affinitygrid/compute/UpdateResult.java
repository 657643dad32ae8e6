package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/** Outcome of a bulk update ({@code UpdateTask}). Immutable. */
public final class UpdateResult implements Serializable {

    /**
     * The field in which each value changed by a bulk update records the update's id, so that no entry is updated
     * twice; bookkeeping, which clients leave out when they show or export values.
     */
    public static final String LAST_UPDATE_FIELD = "_lastUpdate";

    private static final long serialVersionUID = 1L;

    private final String operationId;
    private final long updated;
    private final long alreadyApplied;

    public UpdateResult(String operationId, long updated, long alreadyApplied) {
        this.operationId = Objects.requireNonNull(operationId, "operationId");
        this.updated = updated;
        this.alreadyApplied = alreadyApplied;
    }

    /** The update's id; passing it again makes a retry change nothing twice. */
    public String operationId() {
        return operationId;
    }

    /** Entries that now carry this update, whether changed by this run or by an earlier attempt. */
    public long updated() {
        return updated + alreadyApplied;
    }

    /** Of {@link #updated()}, the entries an earlier attempt of the same operation had already changed. */
    public long alreadyApplied() {
        return alreadyApplied;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpdateResult r && operationId.equals(r.operationId) && updated == r.updated && alreadyApplied == r.alreadyApplied;
    }

    @Override
    public int hashCode() {
        return Objects.hash(operationId, updated, alreadyApplied);
    }

    @Override
    public String toString() {
        return "UpdateResult[" + operationId + ": updated=" + updated() + ", alreadyApplied=" + alreadyApplied + "]";
    }
}
