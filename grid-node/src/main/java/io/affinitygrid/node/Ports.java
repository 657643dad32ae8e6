package io.affinitygrid.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks shared by configuration validation and node start. */
final class Ports {

    private Ports() {
    }

    static int check(int port, String property) {
        if (port < 1 || port > 65535) {
            throw new GridConfigurationException(property, port, "a port must be between 1 and 65535");
        }
        return port;
    }

    /**
     * Fails with a message naming {@code property} when {@code port} cannot be bound on {@code host}
     * ({@code null}: every interface), because another process already listens there.
     */
    static void requireFree(String host, int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
            socket.bind(address);
        }
        catch (IOException e) {
            throw new GridConfigurationException(property, port, "port " + port + " is already in use on "
                    + (host == null ? "this machine" : host) + " (" + e.getMessage()
                    + "); stop the process that holds it or choose another port", e);
        }
    }
}
