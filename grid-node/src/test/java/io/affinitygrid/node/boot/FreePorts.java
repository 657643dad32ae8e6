package io.affinitygrid.node.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for tests, so that they never collide with the fixed defaults or with each other. */
public final class FreePorts {

    public static final String HOST = "127.0.0.1";

    private FreePorts() {
    }

    /** {@code count} distinct ports that were free a moment ago: all bound together, then released. */
    public static int[] take(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            closeAll(sockets);
        }
    }

    /**
     * Bases of {@code ranges} runs of {@code width} consecutive ports, all free a moment ago and distinct, for
     * a launcher that numbers its nodes' ports from a base. Picked at random below the kernel's ephemeral range.
     */
    public static int[] freeRanges(int ranges, int width) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20_000, 30_000 - ranges * width);
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int port = start; port < start + ranges * width; port++) {
                    ServerSocket socket = new ServerSocket();
                    sockets.add(socket);
                    socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
                }
                int[] bases = new int[ranges];
                for (int i = 0; i < ranges; i++) {
                    bases[i] = start + i * width;
                }
                return bases;
            }
            catch (IOException busy) {
                // try another start
            }
            finally {
                closeAll(sockets);
            }
        }
        throw new IllegalStateException("No " + ranges + " runs of " + width + " free ports on " + HOST);
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // a probe socket
            }
        }
    }
}

