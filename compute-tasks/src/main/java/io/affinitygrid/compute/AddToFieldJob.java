package io.affinitygrid.compute;

import java.math.BigDecimal;
import java.math.BigInteger;

import javax.cache.processor.MutableEntry;

import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CacheEntryProcessor;

/**
 * A catalog {@link KeyJob}: adds a number to a numeric field of one entry, on the entry's primary node, and
 * returns the new value. The argument is a {@link FieldDelta} (or, deprecated, the text {@code "field:delta"}, e.g.
 * {@code "amount:12.5"}). The field keeps its
 * type; a delta that would not fit it (a fraction for a whole-number field, or a result out of its range) fails
 * and changes nothing. Atomic with respect to other updates of the entry (the read-modify-write runs inside an
 * entry processor).
 */
public final class AddToFieldJob implements KeyJob<Object> {

    /** Class name to pass to {@link KeyCallTask}. */
    public static final String NAME = "io.affinitygrid.compute.AddToFieldJob";

    @Override
    public Object run(KeyContext context) {
        if (context.argument() instanceof FieldDelta fieldDelta) {
            return context.cache().invoke(context.key(), new AddProcessor(fieldDelta.field(), fieldDelta.delta()));
        }
        return runWithText(context);
    }

    /**
     * The argument as text, {@code "field:delta"}.
     *
     * @deprecated pass a {@link FieldDelta}; the text form is kept for callers written before it (fault tests,
     *     scripts) and will go
     */
    @Deprecated
    private Object runWithText(KeyContext context) {
        String spec = String.valueOf(context.argument());
        int colon = spec.lastIndexOf(':');
        if (context.argument() == null || colon <= 0 || colon == spec.length() - 1) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "AddToFieldJob needs 'field:delta', e.g. amount:12.5; got '" + context.argument() + "'");
        }
        String field = spec.substring(0, colon);
        BigDecimal delta;
        try {
            delta = new BigDecimal(spec.substring(colon + 1));
        }
        catch (NumberFormatException e) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "AddToFieldJob: '" + spec.substring(colon + 1) + "' is not a number");
        }
        return context.cache().invoke(context.key(), new AddProcessor(field, delta));
    }

    /** The read-modify-write, atomic per entry. */
    private static final class AddProcessor implements CacheEntryProcessor<Object, Object, Object> {

        private static final long serialVersionUID = 1L;

        private final String field;
        private final BigDecimal delta;

        AddProcessor(String field, BigDecimal delta) {
            this.field = field;
            this.delta = delta;
        }

        @Override
        public Object process(MutableEntry<Object, Object> entry, Object... arguments) {
            if (!(entry.getValue() instanceof BinaryObject value)) {
                throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "No object entry under key " + entry.getKey());
            }
            Object current = value.field(field);
            if (!(current instanceof Number number)) {
                throw new GridTaskException(ErrorCode.BAD_FIELD, "Field '" + field + "' is not numeric: " + current);
            }
            Object updated;
            try {
                updated = add(number, delta);
            }
            catch (ArithmeticException e) {
                throw new GridTaskException(ErrorCode.BAD_FIELD, "Cannot add " + delta.toPlainString() + " to field '" + field + "', which holds "
                        + number.getClass().getSimpleName() + " " + number + ": the result must be a " + number.getClass().getSimpleName()
                        + " (" + e.getMessage() + ")");
            }
            entry.setValue(value.toBuilder().setField(field, updated).build());
            return updated;
        }
    }

    /** The sum, of the same type as {@code n}; an {@link ArithmeticException} when it does not fit that type. */
    private static Object add(Number n, BigDecimal delta) {
        if (n instanceof Double d) {
            return d + delta.doubleValue();
        }
        if (n instanceof Float f) {
            return (float) (f + delta.doubleValue());
        }
        if (n instanceof BigDecimal bd) {
            return bd.add(delta);
        }
        if (n instanceof BigInteger bi) {
            return bi.add(delta.toBigIntegerExact());
        }
        long sum = Math.addExact(n.longValue(), delta.longValueExact());
        if (n instanceof Integer) {
            return Math.toIntExact(sum);
        }
        if (n instanceof Short) {
            return BigDecimal.valueOf(sum).shortValueExact();
        }
        if (n instanceof Byte) {
            return BigDecimal.valueOf(sum).byteValueExact();
        }
        return sum;
    }
}
