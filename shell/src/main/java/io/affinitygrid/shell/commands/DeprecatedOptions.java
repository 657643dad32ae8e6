package io.affinitygrid.shell.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;

/**
 * Old spellings of options that still work, each with a short notice for the user. Spring Shell 4's
 * {@code @Option} has a single long name, so the shell's parser rewrites them before Spring Shell parses the line;
 * they are declared nowhere, so neither help nor completion shows them.
 * <ul>
 * <li>{@code --cache} (and {@code -c}) is {@code --map}, on every command that has {@code --map}.</li>
 * <li>{@code partitions} had a flag {@code --map} ("list every partition's owners"), now {@code --all}: on a line
 * that names its map the old way ({@code --cache}), a {@code --map} without a value is that flag.</li>
 * </ul>
 * Stateless.
 */
public final class DeprecatedOptions {

    static final String CACHE = "cache";
    static final char CACHE_SHORT = 'c';

    /** The flag of {@code partitions} that was called {@code --map}. */
    static final String ALL = "all";

    static final String CACHE_NOTICE = "Note: --cache is deprecated; use --map (the same option).";
    static final String PARTITIONS_NOTICE = "Note: the flag --map of 'partitions' is now --all; --map names the map.";

    private DeprecatedOptions() {
    }

    /**
     * The words of a command line with the old spellings replaced, and the notices to give (none when nothing
     * was replaced).
     *
     * @param command the command the line names, or {@code null}
     */
    public static Rewritten rewrite(Command command, List<String> words) {
        if (command == null || !has(command, OptionNames.MAP)) {
            return new Rewritten(words, List.of());
        }
        boolean shortAlias = command.getOptions().stream().noneMatch(o -> o.shortName() == CACHE_SHORT);
        boolean oldLine = words.stream().anyMatch(word -> isCache(word, shortAlias));
        boolean allFlag = has(command, ALL);
        List<String> rewritten = new ArrayList<>(words.size());
        Set<String> notices = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (isCache(word, shortAlias)) {
                int equals = word.indexOf('=');
                rewritten.add("--" + OptionNames.MAP + (equals < 0 ? "" : word.substring(equals)));
                notices.add(CACHE_NOTICE);
            }
            else if (oldLine && allFlag && word.equals("--" + OptionNames.MAP) && (next == null || next.startsWith("-"))) {
                rewritten.add("--" + ALL);
                notices.add(PARTITIONS_NOTICE);
            }
            else {
                rewritten.add(word);
            }
        }
        return new Rewritten(List.copyOf(rewritten), List.copyOf(notices));
    }

    private static boolean isCache(String word, boolean shortAlias) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return name.equals("--" + CACHE) || shortAlias && name.equals("-" + CACHE_SHORT);
    }

    private static boolean has(Command command, String longName) {
        return command.getOptions().stream().map(CommandOption::longName).anyMatch(longName::equals);
    }

    /** A command line's words after {@link #rewrite(Command, List)}, and the notices for the user. */
    public record Rewritten(List<String> words, List<String> notices) {
    }
}
