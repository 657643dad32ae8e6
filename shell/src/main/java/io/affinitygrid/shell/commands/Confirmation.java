package io.affinitygrid.shell.commands;

import java.util.Locale;

import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.output.CommandUsageException;
import org.springframework.shell.core.command.CommandContext;

/**
 * Asks before a command that cannot be undone (destroying or clearing a map, stopping a node, a bulk update). In an interactive
 * session the user answers y or n; a one-shot command or a script cannot ask, so there the command must carry
 * {@code --yes}, and without it is a command written wrongly (exit code 2) that has done nothing.
 */
final class Confirmation {

    /** The flag that answers yes in advance. */
    static final String YES = "yes";

    private Confirmation() {
    }

    /**
     * Checks, before anything is done, that the command either has {@code --yes} or runs where a person can answer.
     *
     * @param command the command's name, e.g. {@code map destroy}
     * @param action what it would do, e.g. {@code destroy map 'orders'}
     * @throws CommandUsageException (exit code 2) when it can do neither, also from inside a command's body
     */
    static void requireYesOrTerminal(ShellSession session, boolean yes, String command, String action) {
        if (!yes && !session.isInteractive()) {
            throw new CommandUsageException("'" + command + "' asks before it can " + action + ", and a one-shot command"
                    + " or script cannot answer: add --" + YES + " to do it. Nothing was done.");
        }
    }

    /** Asks {@code question} and returns whether the answer is y or yes; false for anything else or no answer. */
    static boolean ask(CommandContext context, String question) {
        try {
            String answer = context.inputReader().readInput(question + " [y/N] ");
            String word = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
            return word.equals("y") || word.equals(YES);
        }
        catch (Exception e) {
            return false;
        }
    }
}
