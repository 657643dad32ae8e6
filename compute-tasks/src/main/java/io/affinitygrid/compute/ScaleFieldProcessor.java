package io.affinitygrid.compute;

import java.math.BigDecimal;

import javax.cache.processor.MutableEntry;

import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CacheEntryProcessor;

/**
 * Multiplies a numeric field of one entry by a factor, atomically, at most once per operation id: the entry
 * records the id of the last update applied to it in the {@value #MARKER} field, and an entry that already
 * carries this operation's id is left alone. The filter is checked again inside the processor, against the
 * value being updated.
 */
final class ScaleFieldProcessor implements CacheEntryProcessor<Object, Object, Integer> {

    /** Field in which an updated value records the id of the last bulk update applied to it. */
    static final String MARKER = "_lastUpdate";

    static final int UPDATED = 1;
    static final int ALREADY_APPLIED = 2;
    static final int SKIPPED = 0;
    static final int NO_FIELD = 3;

    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String field;
    private final double factor;
    private final Filter filter;
    private final String operationId;

    ScaleFieldProcessor(String cacheName, String field, double factor, Filter filter, String operationId) {
        this.cacheName = cacheName;
        this.field = field;
        this.factor = factor;
        this.filter = filter;
        this.operationId = operationId;
    }

    @Override
    public Integer process(MutableEntry<Object, Object> entry, Object... arguments) {
        if (!entry.exists()) {
            return SKIPPED;
        }
        if (!(entry.getValue() instanceof BinaryObject value)) {
            throw new GridTaskException(ErrorCode.BAD_FIELD, "Map '" + cacheName + "' holds plain " + entry.getValue().getClass().getSimpleName()
                    + " values; a bulk update needs objects with a numeric field");
        }
        if (operationId.equals(value.field(MARKER))) {
            return ALREADY_APPLIED;
        }
        if (!new EntryFilter(filter, null).test(value)) {
            return SKIPPED;
        }
        Object current = value.field(field);
        if (current == null) {
            return NO_FIELD;
        }
        if (!(current instanceof Number number)) {
            throw new GridTaskException(ErrorCode.BAD_FIELD, "Field '" + field + "' of map '" + cacheName + "' is not numeric: it holds "
                    + current.getClass().getSimpleName() + " values. Choose a numeric field.");
        }
        entry.setValue(value.toBuilder().setField(field, scale(number)).setField(MARKER, operationId).build());
        return UPDATED;
    }

    /** The scaled value, of the same type as the original (integral types are rounded half up). */
    private Object scale(Number n) {
        if (n instanceof Double d) {
            return d * factor;
        }
        if (n instanceof Float f) {
            return (float) (f * factor);
        }
        if (n instanceof BigDecimal bd) {
            return bd.multiply(BigDecimal.valueOf(factor));
        }
        BigDecimal scaled = BigDecimal.valueOf(n.longValue()).multiply(BigDecimal.valueOf(factor)).setScale(0, java.math.RoundingMode.HALF_UP);
        try {
            if (n instanceof Integer) {
                return scaled.intValueExact();
            }
            if (n instanceof Short) {
                return scaled.shortValueExact();
            }
            if (n instanceof Byte) {
                return scaled.byteValueExact();
            }
            return scaled.longValueExact();
        }
        catch (ArithmeticException e) {
            throw new ArithmeticException("Scaling field '" + field + "' value " + n + " by " + factor + " overflows its "
                    + n.getClass().getSimpleName() + " type");
        }
    }
}
