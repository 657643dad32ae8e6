package io.affinitygrid.node.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: its root holds docker-compose.yml, config/ and bin/. */
final class Repository {

    private Repository() {
    }

    /** The repository's root, found above the working directory (the module's directory under Maven). */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("config"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
