package io.affinitygrid.compute;

import java.util.Set;
import java.util.TreeSet;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CachePeekMode;

/**
 * No scanned entry of a map has the field a computation reads: almost always a misspelt name. Raised while the
 * partials are merged; {@link PartitionMapReduceTask} words it for the user with {@link #withFieldsOf(Ignite)},
 * which adds the closest field name and the fields the map's entries have.
 */
final class MissingFieldException extends GridTaskException {

    private static final long serialVersionUID = 1L;

    /** Entries sampled for their fields: enough to meet every type of a map that holds a few. */
    private static final int SAMPLE = 32;

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

    /** The field names of the first entries this node holds of the map, without the grid's bookkeeping. */
    static Set<String> fields(Ignite ignite, String cacheName) {
        Set<String> fields = new TreeSet<>();
        IgniteCache<Object, Object> cache = ignite.cache(cacheName);
        if (cache == null) {
            return fields;
        }
        int seen = 0;
        for (Cache.Entry<Object, Object> entry : cache.withKeepBinary().localEntries(CachePeekMode.PRIMARY, CachePeekMode.BACKUP)) {
            if (entry.getValue() instanceof BinaryObject binary && binary.type() != null) {
                fields.addAll(binary.type().fieldNames());
            }
            if (++seen == SAMPLE) {
                break;
            }
        }
        fields.remove(UpdateResult.LAST_UPDATE_FIELD);
        return fields;
    }
}
