package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shell's seams, read from its sources: it reaches the grid through the SDK only (no Ignite class, no task
 * named by the shell), and its packages depend on each other one way: the root (application, runner, parser) on
 * {@code commands}, {@code commands} on {@code connection}, {@code data}, {@code output} and {@code sample},
 * {@code connection} on {@code sample}, {@code data} on {@code output}; {@code output} and {@code sample} on none.
 */
class ShellSeamsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/affinitygrid/shell");

    private static final Pattern SHELL_IMPORT = Pattern.compile("^import (?:static )?io\\.affinitygrid\\.shell\\.(\\w+)\\.", Pattern.MULTILINE);

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "commands", Set.of("connection", "data", "output", "sample"),
            "data", Set.of("output"),
            "connection", Set.of("sample"),
            "output", Set.of(),
            "sample", Set.of());

    @Test
    void theShellUsesNoIgniteClassAndNamesNoTask() {
        for (Path source : sources()) {
            String text = read(source);
            assertThat(text).as(source.toString()).doesNotContain("org.apache.ignite").doesNotContain("CatalogTasks")
                    .doesNotContainPattern("io\\.affinitygrid\\.compute\\.\\w+Task\\b");
        }
    }

    @Test
    void thePackagesDependOnEachOtherOneWay() {
        for (Path source : sources()) {
            String pkg = SOURCES.relativize(source).getNameCount() == 1 ? "" : SOURCES.relativize(source).getName(0).toString();
            if (pkg.isEmpty()) {
                continue; // the root wires everything
            }
            String text = read(source);
            assertThat(text).as(source + " imports the root package").doesNotContainPattern("(?m)^import io\\.affinitygrid\\.shell\\.[A-Z]");
            Set<String> used = new TreeSet<>();
            Matcher imports = SHELL_IMPORT.matcher(text);
            while (imports.find()) {
                used.add(imports.group(1));
            }
            used.remove(pkg);
            assertThat(ALLOWED.get(pkg)).as(source + " imports " + used).containsAll(used);
        }
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            assertThat(sources).as("the shell's sources, from " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(30);
            return sources;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
