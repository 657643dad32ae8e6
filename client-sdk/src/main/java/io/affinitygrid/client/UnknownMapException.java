package io.affinitygrid.client;

/** The grid has no map (cache) of the requested name. */
public class UnknownMapException extends GridException {

    private static final long serialVersionUID = 1L;

    private final String mapName;

    /**
     * @param mapName the name that was not found
     * @param message what was not found, and the maps that exist when known
     */
    public UnknownMapException(String mapName, String message) {
        super(message);
        this.mapName = mapName;
    }

    /** The name that was not found. */
    public String mapName() {
        return mapName;
    }
}
