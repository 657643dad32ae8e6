package io.affinitygrid.shell.commands;

import static io.affinitygrid.shell.commands.GridShellCommandsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.node.SecuritySettings;
import io.affinitygrid.shell.GridShellApplication;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.Passwords;
import io.affinitygrid.testing.TestCertificates;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shell on a grid with the {@code security} profile (TLS on the client port, clients log in): it connects
 * with {@code grid.user} and {@code grid.trust-store}, the passwords coming from {@code GRID_PASSWORD} and
 * {@code GRID_TRUST_STORE_PASSWORD}; {@code connect --save} keeps a profile without passwords, and
 * {@code connect --profile} uses it.
 */
@ShellTest
@SpringBootTest(properties = {
        "spring.config.name=" + GridShellApplication.CONFIG_NAME,
        "spring.shell.interactive.enabled=false",
        "spring.shell.history.enabled=false",
        "grid.user=ops",
        Passwords.USER_PASSWORD + "=ops-secret",
        Passwords.TRUST_STORE_PASSWORD + "=" + TestCertificates.PASSWORD })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureClusterTest {

    private static Path dir;
    private static TestCertificates certificates;
    private static LocalCluster cluster;

    @DynamicPropertySource
    static void secureCluster(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("secure-shell");
        certificates = TestCertificates.create(dir.resolve("certs"));
        SecuritySettings security = SecuritySettings.builder()
                .tlsEnabled(true)
                .keyStore(certificates.nodeKeyStore).keyStorePassword(TestCertificates.PASSWORD)
                .trustStore(certificates.trustStore).trustStorePassword(TestCertificates.PASSWORD)
                .authenticationEnabled(true)
                .user(SecuritySettings.SUPERUSER, "admin-secret").user("ops", "ops-secret").build();
        cluster = LocalCluster.builder().nodes(1)
                .cache(CacheSettings.partitioned("orders").withPartitions(16))
                .dataRegionSizeBytes(64L * 1024 * 1024)
                .nodeSettings(b -> b.security(security))
                .start();
        registry.add("grid.addresses", () -> String.join(",", cluster.clientAddresses()));
        registry.add("grid.trust-store", () -> certificates.trustStore.toString());
        registry.add("grid.profiles-file", () -> dir.resolve("config/profiles.json").toString());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Autowired
    ShellTestClient client;

    @Autowired
    GridConnection connection;

    @Test
    @Order(1)
    void connectsAsTheConfiguredUserOverTls() throws Exception {
        ShellScreen screen = client.sendCommand("put --map orders --key 1 --value one");

        assertThat(String.join("\n", screen.lines())).contains("Stored key 1 in 'orders'");
        assertThat(connection.describe()).isEqualTo("grid at " + cluster.clientAddresses().get(0) + " as user 'ops' over TLS");
    }

    @Test
    @Order(2)
    void aSavedProfileKeepsAddressesUserAndStoresButNoPassword() throws Exception {
        String address = cluster.clientAddresses().get(0);
        String answer = String.join("\n", client.sendCommand("connect " + address + " --user ops --trust-store "
                + certificates.trustStore + " --save secure").lines());
        assertThat(answer).contains("Saved as profile 'secure'");

        String file = Files.readString(dir.resolve("config/profiles.json"));
        assertThat(file).contains("\"secure\"").contains(address).contains("\"ops\"").contains("trust.p12")
                .doesNotContain("secret").doesNotContain(TestCertificates.PASSWORD);

        DocumentContext profiles = json(client.sendCommand("profiles --json"));
        assertThat(profiles.<List<String>>read("$[*].name")).containsExactly("secure");
        assertThat(profiles.<String>read("$[0].user")).isEqualTo("ops");

        client.sendCommand("disconnect");
        assertThat(String.join("\n", client.sendCommand("connect --profile secure").lines()))
                .contains("Connected to the grid at " + address + " as user 'ops' over TLS.");
        assertThat(String.join("\n", client.sendCommand("get --map orders --key 1").lines())).contains("one");
    }

    @Test
    @Order(3)
    void anUnknownProfileNamesTheSavedOnes() throws Exception {
        assertThat(String.join("\n", client.sendCommand("connect --profile nosuch").lines()))
                .contains("Error: No saved profile 'nosuch'. Saved profiles: secure.");
        assertThat(String.join("\n", client.sendCommand("connect --profile secrue").lines()))
                .contains("Error: No saved profile 'secrue'. Did you mean 'secure'? Saved profiles: secure.");
        assertThat(connection.isConnected()).as("the shell stays where it was").isTrue();
    }

    @Test
    @Order(4)
    void aWrongUserOrAPlainConnectionIsRefusedAndTheShellStaysWhereItWas() throws Exception {
        String address = cluster.clientAddresses().get(0);
        // GRID_PASSWORD is ops's, so the admin user's login fails
        String wrongPassword = String.join("\n", client.sendCommand("connect " + address + " --user ignite --trust-store "
                + certificates.trustStore).lines());
        assertThat(wrongPassword).contains("Error: The grid at [" + address + "] refused user 'ignite': wrong user name or password."
                + " Check --user (grid.user) and the password (GRID_PASSWORD).");
        assertThat(connection.describe()).contains("as user 'ops' over TLS");

        String missingStore = String.join("\n", client.sendCommand("connect " + address + " --user ops --trust-store "
                + dir.resolve("nosuch.p12")).lines());
        assertThat(missingStore).contains("Error: Cannot read the store " + dir.resolve("nosuch.p12").toAbsolutePath());

        String plain = String.join("\n", client.sendCommand("connect " + address + " --user ops").lines());
        assertThat(plain).as("a plain connection to a TLS port").contains("Error: Cannot ").contains("--trust-store FILE")
                .doesNotContain("GridConfig");
        assertThat(connection.describe()).contains("as user 'ops' over TLS");
    }

    @Test
    @Order(5)
    void profilesCanBeDeleted() throws Exception {
        assertThat(String.join("\n", client.sendCommand("profile delete --name secure").lines())).contains("Deleted profile 'secure'.");
        assertThat(String.join("\n", client.sendCommand("profiles").lines())).contains("No saved profile.");
        assertThat(String.join("\n", client.sendCommand("profile delete --name secure").lines()))
                .contains("Error: No saved profile 'secure'. None is saved yet");
    }
}
