package io.affinitygrid.node;

/**
 * Thrown when a grid node cannot start because of a bad setting. Carries the property that holds the
 * bad value (in its {@code grid.*} form), the value itself and what is wrong with it.
 */
public class GridConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final transient Object value;
    private final String problem;

    public GridConfigurationException(String property, Object value, String problem) {
        this(property, value, problem, null);
    }

    public GridConfigurationException(String property, Object value, String problem, Throwable cause) {
        super("Invalid grid configuration: " + property + "=" + value + ": " + problem, cause);
        this.property = property;
        this.value = value;
        this.problem = problem;
    }

    /** The property holding the bad value, e.g. {@code grid.maps[0].backups}. */
    public String property() {
        return property;
    }

    /** The bad value, as configured. */
    public Object value() {
        return value;
    }

    /** What is wrong with the value. */
    public String problem() {
        return problem;
    }
}
