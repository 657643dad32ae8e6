package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.affinitygrid.shell.output.ShellErrors;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.ParsedInput;

/**
 * The shell's command-line parser: Spring Shell's {@link DefaultCommandParser}, with three fixes that make
 * typing commands less surprising.
 * <ul>
 * <li>A flag (a {@code boolean} option such as {@code --json}) may be given alone, also on commands of two
 * words: {@code compute sum ... --json}. (Spring Shell 4.0.1 looks flags up by the first word only, so
 * it demands a value there.)</li>
 * <li>A negative number is an option's value, not an option: {@code --factor -0.5}.</li>
 * <li>An option the command does not have is an error naming the command's options, instead of being ignored
 * (a misspelt {@code --limt 5} would otherwise silently use the default).</li>
 * </ul>
 * {@code --debug} is accepted by every command (see {@link ShellErrors}); with {@code grid.debug=true} every
 * command gets it. Thread-safe (stateless but for the registry).
 */
final class GridCommandParser implements CommandParser {

    /** The flag that makes a failing command print the stack trace of its cause. */
    static final String DEBUG = ShellErrors.DEBUG_OPTION;

    /** Options every command accepts, besides its own. */
    private static final Set<String> GLOBAL_OPTIONS = Set.of(DEBUG, "help");

    /** Same tokens as {@link DefaultCommandParser}: white space outside double quotes separates words. */
    private static final Pattern WORD_SEPARATOR = Pattern.compile("\\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");

    private static final Pattern NUMBER = Pattern.compile("-\\d+(\\.\\d*)?([eE][-+]?\\d+)?|-\\.\\d+");

    private final CommandRegistry registry;
    private final DefaultCommandParser delegate;
    private final boolean debugAlways;

    public GridCommandParser(CommandRegistry registry, boolean debugAlways) {
        this.registry = registry;
        this.delegate = new DefaultCommandParser(registry);
        this.debugAlways = debugAlways;
    }

    /** The words of a command line, as the parser splits them (quoted words keep their quotes). */
    static List<String> words(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? List.of() : List.of(WORD_SEPARATOR.split(stripped));
    }

    /**
     * The command named by the leading words of a line (the longest run of words, up to the first option,
     * that names a command), or {@code null}.
     */
    static Command command(CommandRegistry registry, List<String> words) {
        Command found = null;
        StringBuilder name = new StringBuilder();
        for (String word : words) {
            if (word.startsWith("-")) {
                break;
            }
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(word);
            Command command = registry.getCommandByName(name.toString());
            if (command != null) {
                found = command;
            }
        }
        return found;
    }

    /**
     * @throws IllegalArgumentException when a double quote is not closed, an option lacks its value, or the command
     *         has no such option
     */
    @Override
    public ParsedInput parse(String input) {
        if (input.chars().filter(c -> c == '"').count() % 2 != 0) {
            // the words would not split at all: the whole line would be taken for an unknown command's name
            throw new IllegalArgumentException("A double quote is not closed; quote a value whole, e.g. --where \"amount > 5\"");
        }
        List<String> words = words(input);
        Command command = command(registry, words);
        List<String> normalized = new ArrayList<>(words.size() + 1);
        boolean debugGiven = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (word.equals("-")) {
                throw new IllegalArgumentException("A lone '-' is not an option; write options as --name value or -x value");
            }
            if (!isOptionName(word)) {
                normalized.add(word);
                continue;
            }
            CommandOption option = command == null ? null : option(command, word);
            if (word.equals("--" + DEBUG)) {
                debugGiven = true;
                normalized.add(word + "=true");
            }
            else if (option != null && isFlag(option)) {
                boolean explicit = "true".equalsIgnoreCase(next) || "false".equalsIgnoreCase(next);
                normalized.add(word + "=" + (explicit ? next.toLowerCase(java.util.Locale.ROOT) : "true"));
                i += explicit ? 1 : 0;
            }
            else if (option != null && next != null && NUMBER.matcher(next).matches()) {
                normalized.add(word + "=" + next);
                i++;
            }
            else {
                normalized.add(word);
            }
        }
        if (debugAlways && !debugGiven && command != null) {
            normalized.add("--" + DEBUG + "=true");
        }
        ParsedInput parsed = delegate.parse(String.join(" ", normalized));
        if (command != null) {
            rejectUnknownOptions(command, parsed);
        }
        return parsed;
    }

    private static boolean isOptionName(String word) {
        return word.startsWith("-") && !word.equals("--") && !word.contains("=") && !NUMBER.matcher(word).matches();
    }

    private static CommandOption option(Command command, String word) {
        for (CommandOption option : command.getOptions()) {
            if (option.isOptionEqual(word)) {
                return option;
            }
        }
        return null;
    }

    private static boolean isFlag(CommandOption option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }

    private static void rejectUnknownOptions(Command command, ParsedInput parsed) {
        for (CommandOption given : parsed.options()) {
            boolean known = given.longName() != null && !given.longName().isEmpty()
                    ? GLOBAL_OPTIONS.contains(given.longName())
                            || command.getOptions().stream().anyMatch(o -> given.longName().equals(o.longName()))
                    : command.getOptions().stream().anyMatch(o -> o.shortName() != ' ' && o.shortName() == given.shortName());
            if (!known) {
                String name = given.longName() != null && !given.longName().isEmpty() ? "--" + given.longName() : "-" + given.shortName();
                String options = command.getOptions().stream()
                        .map(o -> "--" + o.longName())
                        .collect(Collectors.joining(", "));
                throw new IllegalArgumentException("Unknown option '" + name + "' for '" + command.getName() + "'"
                        + (options.isEmpty() ? "; it takes no options." : "; its options: " + options));
            }
        }
    }
}
