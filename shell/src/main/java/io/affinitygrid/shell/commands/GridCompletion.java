package io.affinitygrid.shell.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.DeploymentCatalog;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/**
 * TAB completion of option values, for every grid command ({@code completionProvider = GridCompletion.NAME}):
 * {@code --map} proposes the grid's maps, {@code --field} and {@code --by} the fields of the map given
 * with {@code --map} (or its deprecated alias {@code --cache}; see {@link GridCatalog}), only the numeric ones
 * where a number is needed ({@link #NUMERIC_FIELD}), {@code --type} the
 * sample data sets, and {@code connect}
 * the embedded grid and the addresses used so far, {@code --name} the maps (of {@code map destroy}, {@code clear} and
 * {@code describe}), the nodes (of {@code node stop}) or else the deployments, {@code --task} their task classes,
 * {@code --job} the key jobs (the catalog's and the deployed ones), and inside {@code --where} the fields of the map.
 * Spring Shell completes command and option names itself.
 * Never connects to the grid; proposes nothing when not connected. Thread-safe.
 */
@Component(GridCompletion.NAME)
class GridCompletion implements CompletionProvider {

    /** Bean name, for {@code @Command(completionProvider = ...)}. */
    public static final String NAME = "gridCompletion";

    /** The commands whose {@code --field} must hold numbers: TAB proposes only the numeric fields there. */
    static final Set<String> NUMERIC_FIELD = Set.of("compute sum", "compute avg", "compute min", "compute max", "compute stats",
            "compute update", "compute group-by");

    private final GridCatalog catalog;
    private final GridConnection connection;
    private final DeploymentCatalog deployments;

    public GridCompletion(GridCatalog catalog, GridConnection connection, DeploymentCatalog deployments) {
        this.catalog = catalog;
        this.connection = connection;
        this.deployments = deployments;
    }

    @Override
    public List<CompletionProposal> apply(CompletionContext context) {
        CommandOption option = context.getCommandOption();
        Command command = context.getCommand();
        String word = context.currentWordUpToCursor();
        if (option == null) {
            if (command != null && command.getName().equals("connect") && (word == null || !word.startsWith("-"))) {
                return proposals(connectTargets(), "", "grid", true);
            }
            return List.of();
        }
        String name = option.longName() == null ? "" : option.longName();
        // "--map=or<TAB>": the proposals must carry the "--map=" the word starts with
        String prefix = word != null && word.startsWith("--" + name + "=") ? "--" + name + "=" : "";
        return switch (name) {
            case OptionNames.MAP -> proposals(catalog.mapNames(), prefix, "map", true);
            case OptionNames.FIELD -> proposals(NUMERIC_FIELD.contains(command == null ? "" : command.getName())
                    ? catalog.numericFields(mapOf(context.getWords())) : catalog.fields(mapOf(context.getWords())), prefix, "field", true);
            case OptionNames.BY -> proposals(catalog.fields(mapOf(context.getWords())), prefix, "field", true);
            case "type" -> proposals(LoadCommands.TYPES, prefix, "data set", true);
            case "name" -> names(command == null ? "" : command.getName(), prefix);
            case "task" -> proposals(deployments.taskClasses(), prefix, "deployed task", true);
            case OptionNames.WHERE -> whereFields(word == null ? "" : word.substring(prefix.length()), prefix,
                    catalog.fields(mapOf(context.getWords())));
            case OptionNames.JOB -> proposals(keyJobs(), prefix, "key job", true);
            case OptionNames.KEY_TYPE -> proposals(List.of("long", "int", "string", "uuid"), prefix, "key type", true);
            case "value-type" -> proposals(List.of("string", "long", "double", "json"), prefix, "value type", true);
            case OptionNames.FORMAT -> proposals(List.of("table", "json", "csv"), prefix, "format", true);
            default -> List.of();
        };
    }

    /**
     * Field names inside a {@code --where} filter: the filter typed so far with its last word completed to each
     * field it can start, left open (no closing quote or space) so that the filter goes on.
     */
    static List<CompletionProposal> whereFields(String typed, String prefix, List<String> fields) {
        int start = typed.length();
        while (start > 0 && (Character.isLetterOrDigit(typed.charAt(start - 1)) || typed.charAt(start - 1) == '_')) {
            start--;
        }
        String before = typed.substring(0, start);
        String partial = typed.substring(start);
        List<CompletionProposal> proposals = new ArrayList<>();
        for (String field : fields) {
            if (field.startsWith(partial)) {
                proposals.add(new CompletionProposal(prefix + before + field).displayText(field).category("field").complete(false));
            }
        }
        return proposals;
    }

    /** The catalog's key jobs, then the deployed ones; none when not connected. */
    private List<String> keyJobs() {
        Set<String> jobs = new LinkedHashSet<>();
        io.affinitygrid.client.Grid grid = connection.gridIfConnected();
        if (grid != null) {
            grid.compute().catalogKeyJobs().forEach(job -> jobs.add(job.className()));
        }
        jobs.addAll(deployments.keyJobClasses());
        return new ArrayList<>(jobs);
    }

    /** {@code --name}: of a map for the map commands, of a node for {@code node stop}, else of a deployment. */
    private List<CompletionProposal> names(String command, String prefix) {
        if (command.startsWith("map ") || command.startsWith("cache ")) {
            return command.endsWith(" create") ? List.of() : proposals(catalog.mapNames(), prefix, "map", true);
        }
        if (command.startsWith("node ")) {
            return proposals(catalog.nodeNames(), prefix, "node", true);
        }
        return proposals(deployments.names(), prefix, "deployment", true);
    }

    private List<String> connectTargets() {
        Set<String> targets = new LinkedHashSet<>();
        targets.add(GridConnection.EMBEDDED);
        if (!connection.isEmbedded()) {
            targets.add(String.join(",", connection.addresses()));
        }
        if (!connection.configuredAddresses().isEmpty()) {
            targets.add(String.join(",", connection.configuredAddresses()));
        }
        return new ArrayList<>(targets);
    }

    /**
     * The map named on the line with {@code --map name}, {@code --map=name} or {@code -m name} (or the deprecated
     * {@code --cache} and {@code -c}); or {@code null}.
     */
    static String mapOf(List<String> words) {
        List<String> names = List.of("--" + OptionNames.MAP, "-" + OptionNames.MAP_SHORT,
                "--" + DeprecatedOptions.CACHE, "-" + DeprecatedOptions.CACHE_SHORT);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int equals = word.indexOf('=');
            if (equals > 0 && names.contains(word.substring(0, equals))) {
                return unquote(word.substring(equals + 1));
            }
            if (names.contains(word) && i + 1 < words.size()) {
                return unquote(words.get(i + 1));
            }
        }
        return null;
    }

    private static String unquote(String text) {
        String t = text.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static List<CompletionProposal> proposals(List<String> values, String prefix, String category, boolean complete) {
        List<CompletionProposal> proposals = new ArrayList<>(values.size());
        for (String value : values) {
            proposals.add(new CompletionProposal(prefix + value).displayText(value).category(category).complete(complete));
        }
        return proposals;
    }
}
