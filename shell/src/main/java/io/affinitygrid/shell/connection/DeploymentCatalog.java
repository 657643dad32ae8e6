package io.affinitygrid.shell.connection;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.affinitygrid.client.Deployment;
import io.affinitygrid.client.Grid;
import org.springframework.stereotype.Component;

/**
 * What TAB completion proposes for deployments: their names ({@code undeploy --name}, {@code deploy --name}) and
 * their task classes ({@code compute run --task}). Asks the grid at most every {@value #TTL_MILLIS} ms, waits at
 * most {@value #WAIT_MILLIS} ms for it, and proposes nothing when not connected. Thread-safe.
 */
@Component
public class DeploymentCatalog {

    static final long TTL_MILLIS = 5_000;
    static final long WAIT_MILLIS = 1_000;

    private final GridConnection connection;
    private volatile Known known;

    public DeploymentCatalog(GridConnection connection) {
        this.connection = connection;
    }

    /** Names of the current deployments, sorted. */
    public List<String> names() {
        return deployments().stream().map(Deployment::name).toList();
    }

    /** Task and key-job classes of the current deployments, sorted. */
    public List<String> taskClasses() {
        TreeSet<String> classes = new TreeSet<>();
        for (Deployment deployment : deployments()) {
            classes.addAll(deployment.taskClasses());
            classes.addAll(deployment.keyJobClasses());
        }
        return List.copyOf(classes);
    }

    /** Key-job classes of the current deployments, sorted. */
    public List<String> keyJobClasses() {
        TreeSet<String> classes = new TreeSet<>();
        deployments().forEach(deployment -> classes.addAll(deployment.keyJobClasses()));
        return List.copyOf(classes);
    }

    /** Forgets what it knows, after a deploy or undeploy. */
    public void forget() {
        known = null;
    }

    private List<Deployment> deployments() {
        Grid grid = connection.gridIfConnected();
        if (grid == null) {
            return List.of();
        }
        Known current = known;
        if (current == null || current.grid != grid || System.nanoTime() - current.at > TimeUnit.MILLISECONDS.toNanos(TTL_MILLIS)) {
            try {
                current = new Known(grid, grid.deployments().async().list().get(WAIT_MILLIS, TimeUnit.MILLISECONDS), System.nanoTime());
                known = current;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            catch (Exception e) {
                return current == null ? List.of() : current.deployments;
            }
        }
        return current.deployments;
    }

    private record Known(Grid grid, List<Deployment> deployments, long at) {
    }
}
