package io.affinitygrid.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.affinitygrid.testing.TestCertificates;
import io.affinitygrid.node.GridConfigurationException;
import io.affinitygrid.node.GridNodeSettings;
import io.affinitygrid.node.IgniteConfigurations;
import io.affinitygrid.node.SecurityBootstrap;
import io.affinitygrid.node.SecuritySettings;
import io.affinitygrid.node.boot.security.SecurityProperties;

import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link SecuritySettings}: every bad value is reported with its {@code grid.security.*} property, and the Ignite
 * configuration it makes (TLS on all channels, authentication with its persistent region). Peer class loading
 * stays off whatever the security settings. The nodes themselves are started by the fault-tests module's
 * {@code SecurityIT}, as processes.
 */
class SecuritySettingsTest {

    @TempDir
    static Path dir;

    static TestCertificates stores;

    @BeforeAll
    static void makeStores() throws Exception {
        stores = TestCertificates.create(dir);
    }

    private static SecuritySettings.Builder tls() {
        return SecuritySettings.builder().tlsEnabled(true)
                .keyStore(stores.nodeKeyStore).keyStorePassword(TestCertificates.PASSWORD)
                .trustStore(stores.trustStore).trustStorePassword(TestCertificates.PASSWORD);
    }

    private static SecuritySettings.Builder authentication() {
        return SecuritySettings.builder().authenticationEnabled(true).user("ignite", "admin-secret").user("app", "app-secret");
    }

    @Test
    void offByDefaultAndPeerClassLoadingStaysOffInEveryMode() {
        assertThat(GridNodeSettings.builder().build().security()).isEqualTo(SecuritySettings.none());
        for (SecuritySettings security : new SecuritySettings[] {SecuritySettings.none(), tls().build(), authentication().build(),
                tls().authenticationEnabled(true).user("ignite", "admin-secret").build()}) {
            IgniteConfiguration config = IgniteConfigurations.create(GridNodeSettings.builder().security(security).build());
            assertThat(config.isPeerClassLoadingEnabled()).as("peer class loading with %s", security).isFalse();
        }
    }

    @Test
    void tlsCoversDiscoveryCommunicationAndThinClients() {
        IgniteConfiguration config = IgniteConfigurations.create(GridNodeSettings.builder().security(tls().build()).build());

        assertThat(config.getSslContextFactory()).isInstanceOf(SslContextFactory.class);
        SslContextFactory factory = (SslContextFactory) config.getSslContextFactory();
        assertThat(factory.getKeyStoreFilePath()).isEqualTo(stores.nodeKeyStore.toAbsolutePath().toString());
        assertThat(factory.getTrustStoreFilePath()).isEqualTo(stores.trustStore.toAbsolutePath().toString());
        assertThat(factory.create()).isNotNull(); // the stores open with their passwords
        assertThat(config.getClientConnectorConfiguration().isSslEnabled()).isTrue();
        assertThat(config.getClientConnectorConfiguration().isUseIgniteSslContextFactory()).isTrue();
        assertThat(config.getClientConnectorConfiguration().isSslClientAuth()).isFalse();
        assertThat(config.isAuthenticationEnabled()).isFalse();
        // only the in-memory eviction region, which every node has: TLS alone persists nothing
        assertThat(config.getDataStorageConfiguration().getDataRegionConfigurations())
                .extracting(DataRegionConfiguration::getName).containsExactly(IgniteConfigurations.EVICTION_REGION);
        assertThat(config.getDataStorageConfiguration().getDataRegionConfigurations())
                .noneMatch(DataRegionConfiguration::isPersistenceEnabled);
    }

    @Test
    void authenticationAddsAPersistentRegionForUsersOnlyAndTheBootstrap() {
        IgniteConfiguration config = IgniteConfigurations.create(GridNodeSettings.builder().security(authentication().build()).build());

        assertThat(config.isAuthenticationEnabled()).isTrue();
        assertThat(config.getSslContextFactory()).isNull();
        assertThat(config.getDataStorageConfiguration().getDefaultDataRegionConfiguration().isPersistenceEnabled()).isFalse();
        DataRegionConfiguration[] regions = config.getDataStorageConfiguration().getDataRegionConfigurations();
        assertThat(regions).filteredOn(DataRegionConfiguration::isPersistenceEnabled).singleElement()
                .extracting(DataRegionConfiguration::getName).isEqualTo(SecuritySettings.SECURITY_REGION);
        assertThat(regions).extracting(DataRegionConfiguration::getName)
                .containsExactlyInAnyOrder(IgniteConfigurations.EVICTION_REGION, SecuritySettings.SECURITY_REGION);
        assertThat(config.getCacheConfiguration()).allSatisfy(cache -> assertThat(cache.getDataRegionName()).isNull());
        assertThat(config.getLifecycleBeans()).hasAtLeastOneElementOfType(SecurityBootstrap.class);
    }

    @Test
    void tlsWithoutKeyStoreNamesTheProperty() {
        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(() -> tls().keyStore(null).build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.tls.key-store"));
        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(() -> tls().trustStore(dir.resolve("missing.p12")).build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.tls.trust-store"))
                .withMessageContaining("no readable file");
    }

    @Test
    void wrongStorePasswordNamesThePasswordProperty() {
        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(() -> tls().keyStorePassword("wrong").build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.tls.key-store-password"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong"));
        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(() -> tls().trustStorePassword(null).build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.tls.trust-store-password"));
    }

    @Test
    void aStoreThatIsNotAKeyStoreIsRejected() throws Exception {
        Path text = Files.writeString(dir.resolve("not-a-store.p12"), "hello");
        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(() -> tls().keyStore(text).build())
                .satisfies(e -> assertThat(e.property()).startsWith("grid.security.tls.key-store"));
        // the trust store holds a certificate but no private key: not a node's key store
        assertThatExceptionOfType(GridConfigurationException.class).isThrownBy(() -> tls().keyStore(stores.trustStore).build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.tls.key-store"))
                .withMessageContaining("no private key");
    }

    @Test
    void authenticationNeedsTheSuperuserWithAPasswordOfItsOwn() {
        assertThatExceptionOfType(GridConfigurationException.class)
                .isThrownBy(() -> SecuritySettings.builder().authenticationEnabled(true).user("app", "x").build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.authentication.users.ignite"));
        assertThatExceptionOfType(GridConfigurationException.class)
                .isThrownBy(() -> SecuritySettings.builder().authenticationEnabled(true).user("ignite", "ignite").build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.authentication.users.ignite"));
        assertThatExceptionOfType(GridConfigurationException.class)
                .isThrownBy(() -> authentication().user("bob", "").build())
                .satisfies(e -> assertThat(e.property()).isEqualTo("grid.security.authentication.users.bob"));
    }

    @Test
    void toStringShowsNoPassword() {
        SecuritySettings settings = tls().authenticationEnabled(true).user("ignite", "admin-secret").build();
        assertThat(settings.toString()).doesNotContain(TestCertificates.PASSWORD).doesNotContain("admin-secret").contains("ignite");
        assertThat(GridNodeSettings.builder().security(settings).build().toString()).doesNotContain("admin-secret");
    }

    @Test
    void propertiesBindToSettings() {
        Map<String, String> source = Map.of(
                "grid.security.tls.enabled", "true",
                "grid.security.tls.key-store", stores.nodeKeyStore.toString(),
                "grid.security.tls.key-store-password", TestCertificates.PASSWORD,
                "grid.security.tls.trust-store", stores.trustStore.toString(),
                "grid.security.tls.trust-store-password", TestCertificates.PASSWORD,
                "grid.security.tls.protocol", "TLSv1.3",
                "grid.security.tls.require-client-certificate", "true",
                "grid.security.authentication.enabled", "true",
                "grid.security.authentication.users.ignite", "admin-secret",
                "grid.security.authentication.users.app", "app-secret");
        SecurityProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bind("grid.security", Bindable.of(SecurityProperties.class)).get();

        SecuritySettings settings = properties.toSettings();

        assertThat(settings.tlsEnabled()).isTrue();
        assertThat(settings.keyStore()).isEqualTo(stores.nodeKeyStore);
        assertThat(settings.protocol()).isEqualTo("TLSv1.3");
        assertThat(settings.clientCertificateRequired()).isTrue();
        assertThat(settings.authenticationEnabled()).isTrue();
        assertThat(settings.users()).containsEntry("ignite", "admin-secret").containsEntry("app", "app-secret");
        assertThat(new SecurityProperties().toSettings()).isEqualTo(SecuritySettings.none());
    }
}
