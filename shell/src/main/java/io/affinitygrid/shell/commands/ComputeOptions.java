package io.affinitygrid.shell.commands;

import java.util.ArrayList;
import java.util.List;

import io.affinitygrid.shell.output.OutputFormat;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * The options every computation takes, declared once: {@code --map} (required), {@code --where},
 * {@code --json} and {@code --format}; and their values on one command line. A compute command declares its own options (a field, a
 * limit, ...) between {@code --map} and {@code --where} ({@link #around(List)}).
 *
 * @param map the map to compute over, as given (checked when the computation runs)
 * @param where the filter, or {@code null}
 * @param format how to print the result
 */
record ComputeOptions(String map, String where, OutputFormat format) {

    static final CommandOption MAP = option(OptionNames.MAP, OptionNames.MAP_SHORT, "the map to scan", true, String.class);

    static final CommandOption WHERE = option(OptionNames.WHERE, OptionNames.WHERE_SHORT, OptionNames.WHERE_HELP, false, String.class);

    static final CommandOption JSON = option(OptionNames.JSON, ' ', "short for --format json", false, boolean.class);

    static final CommandOption FORMAT = option(OptionNames.FORMAT, ' ', OutputFormat.HELP, false, String.class);

    /** The options of a computation: {@link #MAP}, the computation's own, {@link #WHERE}, {@link #JSON}, {@link #FORMAT}. */
    static List<CommandOption> around(List<CommandOption> own) {
        List<CommandOption> options = new ArrayList<>(own.size() + 4);
        options.add(MAP);
        options.addAll(own);
        options.add(WHERE);
        options.add(JSON);
        options.add(FORMAT);
        return List.copyOf(options);
    }

    /** The shared options' values on the command line. */
    static ComputeOptions of(CommandContext context) {
        return new ComputeOptions(Inputs.value(context, MAP), Inputs.value(context, WHERE),
                OutputFormat.of(Inputs.value(context, FORMAT), Inputs.flag(context, JSON)));
    }

    /** An option that takes text (a name, a number), or a flag ({@code boolean}). */
    static CommandOption option(String longName, char shortName, String description, boolean required, Class<?> type) {
        return CommandOption.with().longName(longName).shortName(shortName).description(description).required(required)
                .type(type).build();
    }

    /** An option that takes text, with a default value. */
    static CommandOption option(String longName, char shortName, String description, String defaultValue) {
        return CommandOption.with().longName(longName).shortName(shortName).description(description).required(false)
                .defaultValue(defaultValue).type(String.class).build();
    }
}
