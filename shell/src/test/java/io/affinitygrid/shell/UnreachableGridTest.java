package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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

    @DynamicPropertySource
    static void unusedAddress(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = socket.getLocalPort();
        }
        registry.add("grid.addresses", () -> "127.0.0.1:" + port);
    }

    @Autowired
    GridShellRunner runner;

    @Test
    void everyGridCommandFailsWithTheSdksMessage() {
        for (String command : new String[] { "topology", "caches", "compute sum --cache orders --field amount" }) {
            StringWriter output = new StringWriter();
            int code = runner.execute(command, new PrintWriter(output), new InputReader() {
            });
            assertThat(code).as(command).isEqualTo(ShellErrors.FAILED_CODE);
            assertThat(output.toString().lines()).as(command).singleElement().asString()
                    .startsWith("Error: Cannot reach the grid at [127.0.0.1:");
        }
    }

    @Test
    void helpWorksWithoutAGrid() {
        StringWriter output = new StringWriter();
        assertThat(runner.execute("help", new PrintWriter(output), new InputReader() {
        })).isZero();
        assertThat(output.toString()).contains("compute sum");
    }
}
