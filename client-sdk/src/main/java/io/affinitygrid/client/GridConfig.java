package io.affinitygrid.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * How to reach the grid, which maps to keep a near cache of, and where to publish meters. Immutable and
 * thread-safe (the meter registry it carries is the application's); created with {@link #builder()}:
 *
 * <pre>{@code
 * GridConfig config = GridConfig.builder()
 *         .addresses("10.0.0.1:10800", "10.0.0.2:10800", "10.0.0.3:10800")
 *         .requestTimeout(Duration.ofSeconds(10))
 *         .nearCache("customers", NearCacheConfig.builder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10)).build())
 *         .meterRegistry(meterRegistry)
 *         .build();
 * }</pre>
 *
 * <p>A complete example is in the SDK's {@code ReadmeExampleTest}.
 */
public final class GridConfig {

    /** Default thin-client port of a grid node. */
    public static final int DEFAULT_PORT = 10800;

    /** Default of {@link #maxValueSize()}: 4 MiB. */
    public static final long DEFAULT_MAX_VALUE_SIZE = 4L * 1024 * 1024;
    /** Default of {@link Builder#maxConcurrentComputations(int)}: the nodes' default per-connection limit. */
    public static final int DEFAULT_MAX_CONCURRENT_COMPUTATIONS = 64;

    private final List<String> addresses;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final boolean partitionAwareness;
    private final long maxValueSize;
    private final int maxConcurrentComputations;
    private final Map<String, NearCacheConfig> nearCaches;
    private final MeterRegistry meterRegistry;
    private final String userName;
    private final String password;
    private final Path trustStore;
    private final String trustStorePassword;
    private final Path keyStore;
    private final String keyStorePassword;

    private GridConfig(Builder builder) {
        this.addresses = List.copyOf(builder.addresses);
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.partitionAwareness = builder.partitionAwareness;
        this.maxValueSize = builder.maxValueSize;
        this.maxConcurrentComputations = builder.maxConcurrentComputations;
        this.nearCaches = Collections.unmodifiableMap(new LinkedHashMap<>(builder.nearCaches));
        this.meterRegistry = builder.meterRegistry;
        this.userName = builder.userName;
        this.password = builder.password;
        this.trustStore = builder.trustStore;
        this.trustStorePassword = builder.trustStorePassword;
        this.keyStore = builder.keyStore;
        this.keyStorePassword = builder.keyStorePassword;
    }

    /**
     * A new builder with no address, a 5 s connect timeout, a 30 s request timeout, no near cache and no
     * meters.
     */
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

    /**
     * Whether key operations go straight to the node holding the key's partition, and other requests (such as
     * computations) to any connected node; {@code true} unless {@link Builder#partitionAwareness(boolean)} turned it off.
     */
    public boolean partitionAwareness() {
        return partitionAwareness;
    }

    /**
     * The largest value, in bytes once serialized, that a map view writes; a larger one is refused before anything
     * is sent. {@value #DEFAULT_MAX_VALUE_SIZE} bytes unless {@link Builder#maxValueSize(long)} set another.
     */
    public long maxValueSize() {
        return maxValueSize;
    }

    /**
     * How many computations this client runs on the grid at once; later ones wait in the client, in order, and
     * their wait counts towards the request timeout.
     *
     * @return at least 1
     */
    public int maxConcurrentComputations() {
        return maxConcurrentComputations;
    }

    /**
     * The near caches, by map name.
     *
     * @return an immutable map, in the order given; empty when no map has a near cache
     */
    public Map<String, NearCacheConfig> nearCaches() {
        return nearCaches;
    }

    /**
     * The near cache of one map, if it has one.
     *
     * @param mapName a map name, not null
     * @throws NullPointerException when {@code mapName} is null
     */
    public Optional<NearCacheConfig> nearCache(String mapName) {
        Objects.requireNonNull(mapName, "mapName must not be null");
        return Optional.ofNullable(nearCaches.get(mapName));
    }

    /** The registry that receives the SDK's meters, if one was given. */
    public Optional<MeterRegistry> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /** The user this client logs in as, if {@link Builder#credentials(String, String)} was given. */
    public Optional<String> userName() {
        return Optional.ofNullable(userName);
    }

    /** The password of {@link #userName()}; {@code null} when no credentials were given. Not shown by {@link #toString()}. */
    String password() {
        return password;
    }

    /** Whether the client connects with TLS: a {@link Builder#trustStore(Path, String) trust store} was given. */
    public boolean tlsEnabled() {
        return trustStore != null;
    }

    /** The trust store of TLS connections, if TLS is on. */
    public Optional<Path> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    String trustStorePassword() {
        return trustStorePassword;
    }

    /** The client's own key store (certificate), if the grid requires one. */
    public Optional<Path> keyStore() {
        return Optional.ofNullable(keyStore);
    }

    String keyStorePassword() {
        return keyStorePassword;
    }

    /** Shows the settings, never a password. */
    @Override
    public String toString() {
        return "GridConfig[addresses=" + addresses + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + (partitionAwareness ? "" : ", partitionAwareness=off")
                + (maxValueSize == DEFAULT_MAX_VALUE_SIZE ? "" : ", maxValueSize=" + maxValueSize)
                + (nearCaches.isEmpty() ? "" : ", nearCaches=" + nearCaches)
                + (meterRegistry == null ? "" : ", meterRegistry=" + meterRegistry.getClass().getSimpleName())
                + (userName == null ? "" : ", user=" + userName)
                + (trustStore == null ? "" : ", tls=on" + (keyStore == null ? "" : " with client certificate")) + "]";
    }

    /** Builds a {@link GridConfig}. Each setter fails at once on a bad value, naming the setting. Not thread-safe. */
    public static final class Builder {

        private final List<String> addresses = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private boolean partitionAwareness = true;
        private long maxValueSize = DEFAULT_MAX_VALUE_SIZE;
        private int maxConcurrentComputations = DEFAULT_MAX_CONCURRENT_COMPUTATIONS;
        private final Map<String, NearCacheConfig> nearCaches = new LinkedHashMap<>();
        private MeterRegistry meterRegistry;
        private String userName;
        private String password;
        private Path trustStore;
        private String trustStorePassword;
        private Path keyStore;
        private String keyStorePassword;

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
         * Sets whether the client connects to every node and sends each key operation straight to the node holding
         * the key's partition, spreading other requests (computations) over the nodes; on by default. Off, the
         * client talks to one node at a time (one of the addresses given, then another one of them when that node
         * leaves; it does not learn other nodes' addresses from the grid), which passes key operations on to their
         * nodes: one more network hop per operation, and that one node receives, and runs the reduce of, every
         * computation.
         *
         * @param enabled whether partition awareness is on
         * @return this builder
         */
        public Builder partitionAwareness(boolean enabled) {
            this.partitionAwareness = enabled;
            return this;
        }

        /**
         * Sets the largest value, in bytes once serialized by Ignite's binary marshaller, that a map view writes;
         * {@value #DEFAULT_MAX_VALUE_SIZE} (4 MiB) by default. A larger value is refused with an
         * {@link IllegalArgumentException} before anything is sent. The grid itself sets no limit, but on a loaded
         * two-core machine a 10 MB write has gone unanswered until the request timeout (in 2 of about 10 runs), and
         * a 4 MB round trip has taken 30 s; store large objects in pieces, or raise the limit knowing that.
         *
         * @param bytes a positive number of bytes
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder maxValueSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxValueSize must be a positive number of bytes, got " + bytes);
            }
            this.maxValueSize = bytes;
            return this;
        }

        /**
         * Sets how many computations this client runs on the grid at once; later ones wait in the client, in
         * order, and start as earlier ones finish. 64 by default, the nodes' default
         * {@code grid.client.max-compute-tasks}: keep it at most that value. Computations a node refuses for want of room on
         * the connection (none of it ran) are sent again after a short pause, within the request timeout.
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxConcurrentComputations(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentComputations must be at least 1, got " + max);
            }
            this.maxConcurrentComputations = max;
            return this;
        }

        /**
         * Keeps a near cache of a map: entries read through {@link Grid#map(String, Class, Class)} views of
         * it are kept in this client's memory, and reading them again makes no network call. The grid
         * notifies the client of every change to the map, and the client drops the changed entries. Worth it
         * for maps read much more often than they change. Calling it again for the same map replaces its settings.
         *
         * @param mapName the map's name, not null or blank; whether the map exists is checked by
         *        {@link Grid#map(String, Class, Class)}
         * @param nearCache its bounds, not null; {@link NearCacheConfig#defaults()} for the defaults
         * @return this builder
         * @throws IllegalArgumentException when {@code mapName} is null or blank, or {@code nearCache} is null
         */
        public Builder nearCache(String mapName, NearCacheConfig nearCache) {
            if (mapName == null || mapName.isBlank()) {
                throw new IllegalArgumentException("nearCache: the map name must not be " + (mapName == null ? "null" : "blank"));
            }
            if (nearCache == null) {
                throw new IllegalArgumentException("nearCache: the settings of map '" + mapName + "' must not be null;"
                        + " use NearCacheConfig.defaults()");
            }
            nearCaches.put(mapName, nearCache);
            return this;
        }

        /**
         * Publishes the SDK's meters to this registry: a timer per map and operation
         * ({@code grid.client.operations}), an error counter ({@code grid.client.errors}) and the near caches'
         * size, gets, evictions and invalidations ({@code grid.client.near.cache.*}). None by default. The
         * meters are removed from the registry when the grid is closed. Needs {@code io.micrometer:micrometer-core}
         * on the classpath, which the SDK does not bring by itself. Two grids connected with the same registry
         * share the meters of the maps they both use (same names and tags).
         *
         * @param registry the registry, not null
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder meterRegistry(MeterRegistry registry) {
            if (registry == null) {
                throw new IllegalArgumentException("meterRegistry must not be null");
            }
            this.meterRegistry = registry;
            return this;
        }

        /**
         * Logs in as this user; needed when the grid has authentication on (its {@code security} profile). None by
         * default.
         *
         * @param userName the user, not null or blank
         * @param password its password, not null or empty
         * @return this builder
         * @throws IllegalArgumentException when the user name is null or blank, or the password null or empty
         */
        public Builder credentials(String userName, String password) {
            if (userName == null || userName.isBlank()) {
                throw new IllegalArgumentException("credentials: the user name must not be " + (userName == null ? "null" : "blank"));
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("credentials: the password of user '" + userName + "' must not be "
                        + (password == null ? "null" : "empty"));
            }
            this.userName = userName;
            this.password = password;
            return this;
        }

        /**
         * Connects with TLS, trusting the certificates in this store (those of the grid's nodes, or of the
         * authority that signed them); needed when the grid has TLS on. Off by default.
         *
         * @param path a PKCS12 or JKS file, not null; it must exist
         * @param password its password, not null
         * @return this builder
         * @throws IllegalArgumentException when the path is null or no readable file, or the password is null
         */
        public Builder trustStore(Path path, String password) {
            this.trustStore = storeFile(path, "trustStore");
            this.trustStorePassword = Objects.requireNonNullElseGet(password, () -> {
                throw new IllegalArgumentException("trustStore: the password of " + path + " must not be null");
            });
            return this;
        }

        /**
         * Presents the certificate in this store when the grid requires client certificates. Needs
         * {@link #trustStore(Path, String)} too. None by default.
         *
         * @param path a PKCS12 or JKS file holding the client's private key and certificate, not null; it must exist
         * @param password its password (and its key's), not null
         * @return this builder
         * @throws IllegalArgumentException when the path is null or no readable file, or the password is null
         */
        public Builder keyStore(Path path, String password) {
            this.keyStore = storeFile(path, "keyStore");
            this.keyStorePassword = Objects.requireNonNullElseGet(password, () -> {
                throw new IllegalArgumentException("keyStore: the password of " + path + " must not be null");
            });
            return this;
        }

        private static Path storeFile(Path path, String name) {
            if (path == null) {
                throw new IllegalArgumentException(name + ": the path must not be null");
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException(name + ": no readable file at " + path.toAbsolutePath());
            }
            return path;
        }

        /**
         * Builds the configuration. The builder may be reused afterwards; the configuration does not change with it.
         *
         * @return an immutable configuration
         * @throws IllegalStateException when no address was given, or a key store without a trust store
         */
        public GridConfig build() {
            if (addresses.isEmpty()) {
                throw new IllegalStateException("addresses: give at least one node address, e.g. 127.0.0.1:" + DEFAULT_PORT);
            }
            if (keyStore != null && trustStore == null) {
                throw new IllegalStateException("keyStore: a client certificate is only sent over TLS; give trustStore(...) too");
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
