package io.affinitygrid.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.affinitygrid.compute.Suggestions;
import io.affinitygrid.shell.commands.DeprecatedOptions;
import io.affinitygrid.shell.commands.PositionalArguments;
import io.affinitygrid.shell.output.ShellErrors;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.ParsedInput;

/**
 * The shell's command-line parser: Spring Shell's {@link DefaultCommandParser}, with fixes that make typing
 * commands less surprising. Every mistake of the line is an {@link IllegalArgumentException} saying what was
 * wrong, which the runner prints and answers with exit code 2; nothing is silently ignored.
 * <ul>
 * <li>A command the shell does not have is an error suggesting the closest one ({@code topolgy}: did you mean
 * {@code topology}?), and for a group such as {@code compute}, listing its sub-commands. (Spring Shell 4.0.1 takes
 * {@code compute summ} for {@code compute} with an argument, lists the sub-commands and succeeds.)</li>
 * <li>A flag (a {@code boolean} option such as {@code --json}) may be given alone, also on commands of two
 * words: {@code compute sum ... --json}. (Spring Shell 4.0.1 looks flags up by the first word only, so
 * it demands a value there.)</li>
 * <li>A negative number is an option's value, not an option: {@code --factor -0.5}.</li>
 * <li>An option the command does not have is an error naming the command's options, instead of being ignored
 * (a misspelt {@code --limt 5} would otherwise silently use the default); so is an option given twice, and a
 * word the command does not take ({@code compute count --map orders extra}).</li>
 * <li>The deprecated spellings of {@link DeprecatedOptions} ({@code --cache} for {@code --map}) still work; the
 * first use of each prints a one-line notice on standard error.</li>
 * </ul>
 * {@code --debug} is accepted by every command (see {@link ShellErrors}); with {@code grid.debug=true} every
 * command gets it. Thread-safe.
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
    private final PrintStream notices;
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();

    GridCommandParser(CommandRegistry registry, boolean debugAlways) {
        this(registry, debugAlways, System.err);
    }

    /** @param notices where the notices of deprecated spellings go, each the first time it applies */
    GridCommandParser(CommandRegistry registry, boolean debugAlways, PrintStream notices) {
        this.registry = registry;
        this.delegate = new DefaultCommandParser(registry);
        this.debugAlways = debugAlways;
        this.notices = notices;
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
     * @throws IllegalArgumentException when a double quote is not closed, there is no such command, an option lacks
     *         its value, the command has no such option, an option is given twice, or the command does not take a
     *         word of the line
     */
    @Override
    public ParsedInput parse(String input) {
        if (input.chars().filter(c -> c == '"').count() % 2 != 0) {
            // the words would not split at all: the whole line would be taken for an unknown command's name
            throw new IllegalArgumentException("A double quote is not closed; quote a value whole, e.g. --where \"amount > 5\"");
        }
        List<String> typed = words(input);
        Command command = command(registry, typed);
        if (command == null) {
            List<String> leading = typed.stream().takeWhile(word -> !word.startsWith("-")).toList();
            throw new IllegalArgumentException(leading.isEmpty() ? "A command comes first; type 'help' to list the commands."
                    : CommandSuggestions.unknownCommand(registry, leading));
        }
        DeprecatedOptions.Rewritten rewritten = DeprecatedOptions.rewrite(command, typed);
        rewritten.notices().stream().filter(noticed::add).forEach(notices::println);
        List<String> words = rewritten.words();
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
            CommandOption option = option(command, word);
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
        if (debugAlways && !debugGiven) {
            normalized.add("--" + DEBUG + "=true");
        }
        ParsedInput parsed = delegate.parse(String.join(" ", normalized));
        rejectUnknownOptions(command, parsed);
        rejectRepeatedOptions(command, parsed);
        rejectExtraWords(command, parsed);
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

    private static void rejectRepeatedOptions(Command command, ParsedInput parsed) {
        Set<String> seen = new HashSet<>();
        for (CommandOption given : parsed.options()) {
            String name = longName(command, given);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("The option '--" + name + "' is given more than once for '" + command.getName()
                        + "'; give it once.");
            }
        }
    }

    private static void rejectExtraWords(Command command, ParsedInput parsed) {
        int allowed = PositionalArguments.allowed(command);
        if (parsed.arguments().size() > allowed) {
            String word = parsed.arguments().get(allowed).value();
            throw new IllegalArgumentException("Unexpected word '" + word + "': '" + command.getName() + "' takes "
                    + (allowed == 0 ? "only options" : allowed == 1 ? "one word and options" : allowed + " words and options")
                    + describeOptions(command) + ". Quote a value that has spaces, e.g. --where \"amount > 5\".");
        }
    }

    /** The long name of a given option, also when it was given by its short name. */
    private static String longName(Command command, CommandOption given) {
        if (given.longName() != null && !given.longName().isEmpty()) {
            return given.longName();
        }
        return command.getOptions().stream().filter(o -> o.shortName() == given.shortName()).map(CommandOption::longName)
                .findFirst().orElse(String.valueOf(given.shortName()));
    }

    private static String describeOptions(Command command) {
        return command.getOptions().isEmpty() ? "" : " (" + command.getOptions().stream()
                .map(o -> "--" + o.longName()).collect(Collectors.joining(", ")) + ")";
    }

    private static void rejectUnknownOptions(Command command, ParsedInput parsed) {
        for (CommandOption given : parsed.options()) {
            boolean known = given.longName() != null && !given.longName().isEmpty()
                    ? GLOBAL_OPTIONS.contains(given.longName())
                            || command.getOptions().stream().anyMatch(o -> given.longName().equals(o.longName()))
                    : command.getOptions().stream().anyMatch(o -> o.shortName() != ' ' && o.shortName() == given.shortName());
            if (!known) {
                String name = given.longName() != null && !given.longName().isEmpty() ? "--" + given.longName() : "-" + given.shortName();
                List<String> options = command.getOptions().stream().map(o -> "--" + o.longName()).toList();
                throw new IllegalArgumentException("Unknown option '" + name + "' for '" + command.getName() + "'."
                        + Suggestions.didYouMean(name, options)
                        + (options.isEmpty() ? " It takes no options." : " Its options: " + String.join(", ", options) + "."));
            }
        }
    }
}
