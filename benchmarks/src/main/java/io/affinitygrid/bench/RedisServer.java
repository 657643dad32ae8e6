package io.affinitygrid.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.affinitygrid.node.LoopbackPorts;

/**
 * A throw-away local Redis for the comparison: {@code redis-server} on a free loopback port with no persistence,
 * daemonized, stopped by {@code SHUTDOWN NOSAVE} on close; and {@code redis-benchmark} runs against it.
 */
final class RedisServer implements AutoCloseable {

    static final String NOT_INSTALLED = "redis not installed: apt-get install -y redis-server";

    private final int port;
    private final Path directory;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Starts a server, or returns empty when {@code redis-server} or {@code redis-benchmark} is not on the PATH. */
    static Optional<RedisServer> start() {
        if (!onPath("redis-server") || !onPath("redis-benchmark") || !onPath("redis-cli")) {
            return Optional.empty();
        }
        try {
            Path directory = Files.createTempDirectory("bench-redis-");
            int port = LoopbackPorts.next();
            run(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--daemonize", "yes", "--dir", directory.toString(),
                    "--pidfile", directory.resolve("redis.pid").toString(),
                    "--logfile", directory.resolve("redis.log").toString()));
            RedisServer server = new RedisServer(port, directory);
            server.awaitPong();
            return Optional.of(server);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start redis-server", e);
        }
    }

    /**
     * Runs {@code redis-benchmark -t set,get} with {@code clients} connections, {@code requests} requests per test,
     * values of {@code valueSize} bytes and random keys among {@code keys}.
     *
     * @return requests per second by test name ({@code SET}, {@code GET})
     */
    Map<String, Double> benchmark(int clients, int requests, int valueSize, int keys) {
        String csv = run(List.of("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-c", Integer.toString(clients), "-n", Integer.toString(requests), "-d", Integer.toString(valueSize),
                "-r", Integer.toString(keys), "-t", "set,get", "--csv"));
        Map<String, Double> rps = new HashMap<>();
        for (String line : csv.split("\n")) {
            String[] fields = line.replace("\"", "").split(",");
            if (fields.length > 1 && !fields[0].equals("test")) {
                rps.put(fields[0], Double.parseDouble(fields[1]));
            }
        }
        if (!rps.containsKey("GET") || !rps.containsKey("SET")) {
            throw new IllegalStateException("Unexpected redis-benchmark output:\n" + csv);
        }
        return rps;
    }

    /**
     * Writes every key {@code redis-benchmark -r keys} can read ({@code key:000000000000} to
     * {@code key:<keys-1>}, zero-padded to 12 digits) with a {@code valueSize}-byte value, through
     * {@code redis-cli --pipe}, so that every timed GET finds its key, as every grid get does.
     */
    void prefill(int keys, int valueSize) {
        StringBuilder commands = new StringBuilder();
        String value = "x".repeat(valueSize);
        for (int key = 0; key < keys; key++) {
            String name = String.format("key:%012d", key);
            commands.append("*3\r\n$3\r\nSET\r\n$").append(name.length()).append("\r\n").append(name).append("\r\n$")
                    .append(valueSize).append("\r\n").append(value).append("\r\n");
        }
        try {
            Path input = directory.resolve("prefill.resp");
            Files.writeString(input, commands);
            Process p = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "--pipe")
                    .redirectInput(input.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0 || !out.contains("errors: 0")) {
                throw new IllegalStateException("redis-cli --pipe failed: " + out);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot pre-fill Redis", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("SHUTDOWN NOSAVE\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().read();
        }
        catch (IOException ignored) {
            // the server closes the connection as it exits
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ignored) {
            // a temporary directory
        }
    }

    private void awaitPong() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = connect()) {
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = socket.getInputStream().readNBytes(7);
                if (new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            }
            catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("redis-server did not answer on port " + port + "; see " + directory.resolve("redis.log"), e);
                }
            }
            sleep(50);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** Runs a command to completion and returns its standard output; fails on a non-zero exit. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for redis-server", e);
        }
    }
}
