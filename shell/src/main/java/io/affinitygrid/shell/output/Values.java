package io.affinitygrid.shell.output;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.affinitygrid.client.GridRecord;

/** How the shell shows values: in table cells, and as JSON-ready structures. Stateless. */
public final class Values {

    /** Decimal places of averages in tables (JSON keeps every digit). */
    static final int AVERAGE_SCALE = 4;

    private static final int MAX_DEPTH = 4;

    private Values() {
    }

    /** A value as a table cell: numbers in plain notation, nothing for {@code null}. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : Double.toString(d);
        }
        if (value instanceof GridRecord) {
            return Json.write(plain(value)); // a nested object, in one cell
        }
        return String.valueOf(value);
    }

    /** An average for a table: {@value #AVERAGE_SCALE} decimals, or "-" when there is none. */
    public static String average(BigDecimal average) {
        return average == null ? "-" : average.setScale(AVERAGE_SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * A value read from the grid as plain data for {@link Json}: numbers, text, booleans, lists and maps stay
     * as they are; any other object becomes a map of its fields (as the grid stores it: every non-static,
     * non-transient field).
     */
    public static Object plain(Object value) {
        return plain(value, 0);
    }

    private static Object plain(Object value, int depth) {
        if (value instanceof GridRecord record) {
            return plain(record.fields(), depth);
        }
        if (value == null || value instanceof Number || value instanceof CharSequence || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof UUID
                || value instanceof Temporal || value instanceof Date || depth > MAX_DEPTH) {
            return value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value == null
                    ? value : String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v, depth + 1)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(plain(item, depth + 1)));
            return copy;
        }
        if (value.getClass().isArray()) {
            return String.valueOf(value);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    fields.putIfAbsent(field.getName(), plain(field.get(value), depth + 1));
                }
                catch (RuntimeException | IllegalAccessException e) {
                    return String.valueOf(value); // a class that does not open its fields: its text will do
                }
            }
        }
        return fields;
    }

    /** A number of bytes as people read it: {@code 512 B}, {@code 1.5 KB}, {@code 96.0 MB}, {@code 2.0 GB} (powers of 1024). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A duration as {@code 3d 04h 05m}, {@code 2h 03m 04s} or {@code 12s}. */
    public static String duration(java.time.Duration duration) {
        long seconds = duration.toSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return String.format(java.util.Locale.ROOT, "%dd %02dh %02dm", days, hours, minutes);
        }
        if (hours > 0) {
            return String.format(java.util.Locale.ROOT, "%dh %02dm %02ds", hours, minutes, seconds % 60);
        }
        return minutes > 0 ? String.format(java.util.Locale.ROOT, "%dm %02ds", minutes, seconds % 60) : seconds + "s";
    }
}
