package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.affinitygrid.shell.commands.HelpCommands;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.sample.SampleData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * The shell's parser and runner on the embedded grid: how a command line is read, what is an error of the
 * line (exit code 2) and what is a failure of the command (exit code 1), as the README promises.
 */
@EmbeddedGridShellTest
class GridShellRunnerTest {

    @Autowired
    GridShellRunner runner;

    @Autowired
    CommandRegistry registry;

    @Test
    void theParserTakesFlagsAnywhereNegativeNumbersAsValuesAndRejectsUnknownOptions() {
        Run json = run("compute count --json --map orders");
        assertThat(json.code()).isZero();
        assertThat(json.lines().get(0)).startsWith("{\"operation\":\"count\"");

        Run negative = run("scan --map orders --limit -1");
        assertThat(negative.code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(negative.lines()).containsExactly("Error: --limit must be at least 1, got -1");

        Run misspelt = run("compute top --map orders --field amount --limt 3");
        assertThat(misspelt.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(misspelt.lines()).containsExactly(
                "Error: Unknown option '--limt' for 'compute top'. Did you mean '--limit'? Its options: --map, --field, --limit, --where,"
                        + " --json, --format.");

        Run lone = run("compute count --map orders -");
        assertThat(lone.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(lone.lines()).containsExactly("Error: A lone '-' is not an option; write options as --name value or -x value");

        Run openQuote = run("compute count --map orders --where \"amount > 5");
        assertThat(openQuote.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(openQuote.lines()).containsExactly(
                "Error: A double quote is not closed; quote a value whole, e.g. --where \"amount > 5\"");
    }

    @Test
    void debugAddsTheStackTraceToTheErrorLine() {
        Run debug = run("compute sum --map nosuch --field amount --debug");
        assertThat(debug.code()).isEqualTo(ShellErrors.FAILED_CODE);
        List<String> lines = debug.lines();
        assertThat(lines.get(0)).startsWith("Error: No map named 'nosuch'");
        assertThat(lines.get(1)).startsWith("io.affinitygrid.client.UnknownMapException");
        assertThat(lines).anyMatch(line -> line.strip().startsWith("at io.affinitygrid."));
    }

    @Test
    void failuresGiveNonZeroExitCodes() {
        assertThat(run("compute sum --map orders --field quantity").code()).isZero();

        Run noMap = run("compute sum --map nosuch --field amount");
        assertThat(noMap.code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(noMap.lines()).singleElement().asString().startsWith("Error: No map named 'nosuch'");

        Run noField = run("compute sum --map orders");
        assertThat(noField.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(noField.lines()).containsExactly("Error: Required option '--field' is missing.");

        Run unknown = run("frobnicate");
        assertThat(unknown.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(unknown.lines()).containsExactly("Error: Unknown command 'frobnicate'. Type 'help' to list the commands.");
    }

    @Test
    void helpOfACommandAndTheSubCommandsOfAGroup() {
        Run help = run("compute sum --help");
        assertThat(help.code()).isZero();
        assertThat(String.join("\n", help.lines())).contains("compute sum --map <map> --field <field>");
        Run group = run("compute");
        assertThat(group.code()).isZero();
        assertThat(group.lines()).first().isEqualTo("'compute' is followed by one of:");
        assertThat(group.lines().stream().skip(1)).hasSize(14).first().asString().startsWith("  compute avg  ");
    }

    /** README, "The shell": 0 on success, 1 when a command failed, 2 for a command that was written wrongly. */
    @Test
    void theExitCodesOfTheReadme() {
        assertThat(run("compute count --map orders").code()).isZero();
        assertThat(run("get --map nosuch --key 1").code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(run("compute count --map orders --limit 3").code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(run("compute summ --map orders --field amount").code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(run("compute count --map orders extra").code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(run("compute count --map orders --where \"id > 1\" --where \"id > 2\"").code()).isEqualTo(ShellErrors.USAGE_CODE);
    }

    @Test
    void aMistypedCommandSuggestsTheClosestOne() {
        assertThat(run("compute summ --map orders --field amount").lines()).containsExactly("Error: Unknown command 'compute summ'. "
                + "Did you mean 'compute sum'? 'compute' is followed by one of: avg, bottom, count, distinct, group-by, key, max, min, "
                + "run, stats, sum, top, update, words.");
        assertThat(run("comput sum").lines()).containsExactly(
                "Error: Unknown command 'comput sum'. Did you mean 'compute sum'? Type 'help' to list the commands.");
        assertThat(run("topolgy").lines()).containsExactly(
                "Error: Unknown command 'topolgy'. Did you mean 'topology'? Type 'help' to list the commands.");
        assertThat(run("compute --map orders").lines()).singleElement().asString()
                .isEqualTo("Error: 'compute' needs a sub-command. 'compute' is followed by one of: avg, bottom, count, distinct, "
                        + "group-by, key, max, min, run, stats, sum, top, update, words.");
        assertThat(run("compute frobnicate").lines()).singleElement().asString()
                .startsWith("Error: Unknown command 'compute frobnicate'. 'compute' is followed by one of: avg, bottom,");
        for (String line : List.of("compute summ --map orders --field amount", "comput sum", "topolgy", "compute --map orders")) {
            assertThat(run(line).code()).as(line).isEqualTo(ShellErrors.USAGE_CODE);
        }
    }

    @Test
    void aWordTheCommandDoesNotTakeOrAnOptionGivenTwiceIsAnError() {
        Run extra = run("compute count --map orders extra");
        assertThat(extra.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(extra.lines()).containsExactly("Error: Unexpected word 'extra': 'compute count' takes only options "
                + "(--map, --where, --json, --format). Quote a value that has spaces, e.g. --where \"amount > 5\".");
        assertThat(run("compute count extra --map orders").lines()).singleElement().asString().startsWith("Error: Unexpected word 'extra'");
        assertThat(run("compute count --map orders --where amount > 5").lines()).singleElement().asString()
                .startsWith("Error: Unexpected word '>'");
        assertThat(run("topology now").lines()).singleElement().asString().startsWith("Error: Unexpected word 'now': 'topology' takes only options");
        Run twoPlaces = run("connect 127.0.0.1:1 127.0.0.1:2");
        assertThat(twoPlaces.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(twoPlaces.lines()).singleElement().asString().startsWith("Error: Unexpected word '127.0.0.1:2': 'connect' takes one word");

        Run twice = run("compute count --map orders --where \"amount > 1\" --where \"amount > 2\"");
        assertThat(twice.code()).isEqualTo(ShellErrors.USAGE_CODE);
        assertThat(twice.lines()).containsExactly("Error: The option '--where' is given more than once for 'compute count'; give it once.");
        assertThat(run("compute count --map orders -w \"amount > 1\" --where \"amount > 2\"").lines())
                .containsExactly("Error: The option '--where' is given more than once for 'compute count'; give it once.");
        assertThat(run("compute count --map orders --json --json").lines())
                .containsExactly("Error: The option '--json' is given more than once for 'compute count'; give it once.");

        assertThat(run("help compute sum").code()).as("help takes a command's name").isZero();
    }

    @Test
    void aScriptStopsAtAMistypedLineWithExitCode2(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("typo.txt"), """
                compute count --map orders --where "quantity > 30"
                compute summ --map orders --field amount
                topology
                """);
        StringWriter output = new StringWriter();
        assertThat(runner.runScript(script, new PrintWriter(output))).isEqualTo(ShellErrors.USAGE_CODE);
        List<String> lines = output.toString().lines().toList();
        assertThat(TableOutput.rows(lines, "count").get(0).get("count")).isEqualTo("0");
        assertThat(lines).last().asString().startsWith("Error: Unknown command 'compute summ'. Did you mean 'compute sum'?");
        assertThat(output.toString()).doesNotContain("primary/backup");

        // the same as the shell's own arguments: one command, or the script (one-shot mode)
        runner.run(new DefaultApplicationArguments("compute", "summ", "--map", "orders", "--field", "amount"));
        assertThat(runner.getExitCode()).isEqualTo(ShellErrors.USAGE_CODE);
        runner.run(new DefaultApplicationArguments("--script", script.toString()));
        assertThat(runner.getExitCode()).isEqualTo(ShellErrors.USAGE_CODE);
        runner.run(new DefaultApplicationArguments("compute", "count", "--map", "orders"));
        assertThat(runner.getExitCode()).isZero();
    }

    /** {@code --cache} still works, with one notice on standard error; help and completion know only {@code --map}. */
    @Test
    void cacheIsADeprecatedAliasOfMap() {
        assertThat(run("compute count --map orders --json").lines()).singleElement().asString().contains("\"cache\":\"orders\"");
        Run old = run("compute count --cache orders --json");
        assertThat(old.code()).isZero();
        assertThat(old.lines()).singleElement().asString().startsWith("{\"operation\":\"count\",\"map\":\"orders\",\"cache\":\"orders\"");
        assertThat(TableOutput.rows(run("get -c orders --key 5").lines(), "_key").get(0)).containsEntry("customer",
                SampleData.standard().order(5).customer());
        assertThat(run("compute count --cache=orders").code()).isZero();
        assertThat(run("compute count --cache orders --map orders").lines())
                .containsExactly("Error: The option '--map' is given more than once for 'compute count'; give it once.");
        assertThat(run("topology --cache orders").lines()).singleElement().asString().startsWith("Error: Unknown option '--cache' for 'topology'");
        // partitions' old flag --map (every partition's owners) is --all now; the old line still means the old thing
        assertThat(TableOutput.rows(run("partitions --cache orders --map").lines(), "partition")).hasSize(1024);

        ByteArrayOutputStream notices = new ByteArrayOutputStream();
        GridCommandParser parser = new GridCommandParser(registry, false, new PrintStream(notices, true, StandardCharsets.UTF_8));
        ParsedInput parsed = parser.parse("compute sum --cache orders --field amount");
        assertThat(parsed.options()).extracting(CommandOption::longName).containsExactly("map", "field");
        assertThat(parsed.options().get(0).value()).isEqualTo("orders");
        assertThat(parser.parse("scan -c orders").options()).extracting(CommandOption::longName).containsExactly("map");
        parser.parse("compute count --cache orders");
        assertThat(notices.toString(StandardCharsets.UTF_8).lines()).as("one notice, however often --cache is used")
                .containsExactly("Note: --cache is deprecated; use --map (the same option).");
        assertThat(parser.parse("partitions --cache orders --map --json").options()).extracting(CommandOption::longName)
                .containsExactly("map", "all", "json");
        assertThat(parser.parse("partitions --map orders").options().get(0).value()).isEqualTo("orders");
        assertThat(notices.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Note: --cache is deprecated; use --map (the same option).",
                "Note: the flag --map of 'partitions' is now --all; --map names the map.");

        for (Command command : registry.getCommands()) {
            String help = HelpCommands.describe(command);
            assertThat(help).as(command.getName()).doesNotContain("--cache");
            if (command.getOptions().stream().anyMatch(option -> "map".equals(option.longName()))) {
                assertThat(help).as(command.getName()).contains("--map, -m <value>");
            }
        }
    }

    private Run run(String line) {
        StringWriter output = new StringWriter();
        int code = runner.execute(line, new PrintWriter(output), new InputReader() {
        });
        return new Run(code, output.toString().lines().toList());
    }

    private record Run(int code, List<String> lines) {
    }
}
