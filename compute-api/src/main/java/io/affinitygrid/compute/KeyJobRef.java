package io.affinitygrid.compute;

import java.util.Objects;

/**
 * A typed reference to a key job deployed on the grid's nodes (a class implementing compute-tasks'
 * {@code KeyJob}): its class name, the argument it takes and the result it gives. Immutable and thread-safe.
 *
 * <p>The catalog's key jobs are in {@link CatalogTasks} (e.g. {@link CatalogTasks#ADD_TO_FIELD}); a job of yours
 * is referenced with {@link #named(String, Class, Class)}:
 * <pre>{@code
 * Object newAmount = grid.compute().onKey("orders", 7L, CatalogTasks.ADD_TO_FIELD, FieldDelta.of("amount", 10));
 * }</pre>
 *
 * @param <A> the job's argument type
 * @param <R> the job's result type
 */
public final class KeyJobRef<A, R> {

    private final String className;
    private final Class<A> argumentType;
    private final Class<R> resultType;

    private KeyJobRef(String className, Class<A> argumentType, Class<R> resultType) {
        this.className = className;
        this.argumentType = argumentType;
        this.resultType = resultType;
    }

    /**
     * A reference to the key job class {@code className}, which the application need not see.
     *
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when {@code className} is blank
     */
    public static <A, R> KeyJobRef<A, R> named(String className, Class<A> argumentType, Class<R> resultType) {
        Objects.requireNonNull(className, "className");
        return new KeyJobRef<>(SumArgument.requireText(className, "key job class name"),
                Objects.requireNonNull(argumentType, "argumentType"), Objects.requireNonNull(resultType, "resultType"));
    }

    /** The job's class name, as the nodes load it. */
    public String className() {
        return className;
    }

    /** The type of the job's argument. */
    public Class<A> argumentType() {
        return argumentType;
    }

    /** The type of the job's result. */
    public Class<R> resultType() {
        return resultType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyJobRef<?, ?> other && className.equals(other.className)
                && argumentType.equals(other.argumentType) && resultType.equals(other.resultType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, argumentType, resultType);
    }

    @Override
    public String toString() {
        return "KeyJob " + className + "(" + argumentType.getName() + ") -> " + resultType.getName();
    }
}
