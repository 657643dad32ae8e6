package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits the shell's command-line arguments into Spring properties and a command. A property is written
 * {@code --name=value} with a dotted name ({@code --grid.addresses=10.0.0.1:10800},
 * {@code --spring.shell.interactive.enabled=false}); every other argument belongs to the command, e.g.
 * {@code compute sum --map orders --field amount}, or a script: {@code @file} or {@code --script file}.
 * {@code --debug} anywhere makes every failing command print its stack trace; it becomes the property
 * {@code grid.debug=true} (given to Spring Boot as is, it would switch on Spring's own debug logging). Stateless.
 */
final class ShellArguments {

    private static final Pattern PROPERTY = Pattern.compile("^--[\\w-]+(\\.[\\w\\[\\]-]+)+=.*", Pattern.DOTALL);

    /** The launch flag for stack traces of failures. */
    static final String DEBUG_FLAG = "--debug";

    /** The launch option naming a script to run. */
    static final String SCRIPT_OPTION = "--script";

    private ShellArguments() {
    }

    /** The arguments for Spring Boot: {@code --debug} replaced by {@code --grid.debug=true}. */
    static String[] springArguments(String... args) {
        String[] effective = args.clone();
        for (int i = 0; i < effective.length; i++) {
            if (effective[i].equals(DEBUG_FLAG)) {
                effective[i] = "--grid.debug=true";
            }
        }
        return effective;
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
        for (String arg : args) {
            if (!PROPERTY.matcher(arg).matches() && !arg.equals(DEBUG_FLAG)) {
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
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
