package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;

/**
 * In an interactive session, {@code map destroy} and {@code map clear} ask first: anything but y or yes leaves the
 * map as it was, and the command exits 0.
 */
@EmbeddedGridShellTest
class ConfirmationTest {

    @Autowired
    GridShellRunner runner;

    @Autowired
    ShellSession session;

    @Autowired
    GridConnection connection;

    @BeforeEach
    void interactive() {
        session.setInteractive(true);
        connection.grid().admin().create(MapDefinition.builder("confirm-me").partitions(8).build());
        connection.grid().map("confirm-me", Long.class, String.class).put(1L, "one");
    }

    @AfterEach
    void notInteractive() {
        session.setInteractive(false);
        if (connection.grid().mapNames().contains("confirm-me")) {
            connection.grid().admin().destroy("confirm-me");
        }
    }

    @Test
    void noKeepsTheMapAndYesDestroysIt() {
        List<String> prompts = new ArrayList<>();
        StringWriter declined = new StringWriter();
        assertThat(runner.execute("map destroy --name confirm-me", new PrintWriter(declined), answering("n", prompts))).isZero();
        assertThat(prompts).containsExactly("Destroy map 'confirm-me' and its 1 entries on every node? [y/N] ");
        assertThat(declined.toString().lines()).containsExactly("Map 'confirm-me' was not destroyed.");
        assertThat(connection.grid().map("confirm-me", Long.class, String.class).get(1L)).isEqualTo("one");

        StringWriter notCleared = new StringWriter();
        assertThat(runner.execute("map clear --name confirm-me", new PrintWriter(notCleared), answering("", prompts))).isZero();
        assertThat(notCleared.toString().lines()).containsExactly("Map 'confirm-me' was not cleared.");
        assertThat(connection.grid().map("confirm-me", Long.class, String.class).size()).isEqualTo(1);

        StringWriter destroyed = new StringWriter();
        assertThat(runner.execute("map destroy --name confirm-me", new PrintWriter(destroyed), answering("yes", prompts))).isZero();
        assertThat(destroyed.toString().lines()).containsExactly("Destroyed map 'confirm-me' and its 1 entries.");
        assertThat(connection.grid().mapNames()).doesNotContain("confirm-me");
    }

    private static InputReader answering(String answer, List<String> prompts) {
        return new InputReader() {
            @Override
            public String readInput(String prompt) {
                prompts.add(prompt);
                return answer;
            }
        };
    }
}
