package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/** Argument of {@code KeyCallTask}: which job to run on which key's primary, with what argument. Immutable. */
public final class KeyCallArgument implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final Object key;
    private final String jobClassName;
    private final Object argument;
    private final boolean withPlace;

    /**
     * @throws IllegalArgumentException when the cache or job class name is blank
     * @throws NullPointerException when the key is null
     */
    public KeyCallArgument(String cacheName, Object key, String jobClassName, Object argument) {
        this(cacheName, key, jobClassName, argument, false);
    }

    /**
     * @param withPlace whether the task answers a {@link KeyJobResult} (the job's result, the key's partition and the
     *        node that ran it) instead of the job's result alone
     * @throws IllegalArgumentException when the cache or job class name is blank
     * @throws NullPointerException when the key is null
     */
    public KeyCallArgument(String cacheName, Object key, String jobClassName, Object argument, boolean withPlace) {
        this.withPlace = withPlace;
        this.cacheName = SumArgument.requireText(cacheName, "cache name");
        this.key = Objects.requireNonNull(key, "key must not be null");
        this.jobClassName = SumArgument.requireText(jobClassName, "job class name");
        this.argument = argument;
    }

    public String cacheName() {
        return cacheName;
    }

    public Object key() {
        return key;
    }

    public String jobClassName() {
        return jobClassName;
    }

    public Object argument() {
        return argument;
    }

    /** Whether the task answers a {@link KeyJobResult} rather than the job's result alone. */
    public boolean withPlace() {
        return withPlace;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyCallArgument k && cacheName.equals(k.cacheName) && key.equals(k.key)
                && jobClassName.equals(k.jobClassName) && Objects.equals(argument, k.argument) && withPlace == k.withPlace;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cacheName, key, jobClassName, argument, withPlace);
    }

    @Override
    public String toString() {
        return "KeyCallArgument[" + jobClassName + " on " + cacheName + "/" + key + "]";
    }
}
