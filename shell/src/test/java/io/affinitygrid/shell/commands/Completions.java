package io.affinitygrid.shell.commands;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.ExtendedDefaultParser;

/** TAB completion of a line as the interactive shell does it, for the tests of commands' completion. */
final class Completions {

    private Completions() {
    }

    /** The proposals for the word at the end of {@code line} that start with it, without repeats. */
    static List<String> complete(CommandRegistry registry, String line) {
        Parser parser = new ExtendedDefaultParser();
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new CommandCompleter(registry).complete(null, parsed, candidates);
        String word = parsed.word();
        return candidates.stream().map(Candidate::value).filter(value -> value.startsWith(word)).distinct().toList();
    }
}
