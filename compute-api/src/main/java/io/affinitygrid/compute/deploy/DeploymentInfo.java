package io.affinitygrid.compute.deploy;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What the grid knows about one deployment, without its jar: what the list-deployments task answers and
 * the deploy and undeploy tasks report. Immutable (a plain final class: the binary marshaller
 * cannot marshal records).
 */
public final class DeploymentInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final int version;
    private final String checksum;
    private final long size;
    private final List<String> taskClasses;
    private final List<String> keyJobClasses;
    private final String deployedBy;
    private final long deployedAtMillis;
    private final boolean removed;

    public DeploymentInfo(String name, int version, String checksum, long size, List<String> taskClasses,
            List<String> keyJobClasses, String deployedBy, long deployedAtMillis, boolean removed) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = version;
        this.checksum = checksum;
        this.size = size;
        this.taskClasses = List.copyOf(taskClasses);
        this.keyJobClasses = List.copyOf(keyJobClasses);
        this.deployedBy = deployedBy;
        this.deployedAtMillis = deployedAtMillis;
        this.removed = removed;
    }

    /** Name of the deployment, chosen by who deployed it. */
    public String name() { return name; }

    /** Version, 1 for the first deploy of the name and one more for each deploy after it. */
    public int version() { return version; }

    /** SHA-256 of the jar, in lower-case hex. */
    public String checksum() { return checksum; }

    /** Size of the jar in bytes. */
    public long size() { return size; }

    /** The {@code ComputeTask} classes of the jar, runnable by class name. */
    public List<String> taskClasses() { return taskClasses; }

    /** The {@code KeyJob} classes of the jar, runnable by class name on a key's primary. */
    public List<String> keyJobClasses() { return keyJobClasses; }

    /** The user who deployed this version. */
    public String deployedBy() { return deployedBy; }

    /** When this version was deployed, in milliseconds since the epoch. */
    public long deployedAtMillis() { return deployedAtMillis; }

    /** Whether the deployment was undeployed (then this describes its last version). */
    public boolean removed() { return removed; }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeploymentInfo d && name.equals(d.name) && version == d.version && Objects.equals(checksum, d.checksum)
                && removed == d.removed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, checksum, removed);
    }

    @Override
    public String toString() {
        return name + " v" + version + (removed ? " (undeployed)" : "") + " sha256=" + checksum + " tasks=" + taskClasses
                + " keyJobs=" + keyJobClasses + " by " + deployedBy;
    }
}
