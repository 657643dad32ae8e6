package io.affinitygrid.client;

import io.affinitygrid.compute.ErrorCode;

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

    /** Always {@link ErrorCode#UNKNOWN_MAP}: the map does not exist. */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNKNOWN_MAP;
    }
}
