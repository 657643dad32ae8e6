package io.affinitygrid.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of one node's thin-client port that the test can cut, as a crash or a network failure
 * would: every connection through it is closed, and new ones are refused. It can also cut itself right after it
 * has passed on the next bytes the client sends, so that a request reaches the node but its answer never
 * reaches the client. Daemon threads; {@link #close()} cuts.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String target;
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean cutAfterNextRequest = new AtomicBoolean();
    private volatile boolean cut;

    /** @param target the node's thin-client address, {@code host:port} */
    CuttableProxy(String target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address clients connect to. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Cuts once the next bytes from a client have been passed on to the node. */
    void cutAfterNextRequest() {
        cutAfterNextRequest.set(true);
    }

    /** Closes every connection and refuses new ones. */
    void cut() {
        cut = true;
        try {
            server.close();
        }
        catch (IOException ignored) {
            // closed anyway
        }
        for (Socket socket; (socket = sockets.poll()) != null; ) {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // closed anyway
            }
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void accept() {
        int colon = target.lastIndexOf(':');
        while (!cut) {
            try {
                Socket client = server.accept();
                Socket node = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
                sockets.add(client);
                sockets.add(node);
                pump(client, node, true);
                pump(node, client, false);
            }
            catch (IOException e) {
                return; // cut
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (fromClient && cutAfterNextRequest.compareAndSet(true, false)) {
                        cut();
                        return;
                    }
                }
            }
            catch (IOException e) {
                // cut, or a side closed
            }
            finally {
                try {
                    from.close();
                    to.close();
                }
                catch (IOException ignored) {
                    // closed anyway
                }
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
