package io.affinitygrid.client;

import java.util.List;

import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapDescription;
import io.affinitygrid.compute.admin.MemberInfo;

/**
 * Administration of the running grid: create, destroy, clear and describe maps, list the server nodes, stop one.
 * Get it with {@link Grid#admin()}; {@link #async()} is the same with {@code CompletableFuture}s. Thread-safe.
 *
 * <p>A map created here lives like one configured in the nodes' {@code grid.maps}: with the nodes' rules (writes on
 * the backups before they are acknowledged, lost partitions refused, the capacity guard or the eviction region), and
 * it survives restarts: a node that restarts or joins gets it, and a full restart of the grid brings it back,
 * empty. The grid's own maps (names starting with {@code __}) cannot be cleared or destroyed. With authentication
 * on, only the users in {@code grid.deployment.users} may create, clear or destroy maps and stop nodes.
 *
 * <pre>{@code
 * MapDescription sessions = grid.admin().create(MapDefinition.builder("sessions").backups(2).eviction(true).build());
 * grid.admin().members().forEach(m -> System.out.println(m.name() + " heap " + m.heapUsedBytes()));
 * grid.admin().destroy("sessions");
 * }</pre>
 */
public interface MapAdmin {

    /**
     * Creates a map on every server node.
     *
     * @param definition the map, built with {@link MapDefinition#builder(String)}; not null
     * @return the new map's description
     * @throws MapExistsException when a map of that name exists
     * @throws InvalidMapDefinitionException when the nodes refuse the definition
     * @throws AdminRefusedException when the user may not administer the grid
     * @throws NullPointerException when {@code definition} is null
     * @throws GridException when the grid cannot be reached or does not answer in time
     */
    MapDescription create(MapDefinition definition);

    /**
     * Destroys a map: its entries and its definition, on every node. Not sent again when the connection fails
     * (it may have been done).
     *
     * @param name the map's name, not blank
     * @return the map's description just before it was destroyed
     * @throws UnknownMapException when there is no such map
     * @throws AdminRefusedException when the map is one of the grid's own, or the user may not administer the grid
     * @throws IllegalArgumentException when {@code name} is blank (NullPointerException when null)
     */
    MapDescription destroy(String name);

    /**
     * Removes every entry of a map; the map stays.
     *
     * @param name the map's name, not blank
     * @return the number of entries before
     * @throws UnknownMapException when there is no such map
     * @throws AdminRefusedException when the map is one of the grid's own, or the user may not administer the grid
     * @throws IllegalArgumentException when {@code name} is blank (NullPointerException when null)
     */
    long clear(String name);

    /**
     * Describes a map: its definition, number of entries and partitions, and whether it was created at run time.
     *
     * @param name the map's name, not blank
     * @throws UnknownMapException when there is no such map
     * @throws IllegalArgumentException when {@code name} is blank (NullPointerException when null)
     */
    MapDescription describe(String name);

    /**
     * The server nodes, each as it describes itself: name, id, addresses, JVM, heap, off-heap data regions,
     * uptime, and which one is the coordinator. A node that leaves while it is asked is left out.
     *
     * @return an immutable list sorted by node name
     */
    List<MemberInfo> members();

    /**
     * Stops a server node gracefully: it answers, then leaves the grid (its running jobs finish, the backups of its
     * partitions take over) and its application exits. Returns before the node has left.
     *
     * @param nodeName the node's name ({@link MemberInfo#name()}), not blank
     * @throws UnknownNodeException when no server node has that name
     * @throws AdminRefusedException when the user may not administer the grid
     * @throws IllegalArgumentException when {@code nodeName} is blank (NullPointerException when null)
     */
    void stopNode(String nodeName);

    /** The asynchronous view of the same administration. */
    AsyncMapAdmin async();
}
