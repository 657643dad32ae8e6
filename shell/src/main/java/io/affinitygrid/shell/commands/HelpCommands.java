package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.shell.output.ShellErrors;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * {@code help}: the commands by group, in a fixed order and sorted by name, or one command's help text with
 * its options. Replaces Spring Shell 4.0.1's own, which lists commands in no order and leaves out the
 * commands' help texts.
 */
@Component
public class HelpCommands {

    private static final String LINE = System.lineSeparator();

    @Command(name = "help", group = GridCommandGroup.SHELL,
            description = "List the commands, or show how to use one: help <command>",
            help = """
                    help [<command>] - the commands, or one command's help and options.

                    '<command> --help' shows the same. TAB completes command names, option names, and the values
                    of --map (the grid's maps), --field and --by (the fields of the map on the line), and field
                    names inside --where.

                    Examples:
                      help
                      help compute group-by""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void help(CommandContext context) {
        ShellErrors.run(context, () -> {
            CommandRegistry registry = context.commandRegistry();
            String name = String.join(" ", context.parsedInput().arguments().stream().map(CommandArgument::value).toList()).strip();
            PrintWriter out = context.outputWriter();
            if (name.isEmpty()) {
                out.println(list(registry));
                return;
            }
            org.springframework.shell.core.command.Command command = registry.getCommandByName(name);
            if (command == null) {
                List<String> names = registry.getCommandsByPrefix(name + " ").stream().map(c -> c.getName()).sorted().toList();
                if (names.isEmpty()) {
                    throw new IllegalArgumentException("No command '" + name + "'. Type 'help' to list the commands.");
                }
                out.println("'" + name + "' is followed by one of: " + String.join(", ", names.stream()
                        .map(n -> n.substring(name.length() + 1)).toList()) + ". Type 'help " + names.get(0) + "', for example.");
                return;
            }
            out.println(describe(command));
        });
    }

    /** Every command, by group, with its description. */
    static String list(CommandRegistry registry) {
        Map<String, List<org.springframework.shell.core.command.Command>> groups = new LinkedHashMap<>();
        GridCommandGroup.ORDER.forEach(group -> groups.put(group, new ArrayList<>()));
        int width = 0;
        for (org.springframework.shell.core.command.Command command : registry.getCommands()) {
            if (command.isHidden()) {
                continue;
            }
            String group = command.getGroup().equals(GridCommandGroup.BUILT_IN) ? GridCommandGroup.SHELL : command.getGroup();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(command);
            width = Math.max(width, title(command).length());
        }
        StringBuilder text = new StringBuilder("Commands of the grid shell ('help <command>' for one; TAB completes):").append(LINE);
        for (Map.Entry<String, List<org.springframework.shell.core.command.Command>> group : groups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            text.append(LINE).append(group.getKey()).append(LINE);
            group.getValue().sort(Comparator.comparing(org.springframework.shell.core.command.Command::getName));
            for (org.springframework.shell.core.command.Command command : group.getValue()) {
                text.append("  ").append(String.format("%-" + width + "s", title(command))).append("  ")
                        .append(command.getDescription()).append(LINE);
            }
        }
        text.append(LINE).append("Data commands print a table, or JSON with --json. Any command given --debug shows the stack")
                .append(LINE).append("trace of an error. Ctrl-C stops waiting for a command; 'quit' or Ctrl-D leaves.");
        return text.toString();
    }

    private static String title(org.springframework.shell.core.command.Command command) {
        return command.getName() + (command.getAliases().isEmpty() ? "" : ", " + String.join(", ", command.getAliases()));
    }

    /** A command's help text (or its description) followed by its options. */
    public static String describe(org.springframework.shell.core.command.Command command) {
        StringBuilder text = new StringBuilder();
        String help = command.getHelp();
        text.append(help == null || help.isBlank() ? command.getName() + " - " + command.getDescription() : help.strip());
        List<CommandOption> options = command.getOptions();
        if (!options.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (CommandOption option : options) {
                boolean flag = option.type() == boolean.class || option.type() == Boolean.class;
                String name = "--" + option.longName() + (option.shortName() == ' ' ? "" : ", -" + option.shortName())
                        + (flag ? "" : " <value>");
                String about = (option.description() == null ? "" : option.description())
                        + (Boolean.TRUE.equals(option.required()) ? " (required)" : "")
                        + (!flag && option.defaultValue() != null && !option.defaultValue().isEmpty()
                                ? " (default: " + option.defaultValue() + ")" : "");
                rows.add(new String[] { name, about });
            }
            int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
            text.append(LINE).append(LINE).append("Options:").append(LINE);
            for (String[] row : rows) {
                text.append("  ").append(String.format("%-" + width + "s", row[0])).append("  ").append(row[1]).append(LINE);
            }
            text.append("  ").append(String.format("%-" + width + "s", "--debug")).append("  ")
                    .append("on an error, also print its stack trace");
        }
        return text.toString();
    }
}
