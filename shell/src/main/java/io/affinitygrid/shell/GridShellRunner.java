package io.affinitygrid.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.jline.JLineInputProvider;
import org.springframework.shell.jline.JLineInputReader;
import org.springframework.stereotype.Component;

/**
 * Runs the shell: one command or a script given on the command line (non-interactive), or a JLine session
 * with completion and history (interactive), and remembers the exit code.
 *
 * <p>Replaces Spring Shell 4.0.1's runners, which print a failed command's status as an extra line and,
 * in non-interactive mode, only log a failure and exit with 0. Here every failure is one "Error: ..."
 * line, and a non-interactive run exits with the failing command's code (1: the command failed, 2: it was
 * given wrongly). Non-interactive mode is chosen when a command is given on the command line or
 * {@code spring.shell.interactive.enabled=false}. A script ({@code @file}) runs its lines in order, skipping
 * blank lines and {@code #} comments, and stops at the first failure.
 */
@Component
public class GridShellRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final InputReader NO_INPUT = new InputReader() {
    };

    private final CommandParser parser;
    private final CommandRegistry registry;
    private final CommandExecutor executor;
    private final ObjectProvider<JLineInputProvider> inputProvider;
    private final GridConnection connection;
    private final Environment environment;

    private volatile int exitCode;

    public GridShellRunner(CommandParser parser, CommandRegistry registry, ObjectProvider<JLineInputProvider> inputProvider,
            GridConnection connection, Environment environment) {
        this.parser = parser;
        this.registry = registry;
        this.executor = new CommandExecutor(registry);
        this.inputProvider = inputProvider;
        this.connection = connection;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = ShellArguments.command(args.getSourceArgs());
        boolean interactive = environment.getProperty("spring.shell.interactive.enabled", Boolean.class, true);
        if (!command.isEmpty()) {
            PrintWriter out = new PrintWriter(System.out, true);
            exitCode = command.get(0).startsWith("@") && command.size() == 1
                    ? runScript(Path.of(command.get(0).substring(1)), out)
                    : execute(ShellArguments.join(command), out, NO_INPUT);
            out.flush();
        }
        else if (interactive) {
            runInteractive(inputProvider.getObject());
        }
    }

    /** The exit code of the last non-interactive run: 0 when it succeeded. */
    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int runScript(Path script, PrintWriter out) {
        List<String> lines;
        try {
            lines = Files.readAllLines(script);
        }
        catch (NoSuchFileException e) {
            error(out, "No script file " + script.toAbsolutePath());
            return ShellErrors.USAGE_CODE;
        }
        catch (IOException e) {
            error(out, "Cannot read the script " + script.toAbsolutePath() + ": " + e.getMessage());
            return ShellErrors.USAGE_CODE;
        }
        for (String line : lines) {
            String input = line.strip();
            if (input.isEmpty() || input.startsWith("#")) {
                continue;
            }
            int code = execute(input, out, NO_INPUT);
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }

    private void runInteractive(JLineInputProvider input) {
        LineReader reader = input.getLineReader();
        PrintWriter out = reader.getTerminal().writer();
        out.println("Affinity Grid shell. Type 'help' for the commands, 'quit' to leave.");
        out.println(connection.isEmbedded() ? "Starting an embedded grid with sample data..." : "Connecting...");
        out.flush();
        try {
            connection.grid();
            out.println("Connected to the " + connection.describe() + ".");
        }
        catch (RuntimeException e) {
            error(out, ShellErrors.describe(e));
        }
        out.flush();
        InputReader inputReader = new JLineInputReader(reader);
        while (true) {
            String line;
            try {
                line = input.readInput();
            }
            catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line being typed
            }
            catch (EndOfFileException e) {
                break; // Ctrl-D
            }
            if (line == null) {
                break;
            }
            String command = line.strip();
            if (command.isEmpty()) {
                continue;
            }
            String word = command.toLowerCase(Locale.ROOT);
            if (word.equals("quit") || word.equals("exit")) {
                break;
            }
            execute(command, out, inputReader);
        }
    }

    /** Parses and runs one command line; returns its exit code. */
    int execute(String line, PrintWriter out, InputReader input) {
        try {
            Command helped = commandAskingForHelp(line);
            if (helped != null) {
                out.println(helped.getHelp());
                return 0;
            }
            ParsedInput parsed;
            try {
                parsed = parser.parse(line);
            }
            catch (RuntimeException e) {
                error(out, ShellErrors.describe(e));
                return ShellErrors.USAGE_CODE;
            }
            ExitStatus status = executor.execute(new CommandContext(parsed, registry, out, input));
            if (status.code() == ExitStatus.OK.code()) {
                return 0;
            }
            if (status.code() == ShellErrors.USAGE_CODE) {
                error(out, status.description());
            }
            return status.code() > 0 ? status.code() : ShellErrors.USAGE_CODE;
        }
        catch (CommandNotFoundException e) {
            error(out, "Unknown command '" + e.getCommandName() + "'. Type 'help' to list the commands.");
            return ShellErrors.USAGE_CODE;
        }
        catch (CommandExecutionException e) {
            // a command without the shell's error handling, e.g. a built-in one
            error(out, ShellErrors.describe(e.getCause() == null ? e : e.getCause()));
            return ShellErrors.FAILED_CODE;
        }
        finally {
            out.flush();
        }
    }

    /**
     * The command of a line {@code <command> --help} (or {@code -h}), or {@code null}. Spring Shell 4.0.1 shows
     * a command's help that way only for one-word commands: its parser rejects {@code compute sum --help}.
     */
    private Command commandAskingForHelp(String line) {
        List<String> words = List.of(line.strip().split("\\s+"));
        String last = words.get(words.size() - 1);
        if (words.size() < 2 || !(last.equals("--help") || last.equals("-h"))) {
            return null;
        }
        return registry.getCommandByName(String.join(" ", words.subList(0, words.size() - 1)));
    }

    private static void error(PrintWriter out, String message) {
        out.println(ShellErrors.PREFIX + message);
        out.flush();
    }
}
