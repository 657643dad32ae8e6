package io.affinitygrid.client;

/**
 * What the SDK measures, without naming a metrics library: {@link #NONE} when the configuration has no
 * meter registry, {@link MicrometerGridMetrics} otherwise. This interface and its callers never refer
 * to Micrometer, so that applications without Micrometer on the classpath can use the SDK. Thread-safe.
 */
interface GridMetrics {

    /** Measures nothing. */
    GridMetrics NONE = new GridMetrics() {
        @Override
        public OperationMetrics operations(String mapName) {
            return OperationMetrics.NONE;
        }

        @Override
        public void bindNearCache(String mapName, NearCache nearCache) {
        }

        @Override
        public void computeRetried(String taskName) {
        }

        @Override
        public void close() {
        }
    };

    /** The timers and error counters of the operations on one map. */
    OperationMetrics operations(String mapName);

    /** Publishes the size and statistics of a map's near cache, holding the near cache weakly. */
    void bindNearCache(String mapName, NearCache nearCache);

    /**
     * Counts one computation sent again, to another node, after the connection to the node running it was lost.
     *
     * @param taskName the task's name, e.g. {@code io.affinitygrid.compute.SumTask}
     */
    void computeRetried(String taskName);

    /** Removes every meter this grid published. */
    void close();

    /** Times the operations on one map and counts their failures. Thread-safe. */
    interface OperationMetrics {

        /** Measures nothing. */
        OperationMetrics NONE = new OperationMetrics() {
            @Override
            public long start() {
                return 0;
            }

            @Override
            public void record(String operation, long start, Throwable failure) {
            }
        };

        /** A start time for {@link #record}, in {@link System#nanoTime()} units; 0 when nothing is measured. */
        long start();

        /**
         * Records one operation.
         *
         * @param operation the operation's name, e.g. {@code "get"}
         * @param start what {@link #start()} returned when it began
         * @param failure why it failed, or {@code null} when it succeeded
         */
        void record(String operation, long start, Throwable failure);
    }
}
