package io.affinitygrid.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.affinitygrid.compute.deploy.DeploymentInfo;

/**
 * One version of a deployment on the grid: a jar of tasks and key jobs, loaded on every server node. Immutable
 * (a plain final class, like everything that travels through the grid).
 */
public final class Deployment {

    private final String name;
    private final int version;
    private final String checksum;
    private final long size;
    private final List<String> taskClasses;
    private final List<String> keyJobClasses;
    private final Instant deployedAt;
    private final String deployedBy;

    Deployment(DeploymentInfo info) {
        this.name = info.name();
        this.version = info.version();
        this.checksum = info.checksum();
        this.size = info.size();
        this.taskClasses = info.taskClasses();
        this.keyJobClasses = info.keyJobClasses();
        this.deployedAt = Instant.ofEpochMilli(info.deployedAtMillis());
        this.deployedBy = info.deployedBy();
    }

    /** The deployment's name; never null. */
    public String name() { return name; }

    /** Its version: 1 for the first deploy of the name, one more for each deploy after it. */
    public int version() { return version; }

    /** SHA-256 of the jar, lower-case hex; compare it with {@code sha256sum my-tasks.jar}. */
    public String checksum() { return checksum; }

    /** Size of the jar in bytes. */
    public long size() { return size; }

    /** The task classes found in the jar, sorted: run them with {@code grid.compute().execute(className, argument)}. */
    public List<String> taskClasses() { return taskClasses; }

    /** The key-job classes found, sorted: run them with {@code grid.compute().onKey(map, key, className, argument)}. */
    public List<String> keyJobClasses() { return keyJobClasses; }

    /** When this version was deployed (or, for the result of an undeploy, when it was undeployed). */
    public Instant deployedAt() { return deployedAt; }

    /** Who deployed it (or undeployed it): the logged-in user when the grid authenticates, else the client's declared user. */
    public String deployedBy() { return deployedBy; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Deployment d && name.equals(d.name) && version == d.version && Objects.equals(checksum, d.checksum);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, checksum);
    }

    @Override
    public String toString() {
        return "Deployment[" + name + " v" + version + ", sha256=" + checksum + ", " + size + " bytes, tasks=" + taskClasses
                + ", keyJobs=" + keyJobClasses + ", by " + deployedBy + " at " + deployedAt + "]";
    }
}
