package io.affinitygrid.client;

/**
 * How a map view's values are written and read: as they are ({@link #IDENTITY}), or converted, e.g. records to and
 * from the grid's binary objects ({@link RecordCodec}). Implementations are thread-safe.
 */
interface ValueCodec {

    /** Values stored and read as they are. */
    ValueCodec IDENTITY = new ValueCodec() {
        @Override
        public Object toStored(Object value) {
            return value;
        }

        @Override
        public Object fromStored(Object stored) {
            return stored;
        }
    };

    /**
     * The form in which a checked value is sent to the grid.
     *
     * @throws IllegalArgumentException when the value cannot be stored, saying why
     */
    Object toStored(Object value);

    /** The value the application sees for what the grid returned (never null). */
    Object fromStored(Object stored);
}
