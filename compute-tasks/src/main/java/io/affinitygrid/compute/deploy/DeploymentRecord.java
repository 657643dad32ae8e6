package io.affinitygrid.compute.deploy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One deployment as the grid stores it in {@value Deployments#CACHE}, keyed by name: the jar's bytes and what
 * was found in it, who deployed it and when. An undeployed name keeps a record without bytes
 * ({@link #removed()}), so that versions keep counting up and a call to one of its tasks can name it.
 * Immutable.
 */
public final class DeploymentRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final int version;
    private final String checksum;
    private final byte[] jar;
    private final long size;
    private final ArrayList<String> taskClasses;
    private final ArrayList<String> keyJobClasses;
    private final String deployedBy;
    private final long deployedAtMillis;
    private final boolean removed;

    DeploymentRecord(String name, int version, String checksum, byte[] jar, long size, List<String> taskClasses,
            List<String> keyJobClasses, String deployedBy, long deployedAtMillis, boolean removed) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = version;
        this.checksum = checksum;
        this.jar = jar == null ? new byte[0] : jar.clone();
        this.size = size;
        this.taskClasses = new ArrayList<>(taskClasses);
        this.keyJobClasses = new ArrayList<>(keyJobClasses);
        this.deployedBy = deployedBy;
        this.deployedAtMillis = deployedAtMillis;
        this.removed = removed;
    }

    public String name() { return name; }

    public int version() { return version; }

    public String checksum() { return checksum; }

    /** The jar's bytes; empty once undeployed. A copy. */
    public byte[] jar() { return jar.clone(); }

    public List<String> taskClasses() { return List.copyOf(taskClasses); }

    public List<String> keyJobClasses() { return List.copyOf(keyJobClasses); }

    public String deployedBy() { return deployedBy; }

    public boolean removed() { return removed; }

    /** The record of this name once undeployed by {@code user}: no bytes, same version. */
    DeploymentRecord asRemoved(String user, long atMillis) {
        return new DeploymentRecord(name, version, checksum, null, size, taskClasses, keyJobClasses, user, atMillis, true);
    }

    /** What clients are told about this record. */
    public DeploymentInfo info() {
        return new DeploymentInfo(name, version, checksum, size, taskClasses, keyJobClasses, deployedBy, deployedAtMillis, removed);
    }

    @Override
    public String toString() {
        return "DeploymentRecord[" + info() + "]";
    }
}
