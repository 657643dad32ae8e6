package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import io.affinitygrid.shell.output.ShellErrors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;

/**
 * The shell's parser and runner on the embedded grid: how a command line is read, what is an error of the
 * line (exit code 2) and what is a failure of the command (exit code 1), as the README promises.
 */
@EmbeddedGridShellTest
class GridShellRunnerTest {

    @Autowired
    GridShellRunner runner;

    @Test
    void theParserTakesFlagsAnywhereNegativeNumbersAsValuesAndRejectsUnknownOptions() {
        StringWriter output = new StringWriter();
        assertThat(runner.execute("compute count --json --map orders", new PrintWriter(output), new InputReader() {
        })).isZero();
        assertThat(output.toString()).startsWith("{\"operation\":\"count\"");

        output = new StringWriter();
        assertThat(runner.execute("scan --map orders --limit -1", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(output.toString().lines()).containsExactly("Error: --limit must be at least 1, got -1");

        output = new StringWriter();
        assertThat(runner.execute("compute top --map orders --field amount --limt 3", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(output.toString().lines()).containsExactly(
                "Error: Unknown option '--limt' for 'compute top'; its options: --map, --field, --limit, --where, --json");

        output = new StringWriter();
        assertThat(runner.execute("compute count --map orders -", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(output.toString().lines()).containsExactly(
                "Error: A lone '-' is not an option; write options as --name value or -x value");

        output = new StringWriter();
        assertThat(runner.execute("compute count --map orders --where \"amount > 5", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(output.toString().lines()).containsExactly(
                "Error: A double quote is not closed; quote a value whole, e.g. --where \"amount > 5\"");
    }

    @Test
    void debugAddsTheStackTraceToTheErrorLine() {
        StringWriter output = new StringWriter();
        assertThat(runner.execute("compute sum --map nosuch --field amount --debug", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.FAILED_CODE);
        List<String> lines = output.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Error: No map named 'nosuch'");
        assertThat(lines.get(1)).startsWith("io.affinitygrid.client.UnknownMapException");
        assertThat(lines).anyMatch(line -> line.strip().startsWith("at io.affinitygrid."));
    }

    @Test
    void failuresGiveNonZeroExitCodes() {
        assertThat(execute("compute sum --map orders --field quantity")).isZero();

        StringWriter output = new StringWriter();
        assertThat(runner.execute("compute sum --map nosuch --field amount", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(output.toString().lines()).singleElement().asString().startsWith("Error: No map named 'nosuch'");

        output = new StringWriter();
        assertThat(runner.execute("compute sum --map orders", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(output.toString().lines()).containsExactly("Error: Required option '--field' is missing.");

        output = new StringWriter();
        assertThat(runner.execute("frobnicate", new PrintWriter(output), new InputReader() {
        })).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(output.toString().lines()).containsExactly("Error: Unknown command 'frobnicate'. Type 'help' to list the commands.");
    }

    @Test
    void helpOfACommandAndTheSubCommandsOfAGroup() {
        StringWriter output = new StringWriter();
        assertThat(runner.execute("compute sum --help", new PrintWriter(output), new InputReader() {
        })).isZero();
        assertThat(output.toString()).contains("compute sum --map <map> --field <field>");
        output = new StringWriter();
        assertThat(runner.execute("compute", new PrintWriter(output), new InputReader() {
        })).isZero();
        assertThat(output.toString().lines()).first().isEqualTo("'compute' is followed by one of:");
        assertThat(output.toString().lines().skip(1)).hasSize(13).first().asString().startsWith("  compute avg  ");
    }

    private int execute(String command) {
        return runner.execute(command, new PrintWriter(new StringWriter()), new InputReader() {
        });
    }
}
