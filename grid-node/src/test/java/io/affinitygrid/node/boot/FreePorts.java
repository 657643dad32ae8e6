package io.affinitygrid.node.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports for tests, so that they never collide with the fixed defaults or with each other. */
final class FreePorts {

    static final String HOST = "127.0.0.1";

    private FreePorts() {
    }

    /** {@code count} distinct ports that were free a moment ago: all bound together, then released. */
    static int[] take(int count) {
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
}
