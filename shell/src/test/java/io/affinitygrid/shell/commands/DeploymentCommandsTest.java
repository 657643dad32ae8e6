package io.affinitygrid.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.affinitygrid.compute.QueryArgument;
import io.affinitygrid.compute.ScanTask;
import io.affinitygrid.shell.EmbeddedGridShellTest;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.shell.sample.SampleOrder;
import io.affinitygrid.testing.TaskJars;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.test.ShellTestClient;

/**
 * {@code deploy}, {@code deployments}, {@code compute run} of the deployed task, TAB completion of deployment
 * names and task classes, and {@code undeploy}, on the embedded grid (which accepts deployments).
 */
@EmbeddedGridShellTest
class DeploymentCommandsTest {

    private static final String TASK = "com.example.shell.MaxQuantityTask";

    @Autowired
    ShellTestClient client;

    @Autowired
    GridConnection connection;

    @Autowired
    CommandRegistry registry;

    @TempDir
    Path dir;

    @Test
    void deployListRunCompleteAndUndeploy() throws Exception {
        Path jar = dir.resolve("max.jar");
        Files.write(jar, TaskJars.builder().against(ScanTask.class, QueryArgument.class, Ignite.class).source(TASK, """
                package com.example.shell;
                import java.util.List;
                import io.affinitygrid.compute.QueryArgument;
                import io.affinitygrid.compute.ScanTask;
                public final class MaxQuantityTask extends ScanTask<QueryArgument, long[], Long> {
                    @Override protected long[] newPartial(QueryArgument arg) { return new long[] {Long.MIN_VALUE}; }
                    @Override protected void accumulate(QueryArgument arg, long[] max, Object key, Object value) {
                        Object q = field(value, "quantity");
                        if (q instanceof Number n) max[0] = Math.max(max[0], n.longValue());
                    }
                    @Override protected Long reduce(QueryArgument arg, List<long[]> partials) {
                        return partials.stream().mapToLong(p -> p[0]).max().orElse(Long.MIN_VALUE);
                    }
                }
                """).build());

        String deployed = String.join("\n", client.sendCommand("deploy --name shell-max --jar " + jar).lines());
        assertThat(deployed).contains("Deployed 'shell-max' version 1").contains(TASK);

        DocumentContext list = JsonPath.parse(String.join("\n", client.sendCommand("deployments --json").lines()));
        assertThat(list.read("$[?(@.name == 'shell-max')].version", List.class)).containsExactly(1);
        assertThat(list.read("$[?(@.name == 'shell-max')].sha256", List.class).get(0).toString()).hasSize(64);

        long size = connection.grid().map(GridConnection.ORDERS, Long.class, SampleOrder.class).size();
        long expected = LongStream.rangeClosed(1, size).map(id -> SampleData.standard().order(id).quantity()).max().orElseThrow();
        DocumentContext run = JsonPath.parse(String.join("\n",
                client.sendCommand("compute run --task " + TASK + " --map orders --json").lines()));
        assertThat(run.read("$.result", Long.class)).isEqualTo(expected);

        assertThat(complete("undeploy --name ")).contains("shell-max");
        assertThat(complete("compute run --task com.example.sh")).contains(TASK);

        assertThat(String.join("\n", client.sendCommand("undeploy --name shell-max").lines())).contains("Undeployed 'shell-max'");
        assertThat(String.join("\n", client.sendCommand("compute run --task " + TASK + " --map orders").lines()))
                .contains("Error:").contains("deployment 'shell-max'");
        assertThat(String.join("\n", client.sendCommand("deploy --name bad --jar " + dir.resolve("none.jar")).lines()))
                .contains("Error:").contains("no file");
    }

    private List<String> complete(String line) {
        return Completions.complete(registry, line);
    }
}
