package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/**
 * Argument of the catalog's scanning tasks: the cache, the field to aggregate, an optional filter, and the
 * options some tasks take (a group-by field, a limit, a sort direction, a factor). Each task checks that
 * the options it needs are present and fails with a {@link GridTaskException} ({@link ErrorCode#BAD_ARGUMENT})
 * naming the missing one. Immutable; build with {@link #on(String)}.
 *
 * <pre>{@code
 * QueryArgument.on("orders").field("amount").where(Filter.parse("region = north")).build()
 * }</pre>
 */
public final class QueryArgument implements ScanSpec, Tracked, Serializable {

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String field;
    private final Filter filter;
    private final String groupBy;
    private final int limit;
    private final boolean ascending;
    private final Double factor;
    private final String operationId;
    private final String executionId;

    private QueryArgument(Builder b) {
        this.cacheName = b.cacheName;
        this.field = b.field;
        this.filter = b.filter;
        this.groupBy = b.groupBy;
        this.limit = b.limit;
        this.ascending = b.ascending;
        this.factor = b.factor;
        this.operationId = b.operationId;
        this.executionId = b.executionId;
    }

    /**
     * Starts an argument for a cache.
     *
     * @throws IllegalArgumentException when the name is null or blank
     */
    public static Builder on(String cacheName) {
        return new Builder(SumArgument.requireText(cacheName, "cache name"));
    }

    @Override
    public String cacheName() {
        return cacheName;
    }

    /** The field to aggregate, or {@code null}. */
    public String field() {
        return field;
    }

    @Override
    public Filter filter() {
        return filter;
    }

    /** The field to group by, or {@code null}. */
    public String groupBy() {
        return groupBy;
    }

    /** How many rows to return (top-N tasks); 0 when not set. */
    public int limit() {
        return limit;
    }

    /** Whether top-N returns the smallest rather than the largest. */
    public boolean ascending() {
        return ascending;
    }

    /** The factor of a bulk update, or {@code null}. */
    public Double factor() {
        return factor;
    }

    /**
     * Identifies one bulk update, so that applying it again (a partition re-run after a node left, or a client
     * retrying the whole update) changes no entry twice; {@code null} lets the task pick a fresh one.
     */
    public String operationId() {
        return operationId;
    }

    @Override
    public String executionId() {
        return executionId;
    }

    /** A copy with the given operation id. */
    public QueryArgument withOperationId(String operationId) {
        Builder b = new Builder(cacheName);
        b.field = field;
        b.filter = filter;
        b.groupBy = groupBy;
        b.limit = limit;
        b.ascending = ascending;
        b.factor = factor;
        b.operationId = SumArgument.requireText(operationId, "operation id");
        b.executionId = executionId;
        return b.build();
    }

    /** The field, or a {@link GridTaskException} ({@link ErrorCode#BAD_ARGUMENT}) naming the task that needs it. */
    String requireField(String task) {
        if (field == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, task + " needs a field to work on");
        }
        return field;
    }

    int requireLimit(String task) {
        if (limit < 1) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, task + " needs a limit of at least 1, got " + limit);
        }
        return limit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryArgument q && cacheName.equals(q.cacheName) && Objects.equals(field, q.field)
                && Objects.equals(filter, q.filter) && Objects.equals(groupBy, q.groupBy) && limit == q.limit
                && ascending == q.ascending && Objects.equals(factor, q.factor) && Objects.equals(operationId, q.operationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cacheName, field, filter, groupBy, limit, ascending, factor, operationId);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("QueryArgument[cache=").append(cacheName);
        if (field != null) s.append(", field=").append(field);
        if (filter != null) s.append(", where ").append(filter);
        if (groupBy != null) s.append(", groupBy=").append(groupBy);
        if (limit > 0) s.append(", limit=").append(limit).append(ascending ? " ascending" : "");
        if (factor != null) s.append(", factor=").append(factor);
        if (operationId != null) s.append(", operation=").append(operationId);
        return s.append(']').toString();
    }

    /** Builds a {@link QueryArgument}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {

        private final String cacheName;
        private String field;
        private Filter filter;
        private String groupBy;
        private int limit;
        private boolean ascending;
        private Double factor;
        private String operationId;
        private String executionId;

        private Builder(String cacheName) {
            this.cacheName = cacheName;
        }

        /** @throws IllegalArgumentException when blank */
        public Builder field(String field) {
            this.field = SumArgument.requireText(field, "field");
            return this;
        }

        /** Only entries matching the filter are aggregated; {@code null} for all. */
        public Builder where(Filter filter) {
            this.filter = filter;
            return this;
        }

        /** @throws IllegalArgumentException when blank */
        public Builder groupBy(String field) {
            this.groupBy = SumArgument.requireText(field, "group-by field");
            return this;
        }

        /** @throws IllegalArgumentException when less than 1 */
        public Builder limit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("The limit must be at least 1, got " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Top-N returns the smallest values instead of the largest. */
        public Builder ascending(boolean ascending) {
            this.ascending = ascending;
            return this;
        }

        /** @throws IllegalArgumentException when not a finite number */
        public Builder factor(double factor) {
            if (!Double.isFinite(factor)) {
                throw new IllegalArgumentException("The factor must be a finite number, got " + factor);
            }
            this.factor = factor;
            return this;
        }

        /** See {@link QueryArgument#operationId()}. @throws IllegalArgumentException when blank */
        public Builder operationId(String operationId) {
            this.operationId = SumArgument.requireText(operationId, "operation id");
            return this;
        }

        /** Publish progress under this id (see {@link Tracked}). @throws IllegalArgumentException when blank */
        public Builder executionId(String executionId) {
            this.executionId = SumArgument.requireText(executionId, "execution id");
            return this;
        }

        public QueryArgument build() {
            return new QueryArgument(this);
        }
    }
}
