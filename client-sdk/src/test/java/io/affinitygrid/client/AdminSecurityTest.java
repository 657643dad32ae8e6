package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.node.SecuritySettings;
import io.affinitygrid.node.deploy.DeploymentSettings;
import org.junit.jupiter.api.Test;

/**
 * With authentication on, only the users in {@code grid.deployment.users} may create, clear and destroy maps and stop
 * nodes; everyone may describe maps and list the members.
 */
class AdminSecurityTest {

    @Test
    void onlyListedUsersAdministerTheGrid() {
        SecuritySettings security = SecuritySettings.builder().authenticationEnabled(true)
                .user("ignite", "admin-secret").user("dev", "dev-secret").user("app", "app-secret").build();
        try (LocalCluster cluster = LocalCluster.builder().nodes(1)
                .cache(CacheSettings.partitioned("orders").withPartitions(16))
                .nodeSettings(b -> b.security(security).deployment(DeploymentSettings.of(false, 64 * 1024, List.of("dev"))))
                .start()) {
            MapDefinition definition = MapDefinition.builder("secured").partitions(8).build();
            String node = cluster.settings(0).nodeName();
            try (Grid app = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses()).credentials("app", "app-secret").build())) {
                assertThatThrownBy(() -> app.admin().create(definition))
                        .isInstanceOfSatisfying(AdminRefusedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_NOT_ALLOWED))
                        .hasMessageContaining("User 'app' may not create maps").hasMessageContaining("grid.deployment.users");
                assertThatThrownBy(() -> app.admin().destroy("orders")).isInstanceOf(AdminRefusedException.class);
                assertThatThrownBy(() -> app.admin().clear("orders")).isInstanceOf(AdminRefusedException.class);
                assertThatThrownBy(() -> app.admin().stopNode(node))
                        .isInstanceOfSatisfying(AdminRefusedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_NOT_ALLOWED));
                assertThat(app.admin().describe("orders").runtime()).isFalse();
                assertThat(app.admin().members()).hasSize(1);
                assertThat(app.mapNames()).doesNotContain("secured");
            }
            try (Grid dev = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses()).credentials("dev", "dev-secret").build())) {
                assertThat(dev.admin().create(definition).runtime()).isTrue();
                assertThat(dev.admin().destroy("secured").name()).isEqualTo("secured");
            }
            assertThat(cluster.node(0)).as("no stop was done").isNotNull();
            assertThat(cluster.node(0).ignite().cluster().nodes()).hasSize(1);
        }
    }
}
