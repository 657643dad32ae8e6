package io.affinitygrid.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.ExtendedDefaultParser;

/** TAB completion as the interactive shell does it: the shell's JLine parser, then its {@link GridCommandCompleter}. */
public final class Completions {

    private Completions() {
    }

    /** The values of the candidates that JLine would offer for {@code line} with the cursor at its end. */
    public static List<String> complete(CommandRegistry registry, String line) {
        Parser parser = new ExtendedDefaultParser();
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new GridCommandCompleter(registry).complete(null, parsed, candidates);
        String word = parsed.word();
        // JLine shows only the candidates that start with the word being completed
        return candidates.stream().map(Candidate::value).filter(value -> value.startsWith(word)).distinct().toList();
    }
}
