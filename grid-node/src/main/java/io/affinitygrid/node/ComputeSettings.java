package io.affinitygrid.node;

import java.util.Objects;

import io.affinitygrid.compute.ComputeLimits;

/**
 * How a node runs computations: the size of the pool that runs their jobs, and how many computations the node
 * coordinates at once before it refuses new ones as busy (see {@link ComputeLimits}). Immutable.
 *
 * @param publicThreads threads of Ignite's public pool, which runs partition scans and key jobs
 * @param maxConcurrent computations the node coordinates at once; more are refused with a "grid busy" error
 */
public record ComputeSettings(int publicThreads, int maxConcurrent) {

    /** Defaults sized from this machine's cores. */
    public static ComputeSettings defaults() {
        return new ComputeSettings(ComputeLimits.defaultPublicThreads(), ComputeLimits.DEFAULT_MAX_CONCURRENT);
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
        return this;
    }

    @Override
    public String toString() {
        return "compute[public-threads=" + publicThreads + ", max-concurrent=" + maxConcurrent + "]";
    }

    static ComputeSettings orDefaults(ComputeSettings settings) {
        return Objects.requireNonNullElseGet(settings, ComputeSettings::defaults);
    }
}
