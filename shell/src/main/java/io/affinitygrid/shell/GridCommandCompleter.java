package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.ExtendedDefaultParser;

/**
 * TAB completion of the interactive shell: Spring Shell's (command names, options, and their values through
 * {@code GridCompletion}), plus what it does not know of: command names after {@code help}, and the
 * {@code --debug} every command takes (the shell's parser handles it, so no command declares it).
 */
public class GridCommandCompleter extends CommandCompleter {

    private static final String HELP = "help";
    private static final String DEBUG = "--" + GridCommandParser.DEBUG;

    private final Parser parser = new ExtendedDefaultParser();

    public GridCommandCompleter(CommandRegistry registry) {
        super(registry);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (words.size() > 1 && words.get(0).equals(HELP) && line.wordIndex() > 0) {
            // "help comp<TAB>": the command names the line after "help" would complete to, without their options
            String rest = line.line().substring(0, line.cursor()).stripLeading().substring(HELP.length()).stripLeading();
            List<Candidate> commands = new ArrayList<>();
            super.complete(reader, parser.parse(rest, rest.length(), Parser.ParseContext.COMPLETE), commands);
            commands.stream().filter(candidate -> !candidate.value().startsWith("-")).forEach(candidates::add);
            return;
        }
        int before = candidates.size();
        super.complete(reader, line, candidates);
        boolean optionsProposed = candidates.subList(before, candidates.size()).stream().anyMatch(c -> c.value().startsWith("--"));
        if (optionsProposed && !words.subList(0, line.wordIndex()).contains(DEBUG)) {
            candidates.add(new Candidate(DEBUG, DEBUG, null, "print the stack trace of an error", null, null, true));
        }
    }
}
