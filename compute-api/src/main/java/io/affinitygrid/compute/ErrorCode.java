package io.affinitygrid.compute;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes by which a grid node tells a client what went wrong, independent of the message's wording. Each
 * code belongs to a group and prints as {@code GRID-<GROUP>-<number>}, e.g. {@code GRID-MEM-1}.
 *
 * <p>The thin client carries only a node's message text, so a {@code GridTaskException} puts its code in the
 * message as a bracketed token, {@code [GRID-MEM-1]}, at the very start. Clients read that token with
 * {@link #find(String)} and map the code to their own exception types; they never read the prose around it.
 * A code, once published, keeps its meaning; a new meaning gets a new number.
 */
public enum ErrorCode {

    /** A map (cache) of that name does not exist on the grid. */
    UNKNOWN_MAP("MAP", 1),
    /** Every copy of some partitions of the map left the grid: the answer would be incomplete. */
    PARTITIONS_LOST("MAP", 2),
    /** A field the computation needs is on no entry, or has the wrong type. */
    BAD_FIELD("MAP", 3),
    /** A map of that name already exists: nothing was created. */
    MAP_EXISTS("MAP", 4),
    /** The map belongs to the grid itself (its name starts with {@code __}): it cannot be cleared or destroyed. */
    PROTECTED_MAP("MAP", 5),
    /** A map definition is invalid: a bad name, number of backups or partitions, or a mode the nodes refuse. */
    BAD_MAP_DEFINITION("MAP", 6),

    /** The argument of a computation is missing or invalid. */
    BAD_ARGUMENT("CMP", 1),
    /** No computation, task or job of that name is known on the grid. */
    UNKNOWN_TASK("CMP", 2),
    /** The grid is running as many computations as it accepts; try again later. */
    BUSY("CMP", 3),
    /** The computation did not finish in its time limit. */
    TIMED_OUT("CMP", 4),
    /** A user-supplied job or task failed on a node. */
    JOB_FAILED("CMP", 5),
    /**
     * The node running a computation that is not safe to repeat left before it answered: the computation may or
     * may not have run, and was not sent again.
     */
    OUTCOME_UNKNOWN("CMP", 6),

    /** The data region holding the map is above its high-water mark: writes are refused, reads go on. */
    CAPACITY_EXCEEDED("MEM", 1),

    /** Deployment of task jars is switched off on a node ({@code grid.deployment.enabled=false}). */
    DEPLOYMENT_DISABLED("DEP", 1),
    /** The user may not deploy or undeploy: not listed in {@code grid.deployment.users}. */
    DEPLOYMENT_NOT_ALLOWED("DEP", 2),
    /** The jar is unusable: not a jar, corrupt, too large, holds no task or key job, or holds the grid's own classes. */
    BAD_JAR("DEP", 3),
    /** A class of the jar fails to load on a node, e.g. a missing dependency. Nothing was deployed. */
    JAR_LOAD_FAILED("DEP", 4),
    /** No deployment of that name is on the grid (never deployed, or undeployed). */
    UNKNOWN_DEPLOYMENT("DEP", 5),
    /** The name, or a class of the jar, belongs to another user's or another deployment. */
    DEPLOYMENT_CONFLICT("DEP", 6),
    /** A deployment got a new version while a computation of it ran, and a node without the old version got some of its partitions. */
    DEPLOYMENT_CHANGED("DEP", 7),

    /**
     * The user may not administer the grid (create, clear or destroy maps, stop nodes): with authentication on, only
     * the users in {@code grid.deployment.users} may.
     */
    ADMIN_NOT_ALLOWED("ADM", 1),
    /** No server node of that name is in the grid's topology. */
    UNKNOWN_NODE("ADM", 2);

    /** {@code [GRID-MAP-2]}, or with details {@code [GRID-MAP-2 partition=7]}. */
    private static final Pattern TOKEN = Pattern.compile("\\[GRID-([A-Z]+)-(\\d+)((?: [a-zA-Z]+=[^\\s\\]]+)*)]");
    private static final Pattern DETAIL = Pattern.compile(" ([a-zA-Z]+)=([^\\s\\]]+)");

    private final String group;
    private final int number;

    ErrorCode(String group, int number) {
        this.group = group;
        this.number = number;
    }

    /** The printed form, e.g. {@code GRID-MEM-1}. */
    public String code() {
        return "GRID-" + group + "-" + number;
    }

    /** The bracketed token that starts a node's message: {@code [GRID-MEM-1]}. */
    public String token() {
        return "[" + code() + "]";
    }

    /**
     * The token with details the client can read without reading prose: {@code [GRID-MAP-2 partition=7]}.
     * Names are letters; values must not hold spaces or {@code ]}.
     */
    public String token(Map<String, ?> details) {
        StringBuilder s = new StringBuilder("[").append(code());
        details.forEach((name, value) -> {
            String text = String.valueOf(value);
            if (!name.matches("[a-zA-Z]+") || text.isEmpty() || text.matches(".*[\\s\\]].*")) {
                throw new IllegalArgumentException("Cannot put detail " + name + "=" + text + " in an error token");
            }
            s.append(' ').append(name).append('=').append(text);
        });
        return s.append(']').toString();
    }

    /** The value of detail {@code name} in the first token of this code found in {@code error}'s messages, if any. */
    public Optional<String> detail(Throwable error, String name) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher matcher = TOKEN.matcher(t.getMessage());
                while (matcher.find()) {
                    if (group.equals(matcher.group(1)) && number == Integer.parseInt(matcher.group(2))) {
                        Matcher d = DETAIL.matcher(matcher.group(3));
                        while (d.find()) {
                            if (d.group(1).equals(name)) {
                                return Optional.of(d.group(2));
                            }
                        }
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The text after the first token of this code in {@code error}'s messages, to the end of that line: the
     * node's own words without the token; empty when no message holds the token.
     */
    public Optional<String> reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                Matcher matcher = TOKEN.matcher(message);
                while (matcher.find()) {
                    if (group.equals(matcher.group(1)) && number == Integer.parseInt(matcher.group(2))) {
                        int end = message.indexOf('\n', matcher.end());
                        return Optional.of(message.substring(matcher.end(), end < 0 ? message.length() : end).strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The code whose token appears in {@code message}, if any (the first one wins). */
    public static Optional<ErrorCode> find(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(message);
        while (matcher.find()) {
            String group = matcher.group(1);
            int number = Integer.parseInt(matcher.group(2));
            for (ErrorCode code : values()) {
                if (code.group.equals(group) && code.number == number) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The code found in the messages of {@code error}, its causes and their suppressed exceptions (Ignite attaches
     * a refused write's cause as a suppressed exception), outermost first.
     */
    public static Optional<ErrorCode> find(Throwable error) {
        return find(error, 0);
    }

    private static Optional<ErrorCode> find(Throwable error, int depth) {
        for (Throwable t = error; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause()) {
            Optional<ErrorCode> code = find(t.getMessage());
            if (code.isPresent()) {
                return code;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                code = find(suppressed, depth + 1);
                if (code.isPresent()) {
                    return code;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code();
    }
}
