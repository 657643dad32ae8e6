package io.affinitygrid.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Bounds of the near cache of one map: a local copy, in the application's memory, of the entries it
 * read, so that reading them again makes no network call. Immutable and thread-safe; created with
 * {@link #builder()} and given to {@link GridConfig.Builder#nearCache(String, NearCacheConfig)}.
 *
 * <p>The grid tells every client holding a near cache about each change (a continuous query), and the
 * client drops the changed entries; so a near cache serves a value that another client changed only
 * for the short time the notice takes to arrive (about a millisecond on a LAN). When the connection
 * that carries those notices is lost, the near cache is emptied, since notices may have been missed. A near
 * cache serves nothing until the grid has shown that its notices arrive (it writes a short-lived marker into
 * the map and waits for that marker's notice), at first and after each reconnection; until then reads go to
 * the grid. Keys must have value-based {@code equals} and {@code hashCode}.
 */
public final class NearCacheConfig {

    /** Default {@link #maximumSize()}. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final long maximumSize;
    private final Duration expireAfterWrite;
    private final Duration expireAfterAccess;

    private NearCacheConfig(Builder builder) {
        this.maximumSize = builder.maximumSize;
        this.expireAfterWrite = builder.expireAfterWrite;
        this.expireAfterAccess = builder.expireAfterAccess;
    }

    /** A new builder: at most {@value #DEFAULT_MAXIMUM_SIZE} entries, no expiry. */
    public static Builder builder() {
        return new Builder();
    }

    /** The near cache with the defaults: at most {@value #DEFAULT_MAXIMUM_SIZE} entries, no expiry. */
    public static NearCacheConfig defaults() {
        return builder().build();
    }

    /** The most entries the near cache holds; the least recently or frequently used go first. Positive. */
    public long maximumSize() {
        return maximumSize;
    }

    /** How long an entry stays after it was read from the grid, if bounded. */
    public Optional<Duration> expireAfterWrite() {
        return Optional.ofNullable(expireAfterWrite);
    }

    /** How long an entry stays after it was last served, if bounded. */
    public Optional<Duration> expireAfterAccess() {
        return Optional.ofNullable(expireAfterAccess);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearCacheConfig other && maximumSize == other.maximumSize
                && Objects.equals(expireAfterWrite, other.expireAfterWrite)
                && Objects.equals(expireAfterAccess, other.expireAfterAccess);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maximumSize, expireAfterWrite, expireAfterAccess);
    }

    @Override
    public String toString() {
        return "NearCacheConfig[maximumSize=" + maximumSize
                + (expireAfterWrite == null ? "" : ", expireAfterWrite=" + expireAfterWrite)
                + (expireAfterAccess == null ? "" : ", expireAfterAccess=" + expireAfterAccess) + "]";
    }

    /**
     * Builds a {@link NearCacheConfig}. Each setter fails at once on a bad value, naming the setting.
     * Not thread-safe.
     */
    public static final class Builder {

        private long maximumSize = DEFAULT_MAXIMUM_SIZE;
        private Duration expireAfterWrite;
        private Duration expireAfterAccess;

        private Builder() {
        }

        /**
         * Sets the most entries the near cache holds; {@value #DEFAULT_MAXIMUM_SIZE} by default. Beyond it,
         * entries unlikely to be read again are dropped (Caffeine's W-TinyLFU policy).
         *
         * @param maximumSize a positive number of entries
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder maximumSize(long maximumSize) {
            if (maximumSize <= 0) {
                throw new IllegalArgumentException("maximumSize must be positive, got " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /**
         * Drops each entry this long after it was read from the grid, whether or not it was served since.
         * Not bounded by default.
         *
         * @param duration a positive duration
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder expireAfterWrite(Duration duration) {
            this.expireAfterWrite = positive(duration, "expireAfterWrite");
            return this;
        }

        /**
         * Drops each entry this long after it was last served or read from the grid. Not bounded by default.
         *
         * @param duration a positive duration
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder expireAfterAccess(Duration duration) {
            this.expireAfterAccess = positive(duration, "expireAfterAccess");
            return this;
        }

        /**
         * Builds the configuration. The builder may be reused afterwards; the configuration does not change with it.
         *
         * @return an immutable configuration
         */
        public NearCacheConfig build() {
            return new NearCacheConfig(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
