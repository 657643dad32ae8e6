package io.affinitygrid.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key and trust stores made at test time with the JDK's keytool, in a temporary directory (no key is ever
 * committed): the grid's key pair ({@code node.p12}, one self-signed EC certificate shared by the nodes) with a
 * trust store holding its certificate ({@code trust.p12}, also what clients trust), and a rogue key pair that
 * nobody trusts ({@code rogue.p12}, {@code rogue-trust.p12}).
 */
public final class TestCertificates {

    /** The password of every store and key. */
    public static final String PASSWORD = "test-store-password";

    /** The grid's key pair, shared by the nodes. */
    public final Path nodeKeyStore;
    /** The grid's certificate alone: what nodes and clients trust. */
    public final Path trustStore;
    /** A key pair nobody trusts. */
    public final Path rogueKeyStore;
    /** The rogue certificate alone. */
    public final Path rogueTrustStore;

    private TestCertificates(Path dir) {
        this.nodeKeyStore = dir.resolve("node.p12");
        this.trustStore = dir.resolve("trust.p12");
        this.rogueKeyStore = dir.resolve("rogue.p12");
        this.rogueTrustStore = dir.resolve("rogue-trust.p12");
    }

    /** Makes the stores in {@code dir} (created if missing) with the JDK's keytool. */
    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestCertificates stores = new TestCertificates(dir);
        pair(dir, "node", "CN=affinity-grid-node", stores.nodeKeyStore, stores.trustStore);
        pair(dir, "rogue", "CN=rogue", stores.rogueKeyStore, stores.rogueTrustStore);
        return stores;
    }

    /** A self-signed key pair in {@code keyStore}, and its certificate alone in {@code trustStore}. */
    private static void pair(Path dir, String alias, String name, Path keyStore, Path trustStore) throws IOException, InterruptedException {
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(trustStore);
        Path certificate = dir.resolve(alias + ".crt");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", name,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-rfc",
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-keystore", trustStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    /** A TLS context presenting {@code keyStore} (or nothing when null) and trusting {@code trustStore}. */
    public static SSLContext context(Path keyStore, Path trustStore) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
