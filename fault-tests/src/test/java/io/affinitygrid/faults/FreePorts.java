package io.affinitygrid.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on the loopback address, each handed out once per test JVM. They are taken below Linux's
 * ephemeral range (32768 and up by default): a port of that range found free can be given to an outgoing
 * connection a moment later, and a node then fails to bind it. A port found free may still be taken by another
 * program before the node binds it; the node then fails to start, and the cluster reports it with the node's log.
 */
final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                GIVEN.add(port);
                return port;
            }
            catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port found between " + FIRST + " and " + LAST);
    }
}
