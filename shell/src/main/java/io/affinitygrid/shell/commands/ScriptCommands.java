package io.affinitygrid.shell.commands;

import java.nio.file.Path;

import io.affinitygrid.shell.output.CommandFailedException;
import io.affinitygrid.shell.output.ShellErrors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * {@code script --file <file>}: runs the commands of a file from within the shell, as {@code --script} does
 * from the command line. Replaces Spring Shell 4.0.1's own, which splits lines at every space (quotes do not
 * hold) and goes on after a failure.
 */
@Component
class ScriptCommands {

    private final ObjectProvider<ScriptRunner> runner;

    public ScriptCommands(ObjectProvider<ScriptRunner> runner) {
        this.runner = runner;
    }

    @Command(name = "script", group = GridCommandGroup.SHELL,
            description = "Run the commands of a file, stopping at the first failure",
            help = """
                    script <file> - run the commands of a file (also: script --file <file>).

                    One command per line, as typed at the prompt; blank lines and lines starting with # are
                    skipped. Stops at the first command that fails. The same as starting the shell with
                    --script <file> (or @<file>), which then exits with the failing command's exit code.

                    Example:
                      script demo.txt""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void script(CommandContext context,
            @Argument(index = 0, description = "the script file", defaultValue = "") String path,
            @Option(longName = "file", shortName = 'f', description = "the script file (or give it without --file)") String option) {
        ShellErrors.run(context, () -> {
            boolean positional = path != null && !path.isBlank();
            boolean named = option != null && !option.isBlank();
            if (positional == named) {
                throw new IllegalArgumentException(positional ? "Give the script file once: script FILE or script --file FILE"
                        : "script needs a file: script FILE");
            }
            String file = positional ? path : option;
            int code = runner.getObject().runScript(Path.of(file), context.outputWriter());
            if (code != 0) {
                // the failing command has said why
                throw new CommandFailedException("The script " + file + " stopped at a failing command", null);
            }
        });
    }
}
