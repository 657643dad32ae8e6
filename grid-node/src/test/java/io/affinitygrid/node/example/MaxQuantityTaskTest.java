package io.affinitygrid.node.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;

/** The task written in the README runs on a cluster and is the same code as the README shows. */
class MaxQuantityTaskTest {

    @Test
    void readmeTaskComputesTheMaximum() throws Exception {
        try (LocalCluster cluster = LocalCluster.builder().nodes(2).cache(CacheSettings.partitioned("orders").withPartitions(32)).start()) {
            Ignite ignite = cluster.node(0).ignite();
            for (long id = 1; id <= 200; id++) {
                ignite.cache("orders").withKeepBinary().put(id,
                        ignite.binary().builder("test.Order").setField("quantity", (int) (id % 37)).build());
            }
            Long max = ignite.compute().execute(MaxQuantityTask.class.getName(), QueryArgument.on("orders").build());
            assertThat(max).isEqualTo(36L);
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(Path.of("src/test/java/io/affinitygrid/node/example/MaxQuantityTask.java"));
        String body = source.substring(source.indexOf("public final class"), source.lastIndexOf('}') + 1);
        assertThat(readme).as("README shows the tested task").contains(body);
    }
}
