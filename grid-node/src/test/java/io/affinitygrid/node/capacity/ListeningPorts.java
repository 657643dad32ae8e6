package io.affinitygrid.node.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP ports a process listens on, from Linux's {@code /proc}: its socket inodes ({@code /proc/<pid>/fd}) matched
 * against the listening sockets of {@code /proc/net/tcp} and {@code tcp6}. Other processes' sockets (other grids on a
 * shared machine) are not counted.
 */
final class ListeningPorts {

    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    static Set<Integer> of(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                }
                catch (IOException closedMeanwhile) {
                    // the descriptor went away
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 9 && LISTEN.equals(columns[3]) && inodes.contains(columns[9])) {
                        String local = columns[1];
                        ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                    }
                }
            }
            catch (IOException e) {
                // no IPv6 table
            }
        }
        return ports;
    }
}
