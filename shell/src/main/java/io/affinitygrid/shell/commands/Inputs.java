package io.affinitygrid.shell.commands;

import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * Reads the values of command options, failing with a message that names the option. Stateless.
 */
final class Inputs {

    private Inputs() {
    }

    /**
     * The value of an option a command declares (given by its long or its short name), else its default value;
     * {@code null} when it has neither.
     */
    static String value(CommandContext context, CommandOption option) {
        CommandOption given = context.getOptionByLongName(option.longName());
        if (given == null && option.shortName() != ' ') {
            given = context.getOptionByShortName(option.shortName());
        }
        if (given != null) {
            return given.value();
        }
        return option.defaultValue() == null || option.defaultValue().isEmpty() ? null : option.defaultValue();
    }

    /** Whether a flag was given (and not as {@code --flag false}). */
    static boolean flag(CommandContext context, CommandOption option) {
        return Boolean.parseBoolean(value(context, option));
    }

    /**
     * @throws IllegalArgumentException when a required option is not on the command line, in the words Spring
     *         Shell uses for its annotated commands
     */
    static void requireGiven(CommandContext context, List<CommandOption> options) {
        for (CommandOption option : options) {
            if (Boolean.TRUE.equals(option.required()) && value(context, option) == null) {
                throw new IllegalArgumentException("Required option '--" + option.longName() + "' is missing.");
            }
        }
    }

    /**
     * A key as typed: a {@link Long} when it reads as a whole number (the sample orders' keys are Longs),
     * else the text itself.
     */
    static Object key(String raw) {
        String text = requireText("key", raw);
        try {
            return Long.valueOf(text.strip());
        }
        catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /**
     * A whole number of at least 1.
     *
     * @throws IllegalArgumentException when {@code raw} is not one
     */
    static long positiveCount(String option, String raw) {
        String text = requireText(option, raw).strip().replace("_", "");
        long value;
        try {
            value = Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a whole number, got '" + raw + "'");
        }
        if (value < 1) {
            throw new IllegalArgumentException("--" + option + " must be at least 1, got " + value);
        }
        return value;
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @throws IllegalArgumentException when {@code raw} is not one
     */
    static int wholeNumber(String option, String raw, int min, int max) {
        String text = requireText(option, raw).strip().replace("_", "");
        int value;
        try {
            value = Integer.parseInt(text);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + option + " must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** Most rows a result may be asked for. */
    static final int MAX_LIMIT = 100_000;

    /**
     * A number of result rows: a whole number from 1 to {@value #MAX_LIMIT}.
     *
     * @throws IllegalArgumentException when {@code raw} is not one
     */
    static int limit(String raw) {
        long value = positiveCount("limit", raw);
        if (value > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be at most " + MAX_LIMIT + ", got " + value);
        }
        return (int) value;
    }

    /**
     * A finite decimal number, e.g. {@code 1.1} or {@code -0.5}.
     *
     * @throws IllegalArgumentException when {@code raw} is not one
     */
    static double number(String option, String raw) {
        String text = requireText(option, raw).strip().replace("_", "");
        double value;
        try {
            value = Double.parseDouble(text);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a number, got '" + raw + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("--" + option + " must be a finite number, got '" + raw + "'");
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException when {@code raw} is null or blank
     */
    static String requireText(String option, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("--" + option + " must not be empty");
        }
        return raw;
    }
}
