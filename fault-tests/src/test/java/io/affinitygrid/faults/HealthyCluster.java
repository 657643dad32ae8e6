package io.affinitygrid.faults;

/**
 * The shared three-node cluster of the classes that leave it healthy (load, bad input; node stop comes last and
 * starts its stopped node again): caches with one backup,
 * and few partitions for the map scanned by computations, so that each costs little on a small machine.
 */
final class HealthyCluster {

    static final String KEY = "healthy";

    private HealthyCluster() {
    }

    static ProcessCluster.Builder settings() {
        return ProcessCluster.builder(KEY)
                .cache("orders", 1, 64)
                .cache("burst", 1, 256)
                .cache("blobs", 1, 16)
                .cache("bursty", 1, 64)
                .cache("tallies", 1, 64);
    }
}
