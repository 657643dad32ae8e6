package io.affinitygrid.shell.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.affinitygrid.compute.Suggestions;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saved connection profiles (as in Hazelcast CLC's {@code config add}): each a name for a cluster's
 * addresses, user and TLS stores, kept in one JSON file in the user's configuration directory
 * ({@code $XDG_CONFIG_HOME/affinity-grid/profiles.json}, by default {@code ~/.config/affinity-grid/profiles.json}),
 * readable by its owner only. Passwords are never saved. Thread-safe: every call reads or writes the file.
 */
public final class ShellProfiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final TypeReference<TreeMap<String, Profile>> FILE = new TypeReference<>() { };

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public ShellProfiles(Path file) {
        this.file = file;
    }

    /** The default file: under {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    public static Path defaultFile() {
        String config = System.getenv("XDG_CONFIG_HOME");
        Path base = config == null || config.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(config);
        return base.resolve("affinity-grid").resolve("profiles.json");
    }

    public Path file() {
        return file;
    }

    /**
     * One saved profile.
     *
     * @param addresses host:port of the cluster's nodes
     * @param user who to connect as, or {@code null}
     * @param trustStore path of the trust store, or {@code null}
     * @param keyStore path of the key store, or {@code null}
     */
    public record Profile(List<String> addresses, String user, String trustStore, String keyStore) {

        public Profile {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }

        static Profile of(List<String> addresses, Access access) {
            return new Profile(addresses, access.user(), pathText(access.trustStore()), pathText(access.keyStore()));
        }

        public Access access() {
            return new Access(user, trustStore == null ? null : Path.of(trustStore), keyStore == null ? null : Path.of(keyStore));
        }

        private static String pathText(Path path) {
            return path == null ? null : path.toAbsolutePath().normalize().toString();
        }
    }

    /** Every saved profile, by name. */
    public Map<String, Profile> all() {
        try {
            return json.readValue(Files.readString(file), FILE);
        }
        catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
        catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("Cannot read the saved profiles in " + file + ": " + e.getMessage()
                    + ". Fix or delete the file.", e);
        }
    }

    /**
     * The profile {@code name}.
     *
     * @throws IllegalArgumentException when there is none, naming the saved ones
     */
    public Profile get(String name) {
        Map<String, Profile> all = all();
        Profile profile = all.get(name);
        if (profile == null) {
            String saved = all.isEmpty() ? "None is saved yet: connect with --save NAME to save one."
                    : (Suggestions.didYouMean(name, all.keySet()) + " Saved profiles: " + String.join(", ", all.keySet()) + ".").strip();
            throw new IllegalArgumentException("No saved profile '" + name + "'. " + saved);
        }
        return profile;
    }

    /** Saves (or replaces) {@code name}. */
    public void save(String name, List<String> addresses, Access access) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A profile name is 1 to 64 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit; got '" + name + "'.");
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("Only a cluster's connection can be saved as a profile, not the embedded grid.");
        }
        Map<String, Profile> all = all();
        all.put(name, Profile.of(addresses, access));
        write(all);
    }

    /** Removes {@code name}; returns whether it was saved. */
    public boolean delete(String name) {
        Map<String, Profile> all = all();
        if (all.remove(name) == null) {
            return false;
        }
        write(all);
        return true;
    }

    private void write(Map<String, Profile> all) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "profiles", ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, json.writeValueAsString(all));
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("Cannot save the profiles to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
