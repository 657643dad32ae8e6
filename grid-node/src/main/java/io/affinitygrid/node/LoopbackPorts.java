package io.affinitygrid.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one allocator of loopback ports for nodes that this project starts on its own: {@link LocalCluster}
 * (the shell's embedded mode, in-JVM test clusters) and every test of every module. Thread-safe.
 *
 * <ul>
 * <li><b>Below the ephemeral range.</b> Ports come from {@value #FIRST}&ndash;{@value #LAST}, under Linux's
 * ephemeral range (32768 and up by default). A port of that range found free can be given to an outgoing
 * connection a moment later (any connection of any process), and a node then fails to bind it.</li>
 * <li><b>Once per JVM.</b> A port handed out is never handed out again by this JVM, even after its node
 * stopped: a stopped node's port may linger in {@code TIME_WAIT}, and a test may still point at it.</li>
 * <li><b>Apart from other JVMs.</b> The range is cut into blocks of {@value #BLOCK} ports. A JVM takes a whole
 * block, starting from a random one, by locking its file under {@code java.io.tmpdir/affinity-grid-ports/}
 * ({@link FileChannel#tryLock()}; the operating system releases the lock when the JVM exits, however it
 * exits), and hands out the ports of the blocks it holds only. So parallel builds on one machine never hand
 * out the same port, rather than racing between a probe and a bind.</li>
 * <li><b>Verified.</b> Each port is bound on {@value #HOST} before it is handed out, so that a port held by a
 * process that does not use this allocator is skipped. It may still be taken by such a process before the
 * node binds it; the node then fails to start and says which port.</li>
 * </ul>
 */
public final class LoopbackPorts {

    /** The loopback address the ports are checked on, and that nodes should bind. */
    public static final String HOST = "127.0.0.1";
    /** First port of the range. */
    static final int FIRST = 20_000;
    /** End of the range, exclusive. */
    static final int LAST = 32_000;
    /** Ports per block. */
    static final int BLOCK = 100;
    private static final int BLOCKS = (LAST - FIRST) / BLOCK;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "affinity-grid-ports");

    /** The blocks this JVM holds, by index; their locks are never released before the JVM exits. */
    private static final List<Integer> HELD = new ArrayList<>();
    /** Lock files kept open, so that the locks stay held. */
    private static final List<FileChannel> CHANNELS = new ArrayList<>();
    private static final Set<Integer> GIVEN = new HashSet<>();
    /** Next port to try in the last block taken. */
    private static int cursor = -1;

    private LoopbackPorts() {
    }

    /**
     * One port, free a moment ago, never handed out before by this JVM nor by another JVM running now.
     *
     * @throws IllegalStateException when no block of the range can be taken
     */
    public static synchronized int next() {
        return run(1);
    }

    /**
     * {@code count} distinct ports, each as {@link #next()} gives it.
     *
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public static synchronized int[] next(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = run(1);
        }
        return ports;
    }

    /**
     * The first of {@code width} consecutive ports, each as {@link #next()} gives it, for launchers that number
     * their nodes' ports from a base.
     *
     * @throws IllegalArgumentException when {@code width} is not between 1 and {@value #BLOCK}
     */
    public static synchronized int run(int width) {
        if (width < 1 || width > BLOCK) {
            throw new IllegalArgumentException("width must be between 1 and " + BLOCK + ", got " + width);
        }
        for (int blocksTaken = 0; blocksTaken <= BLOCKS; blocksTaken++) {
            if (cursor >= 0) {
                int end = blockStart(HELD.get(HELD.size() - 1)) + BLOCK;
                while (cursor + width <= end) {
                    int base = cursor;
                    int bad = firstUnusable(base, width);
                    if (bad < 0) {
                        for (int port = base; port < base + width; port++) {
                            GIVEN.add(port);
                        }
                        cursor = base + width;
                        return base;
                    }
                    cursor = bad + 1;
                }
            }
            takeBlock();
        }
        throw new IllegalStateException("No " + width + " consecutive free ports between " + FIRST + " and " + LAST);
    }

    /** The first port of {@code width} from {@code base} that was handed out or cannot be bound; -1 if none. */
    private static int firstUnusable(int base, int width) {
        for (int port = base; port < base + width; port++) {
            if (GIVEN.contains(port) || !bindable(port)) {
                return port;
            }
        }
        return -1;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        }
        catch (IOException taken) {
            return false;
        }
    }

    /** Locks a block that no other JVM holds, starting at a random one; makes it the current block. */
    private static void takeBlock() {
        try {
            Files.createDirectories(LOCKS);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the port lock directory " + LOCKS, e);
        }
        int first = ThreadLocalRandom.current().nextInt(BLOCKS);
        for (int i = 0; i < BLOCKS; i++) {
            int block = (first + i) % BLOCKS;
            if (HELD.contains(block)) {
                continue;
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(LOCKS.resolve("block-" + blockStart(block) + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    CHANNELS.add(channel);
                    HELD.add(block);
                    cursor = blockStart(block);
                    return;
                }
                channel.close();
            }
            catch (IOException | OverlappingFileLockException e) {
                // held elsewhere, or a file of another user: try the next block
                closeQuietly(channel);
            }
        }
        throw new IllegalStateException("Every block of ports between " + FIRST + " and " + LAST
                + " is held by another process (lock files in " + LOCKS + ")");
    }

    private static int blockStart(int block) {
        return FIRST + block * BLOCK;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // a lock file we could not use
            }
        }
    }
}
