package io.affinitygrid.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.affinitygrid.shell.commands.HelpCommands;
import io.affinitygrid.shell.commands.ScriptRunner;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.GridPrompt;
import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.output.ShellErrors;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

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
 * {@code spring.shell.interactive.enabled=false}. A script ({@code --script file} or {@code @file}) runs its
 * lines in order, skipping blank lines and {@code #} comments, and stops at the first failure.
 *
 * <p>In an interactive session the prompt shows where the shell is connected ({@link GridPrompt}), an error
 * never ends the session, and Ctrl-C interrupts the running command (the shell stops waiting for it) instead
 * of ending the shell.
 */
@Component
class GridShellRunner implements ApplicationRunner, ExitCodeGenerator, ScriptRunner {

    private static final InputReader NO_INPUT = new InputReader() {
    };

    private final CommandParser parser;
    private final CommandRegistry registry;
    private final CommandExecutor executor;
    private final ObjectProvider<JLineInputProvider> inputProvider;
    private final GridConnection connection;
    private final ShellSession session;
    private final GridShellProperties properties;
    private final Environment environment;

    private static final int MAX_SCRIPT_DEPTH = 8;

    private volatile int exitCode;
    private int scriptDepth;
    private volatile Thread running;

    public GridShellRunner(CommandParser parser, CommandRegistry registry, ObjectProvider<JLineInputProvider> inputProvider,
            GridConnection connection, ShellSession session, GridShellProperties properties, Environment environment) {
        this.parser = parser;
        this.registry = registry;
        this.executor = new CommandExecutor(registry);
        this.inputProvider = inputProvider;
        this.connection = connection;
        this.session = session;
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * Said after a command or script that ran on the throwaway embedded grid: no address was given, so what it
     * read was sample data and what it wrote is gone.
     */
    static final String EMBEDDED_ONE_SHOT_NOTICE = "Note: this ran on an embedded grid with sample data, started for"
            + " this command and stopped after it (nothing written is kept).";

    /** Said, with exit code 2, to a command or script given on the command line without a grid to run on. */
    static final String NO_TARGET = "No grid to run on. Give the cluster with --grid.addresses=HOST:PORT (or"
            + " GRID_ADDRESSES=HOST:PORT), a saved profile with --profile NAME, or --embedded for a throwaway embedded"
            + " grid with sample data. Only the interactive shell starts an embedded grid by itself.";

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = ShellArguments.command(args.getSourceArgs());
        boolean interactive = environment.getProperty("spring.shell.interactive.enabled", Boolean.class, true);
        if (!command.isEmpty()) {
            PrintWriter out = new PrintWriter(System.out, true);
            String script;
            try {
                script = ShellArguments.script(command);
                if (!connection.hasConfiguredTarget() && !needsNoGrid(command)) {
                    throw new IllegalArgumentException(NO_TARGET);
                }
            }
            catch (IllegalArgumentException e) {
                error(out, e.getMessage());
                exitCode = ShellErrors.USAGE_CODE;
                return;
            }
            exitCode = script != null ? runScript(Path.of(script), out) : execute(ShellArguments.join(command), out, NO_INPUT);
            out.flush();
            if (connection.isEmbedded() && connection.isConnected()) {
                System.err.println(EMBEDDED_ONE_SHOT_NOTICE);
            }
        }
        else if (interactive) {
            runInteractive(inputProvider.getObject());
        }
    }

    /** Whether a command line needs no grid: help, and the saved profiles. */
    private static boolean needsNoGrid(List<String> command) {
        return List.of("help", "profiles", "profile").contains(command.get(0)) || command.contains("--help") || command.contains("-h");
    }

    /** The exit code of the last non-interactive run: 0 when it succeeded. */
    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * Runs the commands of a script, stopping at the first failure; returns 0, or the failing command's exit
     * code. Scripts may run scripts, up to {@value #MAX_SCRIPT_DEPTH} deep.
     */
    @Override
    public int runScript(Path script, PrintWriter out) {
        if (scriptDepth >= MAX_SCRIPT_DEPTH) {
            error(out, "Scripts run scripts more than " + MAX_SCRIPT_DEPTH + " deep: does " + script + " run itself?");
            return ShellErrors.FAILED_CODE;
        }
        scriptDepth++;
        try {
            return runScriptLines(script, out);
        }
        finally {
            scriptDepth--;
        }
    }

    private int runScriptLines(Path script, PrintWriter out) {
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
        Terminal terminal = reader.getTerminal();
        PrintWriter out = terminal.writer();
        session.setInteractive(true);
        // Ctrl-C while a command runs: stop waiting for it, not the shell (while reading, JLine handles it)
        terminal.handle(Terminal.Signal.INT, signal -> {
            Thread command = running;
            if (command != null) {
                command.interrupt();
            }
        });
        out.println("Affinity Grid shell. Type 'help' for the commands, TAB to complete, 'quit' to leave.");
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
            running = Thread.currentThread();
            try {
                execute(command, out, inputReader);
            }
            finally {
                running = null;
                Thread.interrupted(); // a Ctrl-C has done its job: it must not disturb the next command
            }
        }
    }

    /** Parses and runs one command line; returns its exit code. Never throws: errors are printed. */
    int execute(String line, PrintWriter out, InputReader input) {
        boolean debug = properties.isDebug() || GridCommandParser.words(line).contains("--" + ShellErrors.DEBUG_OPTION);
        try {
            Command helped = commandAskingForHelp(line);
            if (helped != null) {
                out.println(HelpCommands.describe(helped));
                return 0;
            }
            String group = line.strip();
            List<Command> members = registry.getCommandByName(group) == null ? registry.getCommandsByPrefix(group + " ") : List.of();
            if (!group.isEmpty() && !members.isEmpty()) {
                // e.g. "compute" alone: its sub-commands, in order
                out.println("'" + group + "' is followed by one of:");
                members.stream().sorted(Comparator.comparing(Command::getName))
                        .forEach(c -> out.println("  " + c.getName() + "  " + c.getDescription()));
                return 0;
            }
            ParsedInput parsed;
            try {
                parsed = parser.parse(line);
            }
            catch (RuntimeException e) {
                ShellErrors.print(out, ShellErrors.describe(e), e, debug);
                return ShellErrors.USAGE_CODE;
            }
            ExitStatus status = executor.execute(new CommandContext(parsed, registry, out, input));
            if (status.code() == ExitStatus.OK.code()) {
                return 0;
            }
            if (status.code() == ShellErrors.USAGE_CODE) {
                ShellErrors.print(out, status.description(), null, debug);
            }
            return status.code() > 0 ? status.code() : ShellErrors.USAGE_CODE;
        }
        catch (CommandNotFoundException e) {
            error(out, "Unknown command '" + e.getCommandName() + "'. Type 'help' to list the commands.");
            return ShellErrors.USAGE_CODE;
        }
        catch (CommandExecutionException e) {
            // a command without the shell's error handling, e.g. a built-in one
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ShellErrors.print(out, ShellErrors.describe(cause), cause, debug);
            return ShellErrors.FAILED_CODE;
        }
        catch (RuntimeException e) {
            // whatever else goes wrong, the session goes on
            ShellErrors.print(out, ShellErrors.describe(e), e, debug);
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
