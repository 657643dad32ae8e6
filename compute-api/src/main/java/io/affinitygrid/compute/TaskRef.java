package io.affinitygrid.compute;

import java.lang.reflect.Type;
import java.util.Objects;

import org.apache.ignite.compute.ComputeTask;

/**
 * A typed reference to a task deployed on the grid's nodes: the task's name (the name nodes know it by) with
 * its argument and result types, so that a client sends the right argument and gets the right result without
 * naming a class as a string. Immutable and thread-safe; two references are equal when their name and types
 * are.
 *
 * <p>References to the catalog's tasks are in {@link CatalogTasks}. A reference to a task of your own is made
 * from its class, which gives the name and the types:
 * <pre>{@code
 * TaskRef<String, Integer> maxQuantity = TaskRef.of(MaxQuantityTask.class);
 * int max = grid.compute().execute(maxQuantity, "orders");
 * }</pre>
 *
 * @param <A> the task's argument type
 * @param <R> the task's result type
 */
public final class TaskRef<A, R> {

    private final String name;
    private final Type argumentType;
    private final Type resultType;

    private TaskRef(String name, Type argumentType, Type resultType) {
        this.name = name;
        this.argumentType = argumentType;
        this.resultType = resultType;
    }

    /**
     * The reference to a task class: named by the class's binary name (Ignite's name for a task without a
     * {@code @ComputeTaskName}), typed by the class's {@code ComputeTask<A, R>} type arguments.
     *
     * @throws NullPointerException when {@code taskClass} is null
     * @throws IllegalArgumentException when the class leaves its argument or result type open (a type variable)
     */
    public static <A, R> TaskRef<A, R> of(Class<? extends ComputeTask<A, R>> taskClass) {
        Objects.requireNonNull(taskClass, "taskClass");
        Type[] types = TaskTypes.of(taskClass);
        return new TaskRef<>(taskClass.getName(), types[0], types[1]);
    }

    /**
     * A reference by name, for a task whose class the caller cannot see (the catalog's tasks, seen from the
     * client). Package-private: {@link CatalogTasks} makes these, and a test of compute-tasks checks each against
     * its class.
     */
    static <A, R> TaskRef<A, R> named(String name, Type argumentType, Type resultType) {
        return new TaskRef<>(SumArgument.requireText(name, "task name"), Objects.requireNonNull(argumentType),
                Objects.requireNonNull(resultType));
    }

    /** The task's name, as nodes know it: its class's binary name. */
    public String name() {
        return name;
    }

    /** The task's argument type, e.g. {@code QueryArgument}. */
    public Type argumentType() {
        return argumentType;
    }

    /** The task's result type, e.g. {@code java.util.List<io.affinitygrid.compute.GroupRow>}. */
    public Type resultType() {
        return resultType;
    }

    /** The class of the argument type (the raw class of a parameterized type). */
    public Class<?> argumentClass() {
        return TaskTypes.rawClass(argumentType);
    }

    /** The class of the result type (the raw class of a parameterized type). */
    public Class<?> resultClass() {
        return TaskTypes.rawClass(resultType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskRef<?, ?> other && name.equals(other.name)
                && argumentType.getTypeName().equals(other.argumentType.getTypeName())
                && resultType.getTypeName().equals(other.resultType.getTypeName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, argumentType.getTypeName(), resultType.getTypeName());
    }

    @Override
    public String toString() {
        return name + "(" + argumentType.getTypeName() + ") -> " + resultType.getTypeName();
    }
}
