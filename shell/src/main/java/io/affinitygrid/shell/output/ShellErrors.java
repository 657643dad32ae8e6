package io.affinitygrid.shell.output;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;

import io.affinitygrid.client.GridException;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.stereotype.Component;

/**
 * How the shell's commands fail: one line "Error: ..." on the command's output (no stack trace), and an
 * exit status that is not OK, so that a non-interactive run exits with a non-zero code.
 *
 * <p>Spring Shell 4 hands a command's exception to the command's {@link ExitStatusExceptionMapper}, which
 * cannot write output. So each command runs its body through {@link #run(CommandContext, Runnable)}, which
 * prints the error and throws {@link CommandFailedException}; this mapper (named {@value #MAPPER} in every
 * {@code @Command}) turns that into exit code {@link #FAILED_CODE}. Exceptions raised before the body runs
 * (a required option missing) get {@link #USAGE_CODE}, and the runner prints their message.
 *
 * <p>With {@code --debug} on the command line (or {@code grid.debug=true} for every command), the error line
 * is followed by the stack trace of its cause.
 */
@Component(ShellErrors.MAPPER)
public class ShellErrors implements ExitStatusExceptionMapper {

    /** Bean name of this mapper, for {@code @Command(exitStatusExceptionMapper = ...)}. */
    public static final String MAPPER = "gridExitStatusMapper";

    /** Exit code of a command that failed and printed why. */
    public static final int FAILED_CODE = 1;

    /** Exit code of a command given wrong options, whose message is yet to be printed. */
    public static final int USAGE_CODE = 2;

    /** Prefix of every error line. */
    public static final String PREFIX = "Error: ";

    /** The flag, accepted by every command, that makes a failing command print the stack trace of its cause. */
    public static final String DEBUG_OPTION = "debug";

    @Override
    public ExitStatus apply(Exception exception) {
        // the command's method is invoked reflectively: its exception arrives wrapped
        Throwable failure = exception;
        while (failure instanceof InvocationTargetException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof CommandFailedException) {
            return new ExitStatus(FAILED_CODE, failure.getMessage());
        }
        return new ExitStatus(USAGE_CODE, describe(failure));
    }

    /**
     * Runs a command's body; on failure prints one "Error: ..." line on the command's output and throws
     * {@link CommandFailedException}.
     */
    public static void run(CommandContext context, Runnable body) {
        try {
            body.run();
        }
        catch (CommandFailedException | CommandUsageException e) {
            throw e;
        }
        catch (RuntimeException e) {
            String message = describe(e);
            PrintWriter out = context.outputWriter();
            print(out, message, e, isDebug(context));
            throw new CommandFailedException(message, e);
        }
    }

    /** Whether the command was given {@code --debug}. */
    static boolean isDebug(CommandContext context) {
        var option = context.getOptionByLongName(DEBUG_OPTION);
        return option != null && "true".equalsIgnoreCase(option.value());
    }

    /** Prints "Error: message" and, when debugging, the stack trace of {@code cause} (if any). */
    public static void print(PrintWriter out, String message, Throwable cause, boolean debug) {
        out.println(PREFIX + message);
        if (debug && cause != null) {
            cause.printStackTrace(out);
        }
        out.flush();
    }

    /** A one-line description of a failure: the SDK's message for grid errors, else the deepest message. */
    public static String describe(Throwable failure) {
        if (failure instanceof GridException || failure instanceof IllegalArgumentException) {
            String message = failure.getMessage();
            if (message != null && !message.isBlank()) {
                return firstLine(message);
            }
        }
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message.strip() : message.substring(0, newline).strip();
    }
}
