package io.affinitygrid.node;

import java.util.Objects;

import io.affinitygrid.compute.ComputeLimits;

/**
 * How a node runs computations: the size of the pool that runs their jobs, and how many computations the node
 * coordinates at once before it refuses new ones as busy (see {@link ComputeLimits}). Immutable.
 *
 * @param publicThreads threads of Ignite's public pool, which runs partition scans and key jobs
 * @param maxConcurrent computations the node coordinates at once; more are refused with a "grid busy" error
 * @param scanThreads jobs a partition scan is split into on this node, so that its partitions are scanned by
 *     that many public-pool threads in parallel (one per core by default)
 */
public record ComputeSettings(int publicThreads, int maxConcurrent, int scanThreads) {

    /** Defaults sized from this machine's cores. */
    public static ComputeSettings defaults() {
        return new ComputeSettings(ComputeLimits.defaultPublicThreads(), ComputeLimits.DEFAULT_MAX_CONCURRENT,
                ComputeLimits.defaultScanThreads());
    }

    /** Throws {@link GridConfigurationException} naming the first bad {@code grid.compute.*} property. */
    ComputeSettings check() {
        if (publicThreads < 1) {
            throw new GridConfigurationException("grid.compute.public-threads", publicThreads, "needs at least 1 thread");
        }
        if (maxConcurrent < 1) {
            throw new GridConfigurationException("grid.compute.max-concurrent", maxConcurrent,
                    "the node must accept at least 1 computation at once");
        }
        if (scanThreads < 1) {
            throw new GridConfigurationException("grid.compute.scan-threads", scanThreads, "needs at least 1 thread");
        }
        return this;
    }

    @Override
    public String toString() {
        return "compute[public-threads=" + publicThreads + ", max-concurrent=" + maxConcurrent + ", scan-threads="
                + scanThreads + "]";
    }

    static ComputeSettings orDefaults(ComputeSettings settings) {
        return Objects.requireNonNullElseGet(settings, ComputeSettings::defaults);
    }
}
