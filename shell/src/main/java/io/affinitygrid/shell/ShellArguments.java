package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits the shell's command-line arguments into Spring properties and a command. A property is written
 * {@code --name=value} with a dotted name ({@code --grid.addresses=10.0.0.1:10800},
 * {@code --spring.shell.interactive.enabled=false}); every other argument belongs to the command, e.g.
 * {@code compute sum --map orders --field amount}, or a script: {@code @file} or {@code --script file}.
 * {@code --debug} anywhere makes every failing command print its stack trace; it becomes the property
 * {@code grid.debug=true} (given to Spring Boot as is, it would switch on Spring's own debug logging).
 * Before the command, the launch options {@code --embedded}, {@code --profile NAME}, {@code --user NAME},
 * {@code --trust-store FILE} and {@code --key-store FILE} are short for the properties {@code grid.embedded.enabled},
 * {@code grid.profile}, {@code grid.user}, {@code grid.trust-store} and {@code grid.key-store}. Stateless.
 */
final class ShellArguments {

    private static final Pattern PROPERTY = Pattern.compile("^--[\\w-]+(\\.[\\w\\[\\]-]+)+=.*", Pattern.DOTALL);

    /** The launch flag for stack traces of failures. */
    static final String DEBUG_FLAG = "--debug";

    /** The launch option naming a script to run. */
    static final String SCRIPT_OPTION = "--script";

    /** The launch flag for the embedded grid, in one-shot and script runs. */
    static final String EMBEDDED_FLAG = "--embedded";

    /** Launch options that take a value, and the property each stands for. */
    private static final Map<String, String> LAUNCH_OPTIONS = Map.of("--profile", "grid.profile", "--user", "grid.user",
            "--trust-store", "grid.trust-store", "--key-store", "grid.key-store");

    private ShellArguments() {
    }

    /**
     * The arguments for Spring Boot: {@code --debug} replaced by {@code --grid.debug=true}, and the launch options
     * before the command by their properties.
     *
     * @throws IllegalArgumentException for a launch option without its value
     */
    static String[] springArguments(String... args) {
        List<String> effective = new ArrayList<>();
        boolean beforeCommand = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(DEBUG_FLAG)) {
                effective.add("--grid.debug=true");
            }
            else if (beforeCommand && arg.equals(EMBEDDED_FLAG)) {
                effective.add("--grid.embedded.enabled=true");
            }
            else if (beforeCommand && launchOption(arg) != null) {
                String option = launchOption(arg);
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : "");
                if (value.isBlank() || value.startsWith("--")) {
                    throw new IllegalArgumentException(option + " needs a value, e.g. " + option + " " + example(option));
                }
                effective.add("--" + LAUNCH_OPTIONS.get(option) + "=" + value);
            }
            else {
                beforeCommand &= PROPERTY.matcher(arg).matches();
                effective.add(arg);
            }
        }
        return effective.toArray(String[]::new);
    }

    private static String launchOption(String arg) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        return LAUNCH_OPTIONS.containsKey(name) ? name : null;
    }

    private static String example(String option) {
        return switch (option) {
            case "--profile" -> "prod";
            case "--user" -> "ops";
            default -> "certs/trust.p12";
        };
    }

    /**
     * The script a command line names: {@code @file}, {@code --script file} or {@code --script=file};
     * {@code null} when the command is not a script.
     *
     * @throws IllegalArgumentException for {@code --script} without a file
     */
    static String script(List<String> command) {
        if (command.size() == 1 && command.get(0).startsWith("@") && command.get(0).length() > 1) {
            return command.get(0).substring(1);
        }
        if (!command.isEmpty() && command.get(0).startsWith(SCRIPT_OPTION + "=")) {
            return requireScript(command.get(0).substring(SCRIPT_OPTION.length() + 1), command);
        }
        if (!command.isEmpty() && command.get(0).equals(SCRIPT_OPTION)) {
            return requireScript(command.size() > 1 ? command.get(1) : "", command);
        }
        return null;
    }

    private static String requireScript(String file, List<String> command) {
        if (file.isBlank()) {
            throw new IllegalArgumentException("--script needs a file: --script commands.txt");
        }
        if (command.size() > (command.get(0).contains("=") ? 1 : 2)) {
            throw new IllegalArgumentException("--script takes one file and nothing else, got " + String.join(" ", command));
        }
        return file;
    }

    /** The words of the command given on the command line; empty when none was given. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        for (String arg : springArguments(args)) {
            if (!PROPERTY.matcher(arg).matches()) {
                command.add(arg);
            }
        }
        if (command.size() == 1 && (command.get(0).equals("--help") || command.get(0).equals("-h"))) {
            return List.of("help");
        }
        return command;
    }

    /**
     * Joins the words of a command into one line for the shell's parser, quoting the words that the
     * operating system's shell unquoted (those with white space), so that {@code --value "a b"} stays one value.
     */
    static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            int equals = word.indexOf('=');
            if (word.chars().anyMatch(Character::isWhitespace)) {
                if (word.startsWith("--") && equals > 0) {
                    line.append(word, 0, equals + 1).append(quote(word.substring(equals + 1)));
                }
                else {
                    line.append(quote(word));
                }
            }
            else {
                line.append(word);
            }
        }
        return line.toString();
    }

    private static String quote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") && text.indexOf('"', 1) == text.length() - 1) {
            return text; // quoted for the shell's parser already: --where '"region = north"'
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
