package io.affinitygrid.testing;

import io.affinitygrid.node.LoopbackPorts;

/**
 * Loopback ports for tests: below the ephemeral range, each handed out once per JVM, never one that another
 * JVM on the machine (a parallel build) holds. Every test that needs a port takes it here; in-JVM clusters
 * ({@code LocalCluster}) take theirs from the same allocator, {@link LoopbackPorts}, to which this delegates
 * (see there for how it works). Thread-safe.
 */
public final class FreePorts {

    /** The loopback address the ports are free on; bind nodes there. */
    public static final String HOST = LoopbackPorts.HOST;

    private FreePorts() {
    }

    /** A port nobody listens on: for a node to bind, or for a client to fail to reach. */
    public static int next() {
        return LoopbackPorts.next();
    }

    /** {@code count} distinct ports. */
    public static int[] next(int count) {
        return LoopbackPorts.next(count);
    }

    /** The first of {@code width} consecutive ports (at most 100), for launchers that number ports from a base. */
    public static int run(int width) {
        return LoopbackPorts.run(width);
    }
}
