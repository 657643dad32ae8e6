package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

/**
 * An operation touched a partition of a map whose every copy was lost: the nodes holding its primary
 * and backup copies all left the grid. The grid fails such operations instead of answering as if the
 * entries did not exist; they keep failing until the lost partitions are reset on the grid (after the
 * nodes came back, or to accept the loss). Entries in other partitions stay readable and writable.
 */
public class PartitionLostException extends GridException {

    private static final long serialVersionUID = 1L;

    /** Value of {@link #partition()} when the grid did not tell which partition was lost. */
    public static final int UNKNOWN_PARTITION = -1;

    private final String mapName;
    private final int partition;

    /**
     * @param mapName the map whose partition was lost
     * @param partition the lost partition, or {@link #UNKNOWN_PARTITION}
     * @param message what failed, and what to do
     * @param cause the underlying failure, possibly null
     */
    public PartitionLostException(String mapName, int partition, String message, Throwable cause) {
        super(message, cause);
        this.mapName = mapName;
        this.partition = partition;
    }

    /** The map whose partition was lost. */
    public String mapName() {
        return mapName;
    }

    /** The lost partition the operation touched, or {@link #UNKNOWN_PARTITION}. */
    public int partition() {
        return partition;
    }

    /** Always {@link ErrorCode#PARTITIONS_LOST}: every copy of a partition left the grid. */
    @Override
    public ErrorCode code() {
        return ErrorCode.PARTITIONS_LOST;
    }
}
