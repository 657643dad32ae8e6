package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** Which nodes hold one partition: its primary and its backups, by node name. Immutable. */
public final class PartitionOwners implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int partition;
    private final String primary;
    private final List<String> backups;

    public PartitionOwners(int partition, String primary, List<String> backups) {
        this.partition = partition;
        this.primary = primary;
        this.backups = List.copyOf(backups);
    }

    public int partition() {
        return partition;
    }

    /** Name of the primary node, or {@code null} when the partition has no owner (lost). */
    public String primary() {
        return primary;
    }

    /** Names of the backup nodes, in affinity order. */
    public List<String> backups() {
        return backups;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionOwners p && partition == p.partition && Objects.equals(primary, p.primary) && backups.equals(p.backups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, primary, backups);
    }

    @Override
    public String toString() {
        return partition + " -> " + primary + " " + backups;
    }
}
