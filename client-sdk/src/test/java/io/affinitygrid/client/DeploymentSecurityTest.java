package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.ScanTask;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.node.SecuritySettings;
import io.affinitygrid.node.deploy.DeploymentSettings;
import io.affinitygrid.testing.TaskJars;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With authentication on, only the users in {@code grid.deployment.users} may deploy and undeploy, the
 * deployment records the logged-in user (not the one a client could claim), and a node with deployment off
 * refuses it.
 */
class DeploymentSecurityTest {

    @TempDir
    Path dir;

    @Test
    void onlyListedUsersDeployAndTheLoggedInUserIsRecorded() throws Exception {
        SecuritySettings security = SecuritySettings.builder().authenticationEnabled(true)
                .user("ignite", "admin-secret").user("dev", "dev-secret").user("app", "app-secret").build();
        try (LocalCluster cluster = LocalCluster.builder().nodes(1)
                .cache(CacheSettings.partitioned("orders").withPartitions(16))
                .nodeSettings(b -> b.security(security).deployment(DeploymentSettings.of(true, 64 * 1024, List.of("dev"))))
                .start()) {
            Path jar = dir.resolve("t.jar");
            Files.write(jar, TaskJars.builder().against(ScanTask.class, QueryArgument.class, Ignite.class)
                    .source("com.example.s.CentsTask", DeploymentsTest.centsTask("com.example.s", "s", 1, 0)).build());
            try (Grid app = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses()).credentials("app", "app-secret").build())) {
                assertThatThrownBy(() -> app.deployments().deploy("secured", jar))
                        .isInstanceOfSatisfying(DeploymentRefusedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPLOYMENT_NOT_ALLOWED))
                        .hasMessageContaining("User 'app' may not deploy").hasMessageContaining("grid.deployment.users");
                assertThat(app.deployments().list()).isEmpty();
            }
            try (Grid dev = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses()).credentials("dev", "dev-secret").build())) {
                Deployment deployed = dev.deployments().deploy("secured", jar);
                assertThat(deployed.deployedBy()).isEqualTo("dev");
                String result = dev.compute().execute("com.example.s.CentsTask", QueryArgument.on("orders").build());
                assertThat(result).isEqualTo("s:0");
            }
            try (Grid app = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses()).credentials("app", "app-secret").build())) {
                assertThatThrownBy(() -> app.deployments().undeploy("secured"))
                        .isInstanceOfSatisfying(DeploymentRefusedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPLOYMENT_NOT_ALLOWED));
                assertThat(app.deployments().list()).extracting(Deployment::name).containsExactly("secured");
            }
        }
    }

    @Test
    void aNodeWithDeploymentOffRefusesIt() throws Exception {
        try (LocalCluster cluster = LocalCluster.builder().nodes(1).cache(CacheSettings.partitioned("orders").withPartitions(16)).start();
                Grid grid = Grid.connect(GridConfig.builder().addresses(cluster.clientAddresses()).build())) {
            Path jar = dir.resolve("t.jar");
            Files.write(jar, TaskJars.builder().against(ScanTask.class, QueryArgument.class, Ignite.class)
                    .source("com.example.o.CentsTask", DeploymentsTest.centsTask("com.example.o", "o", 1, 0)).build());
            assertThatThrownBy(() -> grid.deployments().deploy("off", jar))
                    .isInstanceOfSatisfying(DeploymentRefusedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPLOYMENT_DISABLED))
                    .hasMessageContaining("grid.deployment.enabled=true");
        }
    }
}
