package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.affinitygrid.shell.connection.GridPrompt;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.node.LoopbackPorts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.InputReader;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A shell pointed at an address where no grid listens. */
@SpringBootTest(properties = {
        "spring.config.name=" + GridShellApplication.CONFIG_NAME,
        "spring.shell.interactive.enabled=false",
        "spring.shell.history.enabled=false",
        "grid.connect-timeout=2s" })
class UnreachableGridTest {

    private static int port;

    @DynamicPropertySource
    static void unusedAddress(DynamicPropertyRegistry registry) {
        port = LoopbackPorts.next();
        registry.add("grid.addresses", () -> LoopbackPorts.HOST + ":" + port);
    }

    @Autowired
    GridShellRunner runner;

    @Autowired
    GridPrompt prompt;

    @Test
    void everyGridCommandFailsWithTheSdksMessage() {
        for (String command : new String[] { "topology", "maps", "compute sum --map orders --field amount" }) {
            StringWriter output = new StringWriter();
            int code = runner.execute(command, new PrintWriter(output), new InputReader() {
            });
            assertThat(code).as(command).isEqualTo(ShellErrors.FAILED_CODE);
            assertThat(output.toString().lines()).as(command).singleElement().asString()
                    .startsWith("Error: Cannot reach the grid at [127.0.0.1:");
        }
    }

    @Test
    void thePromptSaysSoAndAFailedConnectLeavesTheShellWhereItWas() {
        StringWriter output = new StringWriter();
        assertThat(runner.execute("connect 127.0.0.1:" + port, new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(output.toString().lines()).hasSize(2).first().isEqualTo("Connecting to 127.0.0.1:" + port + "...");
        assertThat(output.toString().lines()).last().asString().startsWith("Error: Cannot reach the grid at [127.0.0.1:" + port + "]");
        assertThat(prompt.label()).isEqualTo("127.0.0.1:" + port + " not connected");

        output = new StringWriter();
        assertThat(runner.execute("connect no-port-here:abc", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(output.toString().lines()).last().asString().startsWith("Error: ").contains("no-port-here:abc");
        assertThat(prompt.label()).isEqualTo("127.0.0.1:" + port + " not connected");
    }

    @Test
    void helpWorksWithoutAGrid() {
        StringWriter output = new StringWriter();
        assertThat(runner.execute("help", new PrintWriter(output), new InputReader() {
        })).isZero();
        assertThat(output.toString()).contains("compute sum");
    }
}
