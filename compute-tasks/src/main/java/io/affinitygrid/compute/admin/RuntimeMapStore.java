package io.affinitygrid.compute.admin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The definitions of the maps created at run time, kept in one node's work directory so that the node can bring
 * them back after a full restart of the grid. A properties file, one line per map:
 * {@code sessions=mode=partitioned,backups=1,partitions=1024,eviction=false}. Written whole to a temporary file and
 * moved into place, so a crash leaves the old file or the new one. Thread-safe.
 */
public final class RuntimeMapStore {

    /** Name of the file in the node's work directory. */
    public static final String FILE_NAME = "runtime-maps.properties";

    private final Path file;

    public RuntimeMapStore(Path workDirectory) {
        this.file = workDirectory.resolve(FILE_NAME);
    }

    /** The file's path. */
    public Path file() {
        return file;
    }

    /**
     * The stored definitions, sorted by name; empty when there is no file.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException naming the line when a definition in it is bad
     */
    public synchronized List<MapDefinition> read() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        catch (NoSuchFileException e) {
            return List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<MapDefinition> definitions = new ArrayList<>();
        new TreeMap<>(properties).forEach((name, value) -> definitions.add(parse((String) name, (String) value)));
        return definitions;
    }

    /**
     * Replaces the stored definitions with {@code definitions}.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public synchronized void write(Collection<MapDefinition> definitions) {
        Properties properties = new Properties();
        for (MapDefinition d : definitions) {
            properties.setProperty(d.name(), "mode=" + d.mode().name().toLowerCase(Locale.ROOT) + ",backups=" + d.backups()
                    + ",partitions=" + d.partitions() + ",eviction=" + d.eviction());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Maps created at run time; written by the node, read when it starts (docs/administration.md)");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private MapDefinition parse(String name, String value) {
        Map<String, String> settings = new TreeMap<>();
        for (String part : value.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                settings.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        try {
            MapDefinition.Builder builder = MapDefinition.builder(name)
                    .mode(MapMode.valueOf(settings.getOrDefault("mode", "partitioned").toUpperCase(Locale.ROOT)))
                    .partitions(Integer.parseInt(settings.getOrDefault("partitions", String.valueOf(MapDefinition.DEFAULT_PARTITIONS))))
                    .eviction(Boolean.parseBoolean(settings.getOrDefault("eviction", "false")));
            String backups = settings.get("backups");
            if (backups != null) {
                builder.backups(Integer.parseInt(backups));
            }
            return builder.build();
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad map definition '" + name + "=" + value + "' in " + file + ": " + e.getMessage(), e);
        }
    }
}
