package io.affinitygrid.shell.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.affinitygrid.client.Grid;
import io.affinitygrid.compute.NodeSummary;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What the shell knows of the grid's maps and their fields, for completion and for defaults: map names
 * (asked again every few seconds), and each map's fields, from the binary schema of its stored values
 * (the SDK's {@code fieldTypes}), together with the fields seen in results
 * during the session. When the grid cannot tell, the fields of the sample data are assumed for the sample
 * maps. Everything is forgotten when the shell connects elsewhere. Never connects by itself, and never waits
 * for the grid longer than {@value #WAIT_MILLIS} ms. Thread-safe.
 */
@Component
public class GridCatalog implements DisposableBean {

    /** Fields of the sample orders. */
    static final List<String> ORDER_FIELDS = List.of("id", "customer", "region", "amount", "quantity");

    /** The numeric ones of {@link #ORDER_FIELDS}. */
    static final Set<String> ORDER_NUMBERS = Set.of("id", "amount", "quantity");

    /** Type names of numbers in a map's schema: Ignite's binary type names, and the classes of plain values. */
    private static final Set<String> NUMBER_TYPES = Set.of("byte", "short", "int", "long", "float", "double", "decimal",
            "Byte", "Short", "Integer", "Long", "Float", "Double", "BigDecimal", "BigInteger");

    /** The pseudo-field of plain values (e.g. the text of a line). */
    public static final String VALUE_FIELD = "_value";

    static final long WAIT_MILLIS = 1500;

    private static final Duration NAMES_TTL = Duration.ofSeconds(5);
    private static final Duration FIELDS_TTL = Duration.ofSeconds(30);

    private final GridConnection connection;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "grid-shell-catalog");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, Known> fields = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private volatile Known names;
    private volatile Known nodes;
    private volatile long generation = -1;

    public GridCatalog(GridConnection connection) {
        this.connection = connection;
    }

    /** Names of the grid's maps (internal ones left out), sorted; empty when not connected or unknown. */
    public List<String> mapNames() {
        Grid grid = current();
        if (grid == null) {
            return List.of();
        }
        Known known = names;
        if (known == null || known.isStale(NAMES_TTL)) {
            Set<String> fetched = bounded(() -> {
                Set<String> all = new TreeSet<>(grid.mapNames());
                all.removeIf(GridConnection::isInternal);
                return all;
            });
            if (fetched != null) {
                known = new Known(List.copyOf(fetched));
                names = known;
            }
        }
        return known == null ? List.of() : known.values();
    }

    /**
     * Field names of a map's values (sorted; {@value #VALUE_FIELD} for plain values), with those seen in
     * results; the sample fields for the sample maps when the grid cannot tell; else only those seen.
     */
    public List<String> fields(String map) {
        if (map == null || map.isBlank()) {
            return List.of();
        }
        Grid grid = current();
        Known known = fields.get(map);
        if (grid != null && (known == null || known.isStale(FIELDS_TTL))) {
            Map<String, String> schema = bounded(() -> grid.compute().fieldTypes(map));
            if (schema != null) {
                known = new Known(List.copyOf(schema.keySet()), schema.entrySet().stream()
                        .filter(field -> NUMBER_TYPES.contains(field.getValue())).map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
                fields.put(map, known);
            }
        }
        Set<String> all = new TreeSet<>();
        if (known != null) {
            all.addAll(known.values());
        }
        else if (GridConnection.ORDERS.equals(map)) {
            all.addAll(ORDER_FIELDS);
        }
        else if (GridConnection.WORDS.equals(map)) {
            all.add(VALUE_FIELD);
        }
        all.addAll(seen.getOrDefault(map, Set.of()));
        return new ArrayList<>(all);
    }

    /**
     * The fields of {@link #fields} that hold numbers, for the options that need one ({@code compute sum --field});
     * all of them when the types are not known.
     */
    public List<String> numericFields(String map) {
        List<String> all = fields(map);
        if (all.isEmpty()) {
            return all;
        }
        Known known = fields.get(map);
        Set<String> numeric = known != null ? known.numeric() : GridConnection.ORDERS.equals(map) ? ORDER_NUMBERS : null;
        return numeric == null ? all : all.stream().filter(numeric::contains).toList();
    }

    /** Names of the grid's server nodes, sorted; empty when not connected or unknown. */
    public List<String> nodeNames() {
        Grid grid = current();
        if (grid == null) {
            return List.of();
        }
        Known known = nodes;
        if (known == null || known.isStale(NAMES_TTL)) {
            List<String> fetched = bounded(() -> grid.topology().stream().map(NodeSummary::name).sorted().toList());
            if (fetched != null) {
                known = new Known(fetched);
                nodes = known;
            }
        }
        return known == null ? List.of() : known.values();
    }

    /** Remembers fields seen in a result of a map, e.g. the fields of a top-N's entries. */
    public void remember(String map, Collection<String> fieldNames) {
        current();
        if (map != null && !fieldNames.isEmpty()) {
            seen.computeIfAbsent(map, m -> ConcurrentHashMap.newKeySet()).addAll(fieldNames);
        }
    }

    /** Forgets what is known of a map's fields, e.g. after loading other data into it. */
    public void forget(String map) {
        fields.remove(map);
        names = null;
        nodes = null;
    }

    /**
     * The field to order a map's entries by when none is given: {@code id} if the values have it, else
     * {@value #VALUE_FIELD} for plain values, else the first field; {@code null} when no field is known.
     */
    public String defaultOrderField(String map) {
        List<String> known = fields(map);
        if (known.contains("id")) {
            return "id";
        }
        if (known.contains(VALUE_FIELD)) {
            return VALUE_FIELD;
        }
        return known.isEmpty() ? null : known.get(0);
    }

    /** The connected grid, after forgetting everything if the connection changed; {@code null} if none. */
    private Grid current() {
        long now = connection.generation();
        if (now != generation) {
            synchronized (this) {
                if (now != generation) {
                    fields.clear();
                    seen.clear();
                    names = null;
                    nodes = null;
                    generation = now;
                }
            }
        }
        return connection.gridIfConnected();
    }

    /** The answer of {@code call}, or {@code null} when it fails or takes longer than {@value #WAIT_MILLIS} ms. */
    <T> T bounded(Supplier<T> call) {
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(call, background);
        try {
            return answer.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (Exception e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    /** Values learnt from the grid, and when; for a map's fields, also which of them hold numbers. */
    private record Known(List<String> values, Set<String> numeric, long learntAt) {

        Known(List<String> values) {
            this(values, Set.of());
        }

        Known(List<String> values, Set<String> numeric) {
            this(values, numeric, System.nanoTime());
        }

        boolean isStale(Duration ttl) {
            return System.nanoTime() - learntAt > ttl.toNanos();
        }
    }

}
