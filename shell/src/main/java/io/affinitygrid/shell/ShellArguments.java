package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits the shell's command-line arguments into Spring properties and a command. A property is written
 * {@code --name=value} with a dotted name ({@code --grid.addresses=10.0.0.1:10800},
 * {@code --spring.shell.interactive.enabled=false}); every other argument belongs to the command, e.g.
 * {@code compute sum --cache orders --field amount}, or {@code @file} for a script. Stateless.
 */
final class ShellArguments {

    private static final Pattern PROPERTY = Pattern.compile("^--[\\w-]+(\\.[\\w\\[\\]-]+)+=.*", Pattern.DOTALL);

    private ShellArguments() {
    }

    /** The words of the command given on the command line; empty when none was given. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        for (String arg : args) {
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
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
