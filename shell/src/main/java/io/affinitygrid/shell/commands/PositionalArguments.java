package io.affinitygrid.shell.commands;

import java.util.Map;

import org.springframework.shell.core.command.Command;

/**
 * How many words a command takes besides its name and options: {@code connect} one (where to), {@code script} one (its file), {@code help} any
 * (a command's name), every other command none. Spring Shell 4's {@link Command} does not tell (an
 * {@code @Argument} is known only to the method it annotates), and it would pass extra words to a command that
 * ignores them, so the parser asks here. Stateless.
 */
public final class PositionalArguments {

    private static final Map<String, Integer> ALLOWED = Map.of("connect", 1, "script", 1, "help", Integer.MAX_VALUE);

    private PositionalArguments() {
    }

    /** The most words {@code command} takes besides its name and options. */
    public static int allowed(Command command) {
        return ALLOWED.getOrDefault(command.getName(), 0);
    }
}
