package io.affinitygrid.node.boot.security;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.affinitygrid.node.GridConfigurationException;
import io.affinitygrid.node.SecuritySettings;

/**
 * Security of the grid node, bound from the {@code grid.security.*} properties: TLS on every channel and
 * user/password authentication of thin clients. Both are off unless turned on, usually by the {@code security}
 * profile ({@code config/grid-node-security.yml}). A plain mirror of {@link SecuritySettings}, which checks
 * the values and names the property at fault.
 */
public class SecurityProperties {

    private final Tls tls = new Tls();

    private final Authentication authentication = new Authentication();

    public Tls getTls() {
        return tls;
    }

    public Authentication getAuthentication() {
        return authentication;
    }

    /**
     * The security settings these properties describe.
     *
     * @throws GridConfigurationException naming the first {@code grid.security.*} property with a bad value
     */
    public SecuritySettings toSettings() {
        return SecuritySettings.builder()
                .tlsEnabled(tls.enabled)
                .keyStore(tls.keyStore)
                .keyStorePassword(tls.keyStorePassword)
                .keyStoreType(tls.keyStoreType)
                .trustStore(tls.trustStore)
                .trustStorePassword(tls.trustStorePassword)
                .trustStoreType(tls.trustStoreType)
                .protocol(tls.protocol)
                .clientCertificateRequired(tls.requireClientCertificate)
                .authenticationEnabled(authentication.enabled)
                .users(authentication.users)
                .build();
    }

    /** TLS on discovery, communication and the thin-client connector. */
    public static class Tls {

        /**
         * Whether discovery, communication and the thin-client connector use TLS. Every node of a cluster
         * must agree, and thin clients must then connect with TLS too.
         */
        private boolean enabled;

        /**
         * Key store holding the node's private key and certificate.
         */
        private Path keyStore;

        /**
         * Password of the key store and of the key in it.
         */
        private String keyStorePassword;

        /**
         * Type of the key store: PKCS12 or JKS.
         */
        private String keyStoreType = SecuritySettings.DEFAULT_STORE_TYPE;

        /**
         * Trust store holding the certificates the node trusts: those of the other nodes (or of the authority
         * that signed them) and, when client certificates are required, those of thin clients.
         */
        private Path trustStore;

        /**
         * Password of the trust store.
         */
        private String trustStorePassword;

        /**
         * Type of the trust store: PKCS12 or JKS.
         */
        private String trustStoreType = SecuritySettings.DEFAULT_STORE_TYPE;

        /**
         * TLS protocol, e.g. TLS (the best version both sides support) or TLSv1.3.
         */
        private String protocol = SecuritySettings.DEFAULT_PROTOCOL;

        /**
         * Whether thin clients must present a certificate the node trusts. Nodes always must.
         */
        private boolean requireClientCertificate;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getKeyStore() {
            return keyStore;
        }

        public void setKeyStore(Path keyStore) {
            this.keyStore = keyStore;
        }

        public String getKeyStorePassword() {
            return keyStorePassword;
        }

        public void setKeyStorePassword(String keyStorePassword) {
            this.keyStorePassword = keyStorePassword;
        }

        public String getKeyStoreType() {
            return keyStoreType;
        }

        public void setKeyStoreType(String keyStoreType) {
            this.keyStoreType = keyStoreType;
        }

        public Path getTrustStore() {
            return trustStore;
        }

        public void setTrustStore(Path trustStore) {
            this.trustStore = trustStore;
        }

        public String getTrustStorePassword() {
            return trustStorePassword;
        }

        public void setTrustStorePassword(String trustStorePassword) {
            this.trustStorePassword = trustStorePassword;
        }

        public String getTrustStoreType() {
            return trustStoreType;
        }

        public void setTrustStoreType(String trustStoreType) {
            this.trustStoreType = trustStoreType;
        }

        public String getProtocol() {
            return protocol;
        }

        public void setProtocol(String protocol) {
            this.protocol = protocol;
        }

        public boolean isRequireClientCertificate() {
            return requireClientCertificate;
        }

        public void setRequireClientCertificate(boolean requireClientCertificate) {
            this.requireClientCertificate = requireClientCertificate;
        }
    }

    /** User/password authentication of thin clients (the SDK and the shell). */
    public static class Authentication {

        /**
         * Whether thin clients must log in with a user name and password. Adds a small persistent region for
         * the users (under the work directory) and activates the cluster when it starts.
         */
        private boolean enabled;

        /**
         * Users the node creates, or whose password it sets, when it starts: name to password. Must give the
         * superuser 'ignite' a password other than its default.
         */
        private Map<String, String> users = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Map<String, String> getUsers() {
            return users;
        }

        public void setUsers(Map<String, String> users) {
            this.users = users;
        }
    }
}
