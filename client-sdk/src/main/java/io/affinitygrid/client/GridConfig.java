package io.affinitygrid.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the grid. Immutable and thread-safe; created with {@link #builder()}.
 */
public final class GridConfig {

    /** Default thin-client port of a grid node. */
    public static final int DEFAULT_PORT = 10800;

    private final List<String> addresses;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    private GridConfig(Builder builder) {
        this.addresses = List.copyOf(builder.addresses);
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
    }

    /** A new builder with no address, a 5 s connect timeout and a 30 s request timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Node addresses, each {@code host:port} (a {@code host} given alone got port {@value #DEFAULT_PORT}).
     *
     * @return an immutable, non-empty list, in the order given
     */
    public List<String> addresses() {
        return addresses;
    }

    /**
     * How long to wait for a connection to one node (socket connect and handshake). Connecting tries
     * the addresses in turn, so it may take a multiple of this when nodes are down.
     *
     * @return a positive duration
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for the answer to one request; a computation must finish within it too.
     *
     * @return a positive duration
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public String toString() {
        return "GridConfig[addresses=" + addresses + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Builds a {@link GridConfig}. Each setter fails at once on a bad value, naming the setting. Not thread-safe. */
    public static final class Builder {

        private final List<String> addresses = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * Adds node addresses, {@code host:port} or {@code host}; several may be given in one string separated by commas.
         * Give several nodes, so that the connection survives the loss of any one.
         *
         * @param addresses the addresses, not null
         * @return this builder
         * @throws NullPointerException when {@code addresses} is null
         * @throws IllegalArgumentException when an address is null or blank or its port is not a number from 1 to 65535
         */
        public Builder addresses(String... addresses) {
            Objects.requireNonNull(addresses, "addresses");
            for (String entry : addresses) {
                if (entry == null) {
                    throw new IllegalArgumentException("addresses: an address must not be null");
                }
                for (String address : entry.split(",")) {
                    this.addresses.add(checkAddress(address.trim()));
                }
            }
            return this;
        }

        /**
         * Adds node addresses; see {@link #addresses(String...)}.
         *
         * @param addresses the addresses, not null
         * @return this builder
         * @throws NullPointerException when {@code addresses} is null
         * @throws IllegalArgumentException when an address is null, blank or malformed
         */
        public Builder addresses(List<String> addresses) {
            Objects.requireNonNull(addresses, "addresses");
            return addresses(addresses.toArray(String[]::new));
        }

        /**
         * Sets how long to wait for a connection to one node; 5 s by default.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long to wait for the answer to one request, computations included; 30 s by default.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Builds the configuration. The builder may be reused afterwards; the configuration does not change with it.
         *
         * @return an immutable configuration
         * @throws IllegalStateException when no address was given
         */
        public GridConfig build() {
            if (addresses.isEmpty()) {
                throw new IllegalStateException("addresses: give at least one node address, e.g. 127.0.0.1:" + DEFAULT_PORT);
            }
            return new GridConfig(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        static String checkAddress(String address) {
            if (address.isEmpty()) {
                throw new IllegalArgumentException("addresses: an address must not be blank; use host:port, e.g. 127.0.0.1:" + DEFAULT_PORT);
            }
            int colon = address.lastIndexOf(':');
            if (colon < 0) {
                return address + ":" + DEFAULT_PORT;
            }
            String host = address.substring(0, colon);
            String port = address.substring(colon + 1);
            int number;
            try {
                number = Integer.parseInt(port);
            }
            catch (NumberFormatException e) {
                number = -1;
            }
            if (host.isEmpty() || number < 1 || number > 65535) {
                throw new IllegalArgumentException("addresses: '" + address + "' is not host:port with a port from 1 to 65535");
            }
            return address;
        }
    }
}
