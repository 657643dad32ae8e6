package io.affinitygrid.shell;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.affinitygrid.compute.Suggestions;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * What to tell the user who typed a command the shell does not have: the closest command's name when one is
 * close ({@code topolgy} → {@code topology}, {@code comput sum} → {@code compute sum}), and for a group of
 * commands such as {@code compute}, its sub-commands, sorted. Stateless.
 */
final class CommandSuggestions {

    private CommandSuggestions() {
    }

    /**
     * The message for a line whose leading words (those before the first option) name no command.
     *
     * @param leading the leading words, at least one
     */
    static String unknownCommand(CommandRegistry registry, List<String> leading) {
        String first = leading.get(0);
        String second = leading.size() > 1 ? leading.get(1) : null;
        List<String> group = subCommands(registry, first);
        if (!group.isEmpty()) {
            // a group such as "compute": the sub-command is missing or wrong
            String typed = second == null ? first : first + " " + second;
            String closest = second == null ? null : Suggestions.closest(second, group).map(sub -> first + " " + sub).orElse(null);
            return (second == null ? "'" + first + "' needs a sub-command." : "Unknown command '" + typed + "'.")
                    + (closest == null ? "" : " Did you mean '" + closest + "'?")
                    + " '" + first + "' is followed by one of: " + String.join(", ", group) + ".";
        }
        Optional<String> word = Suggestions.closest(first, firstWords(registry));
        String closest = word.map(w -> {
            List<String> subs = subCommands(registry, w);
            if (subs.isEmpty()) {
                return w;
            }
            return second == null ? w : Suggestions.closest(second, subs).map(sub -> w + " " + sub).orElse(w);
        }).orElse(null);
        String typed = closest != null && closest.contains(" ") ? first + " " + second : first;
        return "Unknown command '" + typed + "'." + (closest == null ? "" : " Did you mean '" + closest + "'?")
                + " Type 'help' to list the commands.";
    }

    /** The sub-commands of a group ({@code compute} → {@code avg, bottom, ...}), sorted; empty for a non-group. */
    static List<String> subCommands(CommandRegistry registry, String group) {
        return registry.getCommandsByPrefix(group + " ").stream()
                .map(command -> command.getName().substring(group.length() + 1))
                .sorted()
                .toList();
    }

    /** The first words of the visible commands' names: {@code topology}, {@code compute}, ... */
    private static List<String> firstWords(CommandRegistry registry) {
        TreeSet<String> words = new TreeSet<>();
        for (Command command : registry.getCommands()) {
            if (!command.isHidden()) {
                words.add(command.getName().split(" ")[0]);
            }
        }
        return List.copyOf(words);
    }
}
