package io.affinitygrid.client;

import org.apache.ignite.client.SslMode;
import org.apache.ignite.configuration.ClientConfiguration;

/** Credentials and TLS of a thin-client configuration, from the SDK's {@link GridConfig}. Stateless. */
final class TlsSetup {

    private TlsSetup() {
    }

    /** Credentials and TLS, when the configuration has them. */
    static void secure(ClientConfiguration clientConfig, GridConfig config) {
        config.userName().ifPresent(user -> clientConfig.setUserName(user).setUserPassword(config.password()));
        if (config.tlsEnabled()) {
            // Our own SSL context: Ignite's, built from store paths, fails without a client key store.
            javax.net.ssl.SSLContext context = sslContext(config);
            clientConfig.setSslMode(SslMode.REQUIRED).setSslContextFactory(new FixedSslContext(context));
        }
    }

    /**
     * The TLS context of the configuration's trust store and, if given, key store.
     *
     * @throws GridException when a store cannot be opened with its password
     */
    static javax.net.ssl.SSLContext sslContext(GridConfig config) {
        try {
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(loadStore(config.trustStore().orElseThrow(), config.trustStorePassword(), "trustStore"));
            javax.net.ssl.KeyManager[] keys = null;
            if (config.keyStore().isPresent()) {
                javax.net.ssl.KeyManagerFactory keyFactory = javax.net.ssl.KeyManagerFactory.getInstance(
                        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
                keyFactory.init(loadStore(config.keyStore().get(), config.keyStorePassword(), "keyStore"),
                        config.keyStorePassword().toCharArray());
                keys = keyFactory.getKeyManagers();
            }
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        }
        catch (java.security.GeneralSecurityException e) {
            throw new GridException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Opens a PKCS12 or JKS store (the JDK reads either as PKCS12). */
    private static java.security.KeyStore loadStore(java.nio.file.Path path, String password, String setting) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance(
                    path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password.toCharArray());
            return store;
        }
        catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new GridException("Cannot set up TLS: " + setting + " " + path.toAbsolutePath() + " does not open with"
                    + " the password given: " + e.getMessage(), e);
        }
    }

    /** Hands the thin client a TLS context made once. Not serialized: the thin client only calls it. */
    private static final class FixedSslContext implements javax.cache.configuration.Factory<javax.net.ssl.SSLContext> {

        private static final long serialVersionUID = 1L;

        private final transient javax.net.ssl.SSLContext context;

        FixedSslContext(javax.net.ssl.SSLContext context) {
            this.context = context;
        }

        @Override
        public javax.net.ssl.SSLContext create() {
            return context;
        }
    }
}
