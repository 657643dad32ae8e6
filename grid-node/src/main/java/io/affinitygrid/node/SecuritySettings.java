package io.affinitygrid.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Security of a grid node: TLS on every channel (discovery, communication and the thin-client connector) and
 * user/password authentication of thin clients. Both are off by default. Immutable; created by
 * {@link #builder()}, whose {@link Builder#build()} checks every value (it opens the key and trust stores
 * with their passwords) and throws a {@link GridConfigurationException} naming the {@code grid.security.*}
 * property at fault.
 *
 * <p>Authentication is Ignite's own: users live in the cluster's metastorage, which needs a persistent data
 * region. With authentication on, the node therefore adds a small persistent region that holds no cache
 * ({@value #SECURITY_REGION}), activates the cluster when it starts inactive, and keeps the baseline topology
 * following the server nodes, so that the in-memory caches behave as without it
 * ({@link SecurityBootstrap}). The users configured here are created (or their password set) when a node
 * starts; the superuser {@value #SUPERUSER} must be among them, so that its well-known default password
 * never stays in place.
 */
public final class SecuritySettings {

    /** Name of the persistent data region that keeps the users when authentication is on. */
    public static final String SECURITY_REGION = "grid-security";
    /** Ignite's superuser, the only one that may create users; its default password is "ignite". */
    public static final String SUPERUSER = "ignite";
    /** Default type of the key and trust stores. */
    public static final String DEFAULT_STORE_TYPE = "PKCS12";
    /** Default TLS protocol: the JDK's choice among the TLS versions both sides support. */
    public static final String DEFAULT_PROTOCOL = "TLS";

    private static final SecuritySettings NONE = builder().build();

    private final boolean tlsEnabled;
    private final Path keyStore;
    private final String keyStorePassword;
    private final String keyStoreType;
    private final Path trustStore;
    private final String trustStorePassword;
    private final String trustStoreType;
    private final String protocol;
    private final boolean clientCertificateRequired;
    private final boolean authenticationEnabled;
    private final Map<String, String> users;

    private SecuritySettings(Builder b) {
        this.tlsEnabled = b.tlsEnabled;
        this.keyStore = b.keyStore;
        this.keyStorePassword = b.keyStorePassword;
        this.keyStoreType = b.keyStoreType;
        this.trustStore = b.trustStore;
        this.trustStorePassword = b.trustStorePassword;
        this.trustStoreType = b.trustStoreType;
        this.protocol = b.protocol;
        this.clientCertificateRequired = b.clientCertificateRequired;
        this.authenticationEnabled = b.authenticationEnabled;
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
    }

    /** No TLS, no authentication: the default. */
    public static SecuritySettings none() {
        return NONE;
    }

    /** A builder with everything off. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether discovery, communication and the thin-client connector use TLS. */
    public boolean tlsEnabled() { return tlsEnabled; }

    /** The node's key store (its private key and certificate), or {@code null} when TLS is off. */
    public Path keyStore() { return keyStore; }

    /** Password of the key store and of the key in it. */
    public String keyStorePassword() { return keyStorePassword; }

    public String keyStoreType() { return keyStoreType; }

    /** The certificates the node trusts: those of the other nodes and, when required, of thin clients. */
    public Path trustStore() { return trustStore; }

    public String trustStorePassword() { return trustStorePassword; }

    public String trustStoreType() { return trustStoreType; }

    /** TLS protocol, e.g. {@code TLS} or {@code TLSv1.3}. */
    public String protocol() { return protocol; }

    /** Whether thin clients must present a certificate the node trusts (nodes always must). */
    public boolean clientCertificateRequired() { return clientCertificateRequired; }

    /** Whether thin clients must log in with a user name and password. */
    public boolean authenticationEnabled() { return authenticationEnabled; }

    /** The users the node makes sure exist, name to password; empty when authentication is off. */
    public Map<String, String> users() { return users; }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tlsEnabled = tlsEnabled;
        b.keyStore = keyStore;
        b.keyStorePassword = keyStorePassword;
        b.keyStoreType = keyStoreType;
        b.trustStore = trustStore;
        b.trustStorePassword = trustStorePassword;
        b.trustStoreType = trustStoreType;
        b.protocol = protocol;
        b.clientCertificateRequired = clientCertificateRequired;
        b.authenticationEnabled = authenticationEnabled;
        b.users = new LinkedHashMap<>(users);
        return b;
    }

    /** Never shows a password. */
    @Override
    public String toString() {
        return "SecuritySettings[tls=" + (tlsEnabled ? protocol + " keyStore=" + keyStore + " trustStore=" + trustStore
                + (clientCertificateRequired ? " clientCertificates=required" : "") : "off")
                + ", authentication=" + (authenticationEnabled ? "on users=" + users.keySet() : "off") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecuritySettings s && tlsEnabled == s.tlsEnabled && Objects.equals(keyStore, s.keyStore)
                && Objects.equals(keyStorePassword, s.keyStorePassword) && Objects.equals(keyStoreType, s.keyStoreType)
                && Objects.equals(trustStore, s.trustStore) && Objects.equals(trustStorePassword, s.trustStorePassword)
                && Objects.equals(trustStoreType, s.trustStoreType) && Objects.equals(protocol, s.protocol)
                && clientCertificateRequired == s.clientCertificateRequired
                && authenticationEnabled == s.authenticationEnabled && users.equals(s.users);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tlsEnabled, keyStore, trustStore, authenticationEnabled, users.keySet());
    }

    /** Builds {@link SecuritySettings}; setters take any value, {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder {

        private boolean tlsEnabled;
        private Path keyStore;
        private String keyStorePassword;
        private String keyStoreType = DEFAULT_STORE_TYPE;
        private Path trustStore;
        private String trustStorePassword;
        private String trustStoreType = DEFAULT_STORE_TYPE;
        private String protocol = DEFAULT_PROTOCOL;
        private boolean clientCertificateRequired;
        private boolean authenticationEnabled;
        private Map<String, String> users = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder tlsEnabled(boolean tlsEnabled) { this.tlsEnabled = tlsEnabled; return this; }

        public Builder keyStore(Path keyStore) { this.keyStore = keyStore; return this; }

        public Builder keyStorePassword(String keyStorePassword) { this.keyStorePassword = keyStorePassword; return this; }

        public Builder keyStoreType(String keyStoreType) { this.keyStoreType = keyStoreType; return this; }

        public Builder trustStore(Path trustStore) { this.trustStore = trustStore; return this; }

        public Builder trustStorePassword(String trustStorePassword) { this.trustStorePassword = trustStorePassword; return this; }

        public Builder trustStoreType(String trustStoreType) { this.trustStoreType = trustStoreType; return this; }

        public Builder protocol(String protocol) { this.protocol = protocol; return this; }

        public Builder clientCertificateRequired(boolean required) { this.clientCertificateRequired = required; return this; }

        public Builder authenticationEnabled(boolean authenticationEnabled) { this.authenticationEnabled = authenticationEnabled; return this; }

        /** Replaces the users: name to password. */
        public Builder users(Map<String, String> users) {
            this.users = users == null ? null : new LinkedHashMap<>(users);
            return this;
        }

        /** Adds or replaces one user. */
        public Builder user(String name, String password) {
            this.users.put(name, password);
            return this;
        }

        /**
         * Checks every setting and returns the immutable settings. With TLS on, opens both stores.
         *
         * @throws GridConfigurationException naming the first bad {@code grid.security.*} property
         */
        public SecuritySettings build() {
            if (users == null) {
                users = new LinkedHashMap<>();
            }
            if (tlsEnabled) {
                checkTls();
            }
            if (authenticationEnabled) {
                checkUsers();
            }
            return new SecuritySettings(this);
        }

        private void checkTls() {
            if (protocol == null || protocol.isBlank()) {
                throw new GridConfigurationException("grid.security.tls.protocol", protocol, "name a TLS protocol, e.g. TLS or TLSv1.3");
            }
            checkStore(keyStore, keyStorePassword, keyStoreType, "grid.security.tls.key-store", true);
            checkStore(trustStore, trustStorePassword, trustStoreType, "grid.security.tls.trust-store", false);
        }

        /** Opens a store with its password, so that a wrong path, type or password stops the node at once. */
        private static void checkStore(Path path, String password, String type, String property, boolean needsKey) {
            String what = needsKey ? "the node's key store (its private key and certificate, e.g. a PKCS12 file made with keytool)"
                    : "the trust store (the certificates of the nodes, or of the authority that signed them)";
            if (path == null) {
                throw new GridConfigurationException(property, null, "TLS is on (grid.security.tls.enabled=true): give " + what);
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new GridConfigurationException(property, path.toAbsolutePath(), "no readable file there; give " + what);
            }
            if (password == null) {
                throw new GridConfigurationException(property + "-password", null, "give the password of " + path);
            }
            if (type == null || type.isBlank()) {
                throw new GridConfigurationException(property + "-type", type, "give the store type, e.g. PKCS12 or JKS");
            }
            KeyStore store;
            try {
                store = KeyStore.getInstance(type);
            }
            catch (GeneralSecurityException e) {
                throw new GridConfigurationException(property + "-type", type, "not a key store type of this JVM; use PKCS12 or JKS", e);
            }
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password.toCharArray());
            }
            catch (IOException | GeneralSecurityException e) {
                boolean badPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
                        || String.valueOf(e.getMessage()).contains("password");
                if (badPassword) {
                    throw new GridConfigurationException(property + "-password", "****", "it does not open " + path + ": " + e.getMessage(), e);
                }
                throw new GridConfigurationException(property, path, "cannot read it as a " + type + " store: " + e.getMessage(), e);
            }
            try {
                if (needsKey && !hasKey(store)) {
                    throw new GridConfigurationException(property, path, "it holds no private key; the node needs its own key and certificate");
                }
                if (!needsKey && store.size() == 0) {
                    throw new GridConfigurationException(property, path, "it holds no certificate, so no node would be trusted");
                }
            }
            catch (java.security.KeyStoreException e) {
                throw new GridConfigurationException(property, path, "cannot list its entries: " + e.getMessage(), e);
            }
        }

        private static boolean hasKey(KeyStore store) throws java.security.KeyStoreException {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return true;
                }
            }
            return false;
        }

        private void checkUsers() {
            for (Map.Entry<String, String> user : users.entrySet()) {
                String name = user.getKey();
                if (name == null || name.isBlank()) {
                    throw new GridConfigurationException("grid.security.authentication.users", users.keySet(), "a user name must not be blank");
                }
                if (name.length() > 60) {
                    throw new GridConfigurationException("grid.security.authentication.users." + name, "****",
                            "user names are at most 60 characters long");
                }
                if (user.getValue() == null || user.getValue().isEmpty()) {
                    throw new GridConfigurationException("grid.security.authentication.users." + name, user.getValue(),
                            "every user needs a password");
                }
            }
            if (!users.containsKey(SUPERUSER)) {
                throw new GridConfigurationException("grid.security.authentication.users." + SUPERUSER, null,
                        "authentication is on: give the superuser '" + SUPERUSER + "' a password of your own (its default,"
                                + " '" + SUPERUSER + "', is public knowledge)");
            }
            if (SUPERUSER.equals(users.get(SUPERUSER))) {
                throw new GridConfigurationException("grid.security.authentication.users." + SUPERUSER, "****",
                        "the superuser's password must not be its well-known default");
            }
        }
    }
}
