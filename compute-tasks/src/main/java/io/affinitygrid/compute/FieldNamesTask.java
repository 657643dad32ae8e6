package io.affinitygrid.compute;

import java.util.Map;
import java.util.TreeMap;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.binary.BinaryType;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

/**
 * The fields of the values stored in a cache, from the binary schema of a sample of its entries: field name
 * to type name ({@code _value} for plain values). Argument: the cache name; result:
 * {@code Map<String, String>} sorted by name. Invoke by {@link #NAME}.
 */
public final class FieldNamesTask extends SingleJobTask<String, Map<String, String>> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.FieldNamesTask";

    private static final long serialVersionUID = 1L;
    private static final int SAMPLE = 64;

    @Override
    protected Map<String, String> answer(Ignite ignite, String cacheName) {
        TaskNodes.requireCache(ignite, SumArgument.requireText(cacheName, "cache name"));
        ScanQuery<Object, Object> scan = new ScanQuery<>().setPageSize(SAMPLE);
        try (QueryCursor<Cache.Entry<Object, Object>> cursor = ignite.cache(cacheName).withKeepBinary().query(scan)) {
            return fieldTypes(cursor);
        }
    }

    /**
     * Field name to type name of the first values of {@code entries} (binary, not deserialized), sorted by name;
     * without the grid's bookkeeping field ({@value UpdateResult#LAST_UPDATE_FIELD}), which no user reads or completes.
     */
    static Map<String, String> fieldTypes(Iterable<Cache.Entry<Object, Object>> entries) {
        Map<String, String> fields = new TreeMap<>();
        int seen = 0;
        for (Cache.Entry<Object, Object> entry : entries) {
            if (NearCacheMarker.isMarker(entry.getKey())) {
                continue;
            }
            Object value = entry.getValue();
            if (value instanceof BinaryObject binary) {
                BinaryType type = binary.type();
                for (String field : type.fieldNames()) {
                    fields.putIfAbsent(field, type.fieldTypeName(field));
                }
            }
            else if (value != null) {
                fields.putIfAbsent(FieldValues.SELF, value.getClass().getSimpleName());
            }
            if (++seen >= SAMPLE) {
                break;
            }
        }
        fields.remove(UpdateResult.LAST_UPDATE_FIELD);
        return fields;
    }
}
