package io.affinitygrid.client;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import io.affinitygrid.compute.CatalogTasks;
import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.KeyCallArgument;
import io.affinitygrid.compute.Suggestions;
import io.affinitygrid.compute.deploy.DeploymentInfo;
import org.apache.ignite.client.ClientAuthenticationException;

/**
 * Turns the failures of the thin client into the SDK's exceptions: of a connection, of a request on a map, of a
 * computation, of a deployment. Chooses the exception by what a failure says in code: its type, the thin-client
 * protocol's status, our nodes' {@link ErrorCode} token (all read by {@link Failures}); Ignite's own wording only
 * through {@link IgniteWording}. Never the prose of our nodes' messages. Thread-safe.
 */
final class FailureTranslator {

    static final String CLOSED = "grid connection is closed";

    private final GridConfig config;
    private final BooleanSupplier closed;
    /** The names of the grid's maps, for the message of an unknown map. */
    private final Supplier<Collection<String>> mapNames;
    /** The deployment that had a task class, for the message of an unknown task. */
    private final Function<String, Optional<DeploymentInfo>> owners;

    FailureTranslator(GridConfig config, BooleanSupplier closed, Supplier<Collection<String>> mapNames,
            Function<String, Optional<DeploymentInfo>> owners) {
        this.config = config;
        this.closed = closed;
        this.mapNames = mapNames;
        this.owners = owners;
    }

    // ---- connecting

    /** The failure to connect to the grid at all. */
    static GridException connectFailure(GridConfig config, RuntimeException e) {
        if (e instanceof ClientAuthenticationException) {
            String user = config.userName().orElse(null);
            String message = user == null
                    ? "The grid at " + config.addresses() + " requires a user name and password: "
                            + sentence(e) + ". Configure them with GridConfig.Builder.credentials(user, password)."
                    : "The grid at " + config.addresses() + " refused user '" + user + "': "
                            + sentence(e) + ". Check the user name and password given to"
                            + " GridConfig.Builder.credentials(user, password).";
            return new AuthenticationFailedException(config.addresses(), user, message, e);
        }
        if (Failures.isUnresolvedHost(e)) {
            return new GridUnavailableException(config.addresses(), GridUnavailableException.Reason.UNRESOLVED_HOST,
                    "Cannot reach the grid at " + config.addresses() + ": a host name does not resolve to an address. Check the host names (or give IP addresses).", e);
        }
        boolean timeout = IgniteWording.isTimeout(e);
        String reason = timeout ? "no answer within " + config.connectTimeout().toMillis() + " ms" : sentence(e);
        boolean tlsFailure = Failures.isTlsFailure(e);
        GridUnavailableException.Reason why = tlsFailure ? GridUnavailableException.Reason.TLS_HANDSHAKE
                : timeout ? GridUnavailableException.Reason.NO_ANSWER : GridUnavailableException.Reason.UNREACHABLE;
        String tls = "";
        if (tlsFailure) {
            tls = config.tlsEnabled() ? " The TLS handshake failed: check that the grid has TLS on and that trustStore(...)"
                    + " holds the certificate of the grid's nodes (or of the authority that signed it), and give"
                    + " keyStore(...) if the grid requires client certificates."
                    : "";
        }
        if (tls.isEmpty() && !config.tlsEnabled()) {
            tls = " If the grid has TLS on, connect with GridConfig.Builder.trustStore(path, password).";
        }
        return new GridUnavailableException(config.addresses(), why, "Cannot reach the grid at " + config.addresses()
                + ": " + reason + ". Check that a grid node is running and that the address and"
                + " thin-client port are right." + tls, e);
    }

    /** The failure to set up the SDK's side of a connection that was made. */
    static GridException setupFailure(GridConfig config, RuntimeException e) {
        return new GridException("Cannot set up the connection to the grid at " + config.addresses() + ": "
                + IgniteWording.message(e), e);
    }

    /** The failure of a call on a closed grid. */
    static GridException closed(Throwable cause) {
        return cause == null ? new GridException(CLOSED) : new GridException(CLOSED, cause);
    }

    // ---- requests on maps

    /**
     * The failure of one request.
     *
     * @param mapName the map the request is about, or {@code null}
     * @param action what the request does, for the message, e.g. "read key 1 of map 'orders'"
     */
    GridException requestFailure(RuntimeException e, String mapName, Supplier<String> action) {
        if (e instanceof GridException known) {
            return known;
        }
        if (closed.getAsBoolean()) {
            return closed(e);
        }
        if (Failures.isInterrupted(e)) {
            Thread.currentThread().interrupt();
            return new GridInterruptedException("Interrupted while trying to " + action.get() + ": it may or may not"
                    + " have been done", e);
        }
        if (Failures.isConnectionFailure(e)) {
            return new GridUnavailableException(config.addresses(), GridUnavailableException.Reason.CONNECTION_LOST,
                    "Lost the connection to the grid at "
                    + config.addresses() + " while trying to " + action.get() + ": "
                    + sentence(e) + ". Check that grid nodes are running and reachable.", e);
        }
        Optional<ErrorCode> code = Failures.code(e);
        if (mapName != null && (Failures.isUnknownCache(e) || code.filter(ErrorCode.UNKNOWN_MAP::equals).isPresent())) {
            return unknownMap(mapName, e);
        }
        if (mapName != null && code.filter(ErrorCode.CAPACITY_EXCEEDED::equals).isPresent()) {
            return new GridCapacityException(mapName, "Cannot " + action.get() + ": "
                    + Failures.reason(e, ErrorCode.CAPACITY_EXCEEDED), e);
        }
        if (mapName != null && IgniteWording.isPartitionLost(e)) {
            int partition = IgniteWording.lostPartition(e);
            String which = partition == PartitionLostException.UNKNOWN_PARTITION ? "its partition" : "partition " + partition;
            return new PartitionLostException(mapName, partition, "Cannot " + action.get() + ": " + which + " of map '"
                    + mapName + "' is lost: every node holding a copy of it left the grid. Bring those nodes back, or"
                    + " reset the lost partitions to accept the loss.", e);
        }
        if (IgniteWording.isTimeout(e)) {
            return timeout(action, e);
        }
        return new GridException("Cannot " + action.get() + ": " + IgniteWording.message(e), e);
    }

    /** The failure of an asynchronous request, as its future reported it (wrapped or not). */
    GridException futureFailure(Throwable error, String mapName, Supplier<String> action) {
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof RuntimeException runtime) {
            return requestFailure(runtime, mapName, action);
        }
        return new GridException("Cannot " + action.get() + ": " + IgniteWording.message(cause), cause);
    }

    /** The failure of a request that got no answer within the request timeout. */
    GridTimeoutException timeout(Supplier<String> action, Throwable cause) {
        return new GridTimeoutException(config.requestTimeout(), "Cannot " + action.get()
                + ": no answer within the request timeout of " + config.requestTimeout().toMillis() + " ms", cause);
    }

    /** The failure for a map the grid does not have, listing the maps it has, caused by {@code cause}. */
    UnknownMapException unknownMap(String name, Throwable cause) {
        UnknownMapException unknown = unknownMap(name, quietMapNames());
        unknown.initCause(cause);
        return unknown;
    }

    /** The failure for a map the grid does not have, listing the maps in {@code existing} (unknown when null). */
    static UnknownMapException unknownMap(String name, Collection<String> existing) {
        String maps;
        if (existing == null) {
            maps = "";
        }
        else {
            Set<String> userMaps = MapCatalog.userMaps(existing);
            maps = userMaps.isEmpty() ? " The grid has no maps."
                    : Suggestions.didYouMean(name, userMaps) + " Maps on the grid: " + userMaps + ".";
        }
        return new UnknownMapException(name, "No map named '" + name + "' on the grid." + maps);
    }

    private Collection<String> quietMapNames() {
        try {
            return mapNames.get();
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    // ---- computations

    /** The failure of a computation. */
    GridException computationFailure(String taskName, String mapName, RuntimeException e) {
        if (e instanceof GridException gridException) {
            return gridException;
        }
        ErrorCode code = Failures.code(e).orElse(null);
        String reason = code == null ? IgniteWording.message(e) : Failures.reason(e, code);
        if (mapName != null && code == ErrorCode.CAPACITY_EXCEEDED) {
            return new GridCapacityException(mapName, "Computation " + simpleName(taskName) + " over map '" + mapName
                    + "' could not write: " + reason, e);
        }
        if (code == ErrorCode.BUSY || Failures.serverStatus(e) == Failures.TOO_MANY_COMPUTE_TASKS) {
            return new GridBusyException("The grid refused computation " + simpleName(taskName)
                    + (mapName == null ? "" : " over map '" + mapName + "'") + ": " + reason
                    + (Failures.serverStatus(e) == Failures.TOO_MANY_COMPUTE_TASKS ? " Lower GridConfig.Builder"
                    + ".maxConcurrentComputations to at most the nodes' grid.client.max-compute-tasks." : ""), e);
        }
        if (mapName != null && code == ErrorCode.PARTITIONS_LOST) {
            int partition = ErrorCode.PARTITIONS_LOST.detail(e, "partition").map(Integer::parseInt)
                    .orElse(PartitionLostException.UNKNOWN_PARTITION);
            return new PartitionLostException(mapName, partition, "Task " + taskName + " cannot run over map '"
                    + mapName + "': " + reason, e);
        }
        // Ignite's own partition checks (a key operation inside a task), which carry no code
        if (mapName != null && code == null && IgniteWording.isPartitionLost(e)) {
            return new PartitionLostException(mapName, IgniteWording.lostPartition(e), "Task " + taskName + " cannot run over map '"
                    + mapName + "': " + reason, e);
        }
        if (closed.getAsBoolean() || Failures.isConnectionFailure(e)) {
            return requestFailure(e, null, () -> "run task " + taskName);
        }
        if (code == ErrorCode.UNKNOWN_MAP) {
            String name = mapName != null ? mapName : ErrorCode.UNKNOWN_MAP.detail(e, "map").orElse(null);
            if (name != null) {
                return unknownMap(name, e);
            }
        }
        if (code == null && IgniteWording.isUnknownTask(e)) {
            Optional<DeploymentInfo> owner = owners.apply(taskName);
            if (owner.isPresent()) {
                DeploymentInfo info = owner.get();
                return new TaskFailedException(taskName, ErrorCode.UNKNOWN_TASK, "Task " + taskName + " belonged to deployment '" + info.name() + "' (v"
                        + info.version() + "), which " + (info.removed() ? "was undeployed by '" + info.deployedBy() + "'"
                        : "is not loaded on the node that received the call") + ". Deploy its jar again to run it.", e);
            }
            return new TaskFailedException(taskName, ErrorCode.UNKNOWN_TASK, "No task named '" + taskName + "' on the grid nodes. Tasks are not"
                    + " shipped with a call: deploy its jar first (grid.deployments().deploy(name, jar); shell: deploy), and check its name.", e);
        }
        if (code == ErrorCode.BAD_FIELD || code == ErrorCode.BAD_ARGUMENT || code == ErrorCode.UNKNOWN_TASK) {
            // the node's words name the map, the field, the argument or the job; the task's class name would only be noise
            return new TaskFailedException(taskName, code, reason, e);
        }
        return new TaskFailedException(taskName, code, "Task " + taskName + " failed: " + reason, e);
    }

    /** A computation that did not finish within the request timeout; it is cancelled on the grid. */
    GridTimeoutException computationTimedOut(String taskName, String mapName) {
        Duration limit = config.requestTimeout();
        return new GridTimeoutException(limit, "Computation " + simpleName(taskName)
                + (mapName == null ? "" : " over map '" + mapName + "'") + " did not finish within the request timeout of "
                + limit.toMillis() + " ms, and was cancelled on the grid. Narrow it with a filter, add nodes, or raise the"
                + " timeout (GridConfig.Builder.requestTimeout).", null);
    }

    /** A computation whose node was lost while it ran, and which is not safe to send again. */
    GridException outcomeUnknown(String taskName, Object argument, RuntimeException e) {
        String what = CatalogTasks.KEY_CALL.name().equals(taskName) && argument instanceof KeyCallArgument key
                ? "key job " + key.jobClassName() : "task " + taskName;
        return new TaskOutcomeUnknownException(config.addresses(), taskName, "Lost the connection to the grid node"
                + " running " + what + " before its result arrived (" + sentence(e)
                + "): the node left the grid or the network failed. It may or may not have run, in part or in full. It was"
                + " not sent again, since running it twice may not be safe: check its effects before running it again.", e);
    }

    // ---- deployments

    /** The failure of a deployment task: by the grid's {@code GRID-DEP-n} code when it sent one. */
    static RuntimeException deploymentFailure(Throwable error, String name) {
        Optional<ErrorCode> code = ErrorCode.find(error);
        if (code.isEmpty()) {
            return error instanceof RuntimeException runtime ? runtime : new GridException(String.valueOf(error.getMessage()), error);
        }
        String message = Failures.reason(error, code.get()) + " [" + code.get() + "]";
        return switch (code.get()) {
            case DEPLOYMENT_DISABLED, DEPLOYMENT_NOT_ALLOWED -> new DeploymentRefusedException(name, code.get(), message, error);
            case BAD_JAR, JAR_LOAD_FAILED -> new InvalidJarException(name, code.get(), message, error);
            case UNKNOWN_DEPLOYMENT -> new UnknownDeploymentException(name, code.get(), message, error);
            case DEPLOYMENT_CONFLICT -> new DeploymentConflictException(name, code.get(), message, error);
            default -> error instanceof GridException known ? known : new DeploymentException(name, code.get(), message, error);
        };
    }

    // ---- administration

    /** The failure of an administration task about {@code subject} (a map or a node): by the grid's code when it sent one. */
    static RuntimeException adminFailure(Throwable error, String subject) {
        if (error instanceof UnknownMapException || !(error instanceof RuntimeException) && ErrorCode.find(error).isEmpty()) {
            return error instanceof RuntimeException runtime ? runtime : new GridException(String.valueOf(error.getMessage()), error);
        }
        Optional<ErrorCode> code = ErrorCode.find(error);
        if (code.isEmpty()) {
            return (RuntimeException) error;
        }
        String message = Failures.reason(error, code.get()) + " [" + code.get() + "]";
        return switch (code.get()) {
            case MAP_EXISTS -> new MapExistsException(subject, code.get(), message, error);
            case BAD_MAP_DEFINITION -> new InvalidMapDefinitionException(subject, code.get(), message, error);
            case PROTECTED_MAP, ADMIN_NOT_ALLOWED -> new AdminRefusedException(subject, code.get(), message, error);
            case UNKNOWN_NODE -> new UnknownNodeException(subject, code.get(), message, error);
            default -> error instanceof RuntimeException runtime ? runtime : new GridException(message, error);
        };
    }

    /** The message of a failure without its final period(s), to be followed by more text. */
    private static String sentence(Throwable e) {
        String message = IgniteWording.message(e);
        int end = message.length();
        while (end > 0 && message.charAt(end - 1) == '.') {
            end--;
        }
        return message.substring(0, end);
    }

    private static String simpleName(String taskName) {
        return taskName.substring(taskName.lastIndexOf('.') + 1);
    }
}
