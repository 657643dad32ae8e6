package io.affinitygrid.shell.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.affinitygrid.client.GridRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON text (with Jackson) as values for the grid: an object becomes a {@link GridRecord} of a given type name
 * (nested objects become records of the type {@code <type>.<field>}), whole numbers {@code Long}s (or exact
 * decimals when too large), other numbers {@code Double}s, arrays lists, {@code null} nothing. Stateless.
 */
public final class JsonValues {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private JsonValues() {
    }

    /**
     * The value of one JSON text.
     *
     * @throws IllegalArgumentException when the text is not valid JSON, with Jackson's account of where
     */
    public static Object read(String json, String typeName) {
        return value(tree(json), typeName);
    }

    /**
     * The fields of one JSON object, as plain values (nested objects as records of {@code <type>.<field>}).
     *
     * @throws IllegalArgumentException when the text is not valid JSON or not an object
     */
    public static Map<String, Object> object(String json, String typeName) {
        JsonNode node = tree(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object but " + describe(node));
        }
        return ((GridRecord) value(node, typeName)).fields();
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        }
        catch (JacksonException e) {
            String at = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException("not valid JSON" + at + ": " + e.getOriginalMessage());
        }
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "an array" : node.isNull() || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase() + " " + node;
    }

    private static Object value(JsonNode node, String typeName) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            GridRecord.Builder record = GridRecord.builder(typeName);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                record.field(field.getKey(), value(field.getValue(), typeName + "." + field.getKey()));
            }
            return record.build();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item, typeName)));
            return items;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asString();
    }
}
