package io.affinitygrid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import com.jayway.jsonpath.JsonPath;
import io.affinitygrid.testing.TestCertificates;
import io.affinitygrid.client.AuthenticationFailedException;
import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridConfig;
import io.affinitygrid.client.GridMap;
import io.affinitygrid.client.GridUnavailableException;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code security} profile on two node processes: TLS on discovery, communication and the thin-client
 * connector, and user/password authentication of thin clients. Certificates are made with keytool when the
 * class starts. A client with TLS and valid credentials works; one without credentials, with a wrong password,
 * without TLS, or not trusting the nodes is refused with an exception saying what to configure; and the nodes'
 * own ports accept only TLS peers whose certificate they trust.
 */
@Tag("fault")
@Order(50)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String SUPERUSER_PASSWORD = "fault-tests-admin";
    private static final String APP_PASSWORD = "fault-tests-app";
    private static TestCertificates certificates;

    @RegisterExtension
    static final ClusterExtension grid = ClusterExtension.exclusive(() -> {
        try {
            certificates = TestCertificates.create(Artifacts.runDirectory("secure").resolve("certificates"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ProcessCluster.builder("secure")
                .nodes(2)
                .cache("orders", 1, 64)
                .arg("--spring.profiles.active=security")
                .env("GRID_SECURITY_TLS_KEYSTORE", certificates.nodeKeyStore.toString())
                .env("GRID_SECURITY_TLS_KEYSTOREPASSWORD", TestCertificates.PASSWORD)
                .env("GRID_SECURITY_TLS_TRUSTSTORE", certificates.trustStore.toString())
                .env("GRID_SECURITY_TLS_TRUSTSTOREPASSWORD", TestCertificates.PASSWORD)
                .env("GRID_SECURITY_AUTHENTICATION_USERS_IGNITE", SUPERUSER_PASSWORD)
                .env("GRID_SECURITY_AUTHENTICATION_USERS_APP", APP_PASSWORD)
                .clientSecurity(client -> client.trustStore(certificates.trustStore, TestCertificates.PASSWORD)
                        .credentials("app", APP_PASSWORD));
    });

    /** The cluster's addresses, with nothing else configured. */
    private static GridConfig.Builder bare() {
        return GridConfig.builder().addresses(grid.cluster().nodes().stream().map(NodeProcess::clientAddress).toList())
                .connectTimeout(Duration.ofSeconds(5));
    }

    @Test
    void aClientWithTlsAndCredentialsReadsWritesAndComputes() throws Exception {
        try (Grid client = grid.cluster().connect()) {
            GridMap<Long, Purchase> orders = client.map("orders", Long.class, Purchase.class);
            for (long id = 0; id < 100; id++) {
                orders.put(id, Purchase.standard(id));
            }
            assertThat(orders.get(42L)).isEqualTo(Purchase.standard(42));
            assertThat(client.compute().on("orders").sum("amount").sum().longValueExact()).isEqualTo(Purchase.standardSum(100));
            assertThat(client.topology()).hasSize(2);
        }
        var health = grid.cluster().httpGet(grid.cluster().node(1), "/actuator/health");
        assertThat((String) JsonPath.read(health.body(), "$.components.grid.status")).isEqualTo("UP");
        assertThat((String) JsonPath.read(health.body(), "$.components.grid.details.clusterState")).isEqualTo("ACTIVE");
    }

    @Test
    void aClientWithoutCredentialsIsRefusedAndToldWhatToConfigure() {
        AuthenticationFailedException refused = catchAuthentication(bare().trustStore(certificates.trustStore, TestCertificates.PASSWORD));

        Report.line("security: no credentials -> " + refused.getMessage());
        assertThat(refused.userName()).isNull();
        assertThat(refused.getMessage()).contains("requires a user name and password").contains("credentials(user, password)");
    }

    @Test
    void aWrongPasswordAndTheDefaultSuperuserPasswordAreRefused() {
        AuthenticationFailedException wrong = catchAuthentication(bare().trustStore(certificates.trustStore, TestCertificates.PASSWORD)
                .credentials("app", "not-the-password"));
        assertThat(wrong.userName()).isEqualTo("app");
        assertThat(wrong.getMessage()).contains("refused user 'app'").doesNotContain("not-the-password");

        AuthenticationFailedException defaults = catchAuthentication(bare().trustStore(certificates.trustStore, TestCertificates.PASSWORD)
                .credentials("ignite", "ignite"));
        assertThat(defaults.userName()).isEqualTo("ignite");

        try (Grid superuser = Grid.connect(bare().trustStore(certificates.trustStore, TestCertificates.PASSWORD)
                .credentials("ignite", SUPERUSER_PASSWORD).build())) {
            assertThat(superuser.mapNames()).contains("orders");
        }
    }

    @Test
    void aClientWithoutTlsIsRefusedAndToldToConfigureIt() {
        Throwable refused = catchThrowable(() -> Grid.connect(bare().credentials("app", APP_PASSWORD).build()).close());

        Report.line("security: no TLS -> " + refused);
        assertThat(refused).isInstanceOf(GridUnavailableException.class).hasMessageContaining("trustStore(path, password)");
    }

    @Test
    void aClientThatDoesNotTrustTheNodesCertificateIsRefused() {
        Throwable refused = catchThrowable(() -> Grid.connect(bare().trustStore(certificates.rogueTrustStore, TestCertificates.PASSWORD)
                .credentials("app", APP_PASSWORD).build()).close());

        Report.line("security: untrusted node certificate -> " + refused);
        assertThat(refused).isInstanceOf(GridUnavailableException.class).hasMessageContaining("TLS handshake failed");
    }

    @Test
    void clientSecuritySettingsAreCheckedWhenGivenAndNeverShowAPassword() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> GridConfig.builder().credentials(" ", "x"))
                .withMessageContaining("credentials");
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> GridConfig.builder().credentials("app", ""))
                .withMessageContaining("password");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> GridConfig.builder().trustStore(certificates.trustStore.resolveSibling("missing.p12"), "x"))
                .withMessageContaining("trustStore").withMessageContaining("missing.p12");
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> bare().keyStore(certificates.nodeKeyStore, TestCertificates.PASSWORD).build())
                .withMessageContaining("trustStore");
        GridConfig config = bare().trustStore(certificates.trustStore, TestCertificates.PASSWORD).credentials("app", APP_PASSWORD).build();
        assertThat(config.tlsEnabled()).isTrue();
        assertThat(config.userName()).contains("app");
        assertThat(config.toString()).contains("user=app").contains("tls=on").doesNotContain(APP_PASSWORD)
                .doesNotContain(TestCertificates.PASSWORD);
        // a trust store that does not open with its password fails at connect, saying so
        assertThatExceptionOfType(io.affinitygrid.client.GridException.class)
                .isThrownBy(() -> Grid.connect(bare().trustStore(certificates.trustStore, "wrong").credentials("app", APP_PASSWORD).build()))
                .withMessageContaining("Cannot set up TLS").withMessageContaining("trustStore");
    }

    /**
     * Discovery and communication (node to node) speak TLS and accept only peers with a trusted certificate: a TLS
     * handshake with the grid's key succeeds on each of the node's three ports, one with a rogue key fails on the
     * node-to-node ports.
     */
    @Test
    void theNodesOwnPortsSpeakOnlyTlsWithTrustedPeers() throws Exception {
        NodeProcess node = grid.cluster().node(1);
        SSLContext member = TestCertificates.context(certificates.nodeKeyStore, certificates.trustStore);
        SSLContext rogue = TestCertificates.context(certificates.rogueKeyStore, certificates.trustStore);
        Map<String, Integer> ports = Map.of("discovery", node.discoveryPort(), "communication", node.communicationPort(),
                "thin-client", node.clientPort());
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            assertThat(handshake(member, port.getValue())).as("TLS handshake with the grid's key on the %s port", port.getKey()).isNull();
        }
        for (String nodeToNode : new String[] {"discovery", "communication"}) {
            String failure = handshake(rogue, ports.get(nodeToNode));
            Report.line("security: rogue certificate on the " + nodeToNode + " port -> " + failure);
            assertThat(failure).as("TLS handshake with a rogue certificate on the %s port", nodeToNode).isNotNull();
        }
    }

    /**
     * A killed node comes back with what it persisted (the users, the baseline) and rejoins the running cluster;
     * clients still log in, and the data written before is there.
     */
    @Test
    @Order(100)
    void aKilledNodeRejoinsTheSecuredCluster() throws Exception {
        ProcessCluster cluster = grid.cluster();
        try (Grid client = cluster.connect()) {
            client.map("orders", Long.class, Purchase.class).put(7_000L, Purchase.standard(7_000));
        }
        cluster.kill(2);
        long restarted = System.nanoTime();
        cluster.restart(2);
        cluster.awaitReady(2, ClusterExtension.START_TIMEOUT);
        cluster.awaitRebalanced(2, Duration.ofMinutes(2));
        Report.line(String.format("security: %s killed and restarted: back and rebalanced after %,d ms", cluster.node(2).name(),
                (System.nanoTime() - restarted) / 1_000_000));
        // through the restarted node alone: it authenticates with the users it shares with the cluster
        try (Grid client = Grid.connect(GridConfig.builder().addresses(cluster.node(2).clientAddress())
                .trustStore(certificates.trustStore, TestCertificates.PASSWORD).credentials("app", APP_PASSWORD).build())) {
            assertThat(client.map("orders", Long.class, Purchase.class).get(7_000L)).isEqualTo(Purchase.standard(7_000));
        }
        assertThat(catchThrowable(() -> Grid.connect(bare().trustStore(certificates.trustStore, TestCertificates.PASSWORD).build()).close()))
                .isInstanceOf(AuthenticationFailedException.class);
        try (Grid client = cluster.connect()) {
            client.map("orders", Long.class, Purchase.class).remove(7_000L); // the other tests count the orders
        }
    }

    /**
     * Null when a TLS connection is accepted, else why not. With TLS 1.3 a server checks the client's certificate
     * after the client considers the handshake done, so the verdict comes with the first read: an alert, a reset
     * or the connection closed is a refusal; silence (the node waiting for a request) or data is an accepted peer.
     */
    private static String handshake(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(2000);
            socket.startHandshake();
            try {
                if (socket.getInputStream().read() < 0) {
                    return "the node closed the connection";
                }
            }
            catch (java.net.SocketTimeoutException silent) {
                // connected, the node waits for a request: accepted
            }
            return null;
        }
        catch (SSLException | java.net.SocketException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static AuthenticationFailedException catchAuthentication(GridConfig.Builder config) {
        return assertThatExceptionOfType(AuthenticationFailedException.class)
                .isThrownBy(() -> Grid.connect(config.build()).close()).actual();
    }
}
