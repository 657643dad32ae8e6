package io.affinitygrid.compute;

import java.util.Set;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;

/**
 * No scanned entry of a map has the field a computation reads: almost always a misspelt name. Raised while the
 * partials are merged; {@link PartitionMapReduceTask} words it for the user with {@link #withFieldsOf(Ignite)},
 * which adds the closest field name and the fields the map's entries have.
 */
final class MissingFieldException extends GridTaskException {

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String field;
    private final String role;

    /**
     * @param role what the field is for, appended to "has a field 'x'": empty, or e.g. " to group by"
     */
    MissingFieldException(String cacheName, String field, String role) {
        super(ErrorCode.BAD_FIELD, sentence(cacheName, field, role) + " Check the field name.");
        this.cacheName = cacheName;
        this.field = field;
        this.role = role;
    }

    /** The same failure, naming the closest field and the fields of the map's entries stored on {@code ignite}. */
    GridTaskException withFieldsOf(Ignite ignite) {
        Set<String> fields = fields(ignite, cacheName);
        if (fields.isEmpty()) {
            return this;
        }
        return new GridTaskException(ErrorCode.BAD_FIELD, sentence(cacheName, field, role)
                + Suggestions.didYouMean(field, fields) + " Fields of its entries: " + String.join(", ", fields) + ".");
    }

    private static String sentence(String cacheName, String field, String role) {
        return "No entry of map '" + cacheName + "' has a field '" + field + "'" + role + ".";
    }

    /** The fields of the first values this node holds (no remote call: this runs in a task's reduce). */
    private static Set<String> fields(Ignite ignite, String cacheName) {
        IgniteCache<Object, Object> cache = ignite.cache(cacheName);
        return cache == null ? Set.of()
                : FieldNamesTask.fieldTypes(cache.withKeepBinary().localEntries(CachePeekMode.PRIMARY, CachePeekMode.BACKUP)).keySet();
    }
}
