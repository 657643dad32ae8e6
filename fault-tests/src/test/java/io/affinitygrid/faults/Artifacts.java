package io.affinitygrid.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the packaged programs are: the node's executable jar, the shell's jar and the shared JVM options. The
 * build passes their paths as system properties; run from an IDE, they are found from the working directory.
 */
final class Artifacts {

    private Artifacts() {
    }

    /** The repository's root: the directory holding {@code config/jvm.options}. */
    static Path root() {
        String configured = System.getProperty("grid.repository.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "config", "jvm.options"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config").resolve("jvm.options"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a directory with config/jvm.options) above "
                + Path.of("").toAbsolutePath());
    }

    /** The JVM flags every Ignite process needs, as a {@code java @file} argument. */
    static String jvmOptionsArgument() {
        return "@" + root().resolve("config").resolve("jvm.options");
    }

    /** The java launcher of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The grid node's executable jar: built in this reactor, or installed in the local repository. */
    static Path nodeJar() {
        for (String property : List.of("grid.node.jar", "grid.node.jar.installed")) {
            String path = System.getProperty(property);
            if (path != null && Files.isRegularFile(Path.of(path))) {
                return Path.of(path);
            }
        }
        Path target = root().resolve("grid-node").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("grid-node-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> missing("grid-node executable jar", target));
        }
        catch (IOException e) {
            throw missing("grid-node executable jar", target);
        }
    }

    /** The shell's jar, or {@code null} when it was not built. */
    static Path shellJar() {
        String path = System.getProperty("grid.shell.jar");
        Path jar = path != null ? Path.of(path) : root().resolve("shell").resolve("target").resolve("grid-shell.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    /** Where a test keeps its node logs and work directories: under target/, kept for inspection. */
    static Path runDirectory(String name) {
        String base = System.getProperty("grid.fault.dir");
        Path dir = base != null ? Path.of(base) : root().resolve("fault-tests").resolve("target").resolve("fault-tests");
        try {
            return Files.createDirectories(dir.resolve(name));
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot create " + dir.resolve(name), e);
        }
    }

    private static IllegalStateException missing(String what, Path where) {
        return new IllegalStateException("No " + what + " in " + where + ". Build it first: mvn -q -pl grid-node -am install -DskipTests");
    }
}
