package io.affinitygrid.compute.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.spi.deployment.DeploymentResource;
import org.junit.jupiter.api.Test;

/**
 * The deployment SPI on a node that has just joined: a lookup of a name it does not know yet waits until the
 * node has loaded the deployments stored in the grid, and then finds what they registered; a lookup of a class
 * of the node's classpath never waits.
 */
class GridDeploymentSpiTest {

    /** Stands for a deployed task: its name is no class of the classpath. */
    @ComputeTaskName("com.example.DeployedLater")
    static final class DeployedLater extends ComputeTaskAdapter<Object, Object> {
        @Override
        public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, Object arg) {
            return Map.of();
        }

        @Override
        public Object reduce(List<ComputeJobResult> results) {
            return null;
        }
    }

    @Test
    void aLookupOfAnUnknownNameWaitsForTheStoredDeploymentsAndThenFindsThem() throws Exception {
        GridDeploymentSpi spi = new GridDeploymentSpi();
        CompletableFuture<DeploymentResource> lookup = CompletableFuture.supplyAsync(() -> spi.findResource("com.example.DeployedLater"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (spi.waitedLookups() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(spi.waitedLookups()).as("the lookup waits").isEqualTo(1);
        Thread.sleep(100);
        assertThat(lookup).as("still waiting while the stored deployments load").isNotDone();

        spi.register(DeployedLater.class.getClassLoader(), DeployedLater.class);
        spi.storedDeploymentsLoaded();

        DeploymentResource found = lookup.get(10, TimeUnit.SECONDS);
        assertThat(found).isNotNull();
        assertThat(found.getResourceClass()).isEqualTo(DeployedLater.class);
        assertThat(spi.findResource("com.example.NeverDeployed")).as("once loaded, an unknown name fails at once").isNull();
        assertThat(spi.waitedLookups()).isEqualTo(1);
    }

    @Test
    void aClassOfTheClasspathNeverWaits() {
        GridDeploymentSpi spi = new GridDeploymentSpi();

        assertThat(spi.findResource(String.class.getName())).as("not registered: Ignite loads it from the classpath").isNull();
        assertThat(spi.waitedLookups()).isZero();
    }
}
