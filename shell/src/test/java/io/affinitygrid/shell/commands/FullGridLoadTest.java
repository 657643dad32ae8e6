package io.affinitygrid.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.affinitygrid.client.GridMap;
import io.affinitygrid.node.CacheSettings;
import io.affinitygrid.node.LocalCluster;
import io.affinitygrid.shell.GridShellApplication;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.shell.sample.SampleOrder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code load} into a grid whose memory fills up: it stops with the grid's error and says how much it wrote. */
@ShellTest
@SpringBootTest(properties = {
        "spring.config.name=" + GridShellApplication.CONFIG_NAME,
        "spring.shell.interactive.enabled=false",
        "spring.shell.history.enabled=false" })
@DirtiesContext
class FullGridLoadTest {

    private static LocalCluster cluster;

    @DynamicPropertySource
    static void clusterAddresses(DynamicPropertyRegistry registry) {
        cluster = LocalCluster.builder().nodes(1).dataRegionSizeBytes(16L * 1024 * 1024)
                .cache(CacheSettings.partitioned("capped").withBackups(0).withPartitions(32)).start();
        registry.add("grid.addresses", () -> String.join(",", cluster.clientAddresses()));
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
    void loadStopsWithTheCapacityErrorAndTheNumberWritten() throws Exception {
        List<String> lines = client.sendCommand("load --map capped --count 500000").lines();

        String error = lines.stream().filter(line -> line.startsWith(ShellErrors.PREFIX)).findFirst().orElseThrow(
                () -> new AssertionError("no error line in " + lines));
        Matcher written = Pattern.compile("the grid is full after ([\\d,]+) of 500,000 orders were written to 'capped'").matcher(error);
        assertThat(written.find()).as(error).isTrue();
        long count = Long.parseLong(written.group(1).replace(",", ""));
        assertThat(count).isPositive().isLessThan(500_000);
        assertThat(error).contains("Map 'capped' is full", "grid.data-region-size");
        GridMap<Long, SampleOrder> capped = connection.grid().map("capped", Long.class, SampleOrder.class);
        assertThat(capped.get(count)).as("the last acknowledged order").isEqualTo(SampleData.standard().order(count));
        assertThat(capped.size()).isGreaterThanOrEqualTo(count);
    }
}
