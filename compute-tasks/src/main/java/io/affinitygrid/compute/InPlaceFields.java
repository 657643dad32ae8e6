package io.affinitygrid.compute;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.apache.ignite.binary.BinaryField;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.binary.BinaryType;
import org.apache.ignite.internal.binary.BinaryContext;
import org.apache.ignite.internal.binary.BinaryObjectEx;
import org.apache.ignite.internal.pagemem.PageUtils;
import org.apache.ignite.internal.util.GridUnsafe;

/**
 * Reads named fields of binary objects where they are stored (in page memory), without copying the object: the
 * position of each field comes from the object's footer, and numbers and text are decoded straight from memory, as
 * Ignite's binary format lays them out. Which footer entry holds a field is resolved once per binary type and
 * schema (Ignite's {@code BinaryFieldImpl.fieldOrder}, on a read-only view of the object,
 * {@code BinaryObjectOffheapImpl}); any other kind of field is read through that view and Ignite's field handle.
 * Text goes through {@link InPlaceStrings}.
 *
 * <p>Not thread-safe: one per scanning thread. Uses package-private classes of Ignite 2.18's binary
 * implementation; {@link #available()} says whether this Ignite has them.
 */
final class InPlaceFields {

    /** {@code new BinaryObjectOffheapImpl(BinaryContext, long, int, int)}; null if unavailable. */
    private static final MethodHandle OFFHEAP_OBJECT = offheapObjectConstructor();
    /** {@code BinaryFieldImpl.fieldOrder(BinaryObjectExImpl)}: the field's entry in the object's footer, or -1. */
    private static final MethodHandle FIELD_ORDER = fieldOrder();

    /** Ignite's binary object layout (GridBinaryMarshaller, BinaryUtils): header positions, flags, type codes. */
    private static final byte OBJECT = 103;
    private static final int FLAGS_POS = 2;
    private static final int TYPE_ID_POS = 4;
    private static final int SCHEMA_ID_POS = 16;
    private static final int FOOTER_OFFSET_POS = 20;
    private static final int FLAG_HAS_SCHEMA = 0x02;
    private static final int FLAG_OFFSET_ONE_BYTE = 0x08;
    private static final int FLAG_OFFSET_TWO_BYTES = 0x10;
    private static final int FLAG_COMPACT_FOOTER = 0x20;
    private static final byte BYTE = 1;
    private static final byte SHORT = 2;
    private static final byte INT = 3;
    private static final byte LONG = 4;
    private static final byte FLOAT = 5;
    private static final byte DOUBLE = 6;
    private static final byte BOOLEAN = 8;
    private static final byte STRING = 9;
    private static final byte NULL = 101;

    /** Schemas remembered: objects of one map rarely have more than a few field sets. */
    private static final int SCHEMAS = 4;

    private final BinaryContext context;
    private final String[] names;
    private final InPlaceStrings strings = new InPlaceStrings();

    private final int[] schemaTypes = new int[SCHEMAS];
    private final int[] schemaIds = new int[SCHEMAS];
    private final int[][] schemaOrders = new int[SCHEMAS][];
    private final BinaryField[][] schemaHandles = new BinaryField[SCHEMAS][];
    private int nextSchema;

    InPlaceFields(BinaryContext context, String[] names) {
        this.context = context;
        this.names = names;
    }

    /** Whether fields can be read in place with this Ignite on this machine. */
    static boolean available() {
        return OFFHEAP_OBJECT != null && FIELD_ORDER != null && !GridUnsafe.BIG_ENDIAN;
    }

    /** Whether the {@code length} bytes at {@code addr} hold a binary object with fields (not an enum, array, ...). */
    static boolean isObject(long addr, int length) {
        return length >= 24 && PageUtils.getByte(addr, 0) == OBJECT;
    }

    /** The binary type of the object at {@code addr} (see {@link #isObject}). */
    static int typeId(long addr) {
        return PageUtils.getInt(addr, TYPE_ID_POS);
    }

    /**
     * Reads the fields into {@code out[base..base + names.length)}, {@code null} for a field the object does not have.
     *
     * @return {@code false} when a field is itself an object (it could only be read as a view into the page, which
     *     must not outlive the page lock): then the caller copies the whole value instead
     */
    boolean read(long addr, int length, Object[] out, int base) throws Throwable {
        short flags = PageUtils.getShort(addr, FLAGS_POS);
        if ((flags & FLAG_HAS_SCHEMA) == 0) {
            for (int i = 0; i < names.length; i++) {
                out[base + i] = null;
            }
            return true;
        }
        int schema = schema(addr, length);
        int[] orders = schemaOrders[schema];
        int idLength = (flags & FLAG_COMPACT_FOOTER) != 0 ? 0 : 4;
        int offsetLength = (flags & FLAG_OFFSET_ONE_BYTE) != 0 ? 1 : (flags & FLAG_OFFSET_TWO_BYTES) != 0 ? 2 : 4;
        int footer = PageUtils.getInt(addr, FOOTER_OFFSET_POS);
        for (int i = 0; i < names.length; i++) {
            int order = orders[i];
            if (order < 0) {
                out[base + i] = null;
                continue;
            }
            int entry = footer + order * (idLength + offsetLength) + idLength;
            int at = offsetLength == 1 ? PageUtils.getByte(addr, entry) & 0xFF
                    : offsetLength == 2 ? PageUtils.getShort(addr, entry) & 0xFFFF : PageUtils.getInt(addr, entry);
            Object value = switch (PageUtils.getByte(addr, at)) {
                case DOUBLE -> Double.longBitsToDouble(PageUtils.getLong(addr, at + 1));
                case LONG -> PageUtils.getLong(addr, at + 1);
                case INT -> PageUtils.getInt(addr, at + 1);
                case STRING -> strings.read(addr + at + 5, PageUtils.getInt(addr, at + 1));
                case FLOAT -> Float.intBitsToFloat(PageUtils.getInt(addr, at + 1));
                case SHORT -> PageUtils.getShort(addr, at + 1);
                case BYTE -> PageUtils.getByte(addr, at + 1);
                case BOOLEAN -> PageUtils.getByte(addr, at + 1) != 0;
                case NULL -> null;
                default -> schemaHandles[schema][i].value(view(addr, length));
            };
            if (value instanceof BinaryObject) {
                return false;
            }
            out[base + i] = value;
        }
        return true;
    }

    /**
     * A plain {@code long}, {@code int} or text value of exactly {@code length} bytes at {@code addr} (as Ignite
     * marshals a key of those types), or {@code null} for anything else.
     */
    static Object plainValue(long addr, int length) {
        byte type = PageUtils.getByte(addr, 0);
        if (type == LONG && length == 9) {
            return PageUtils.getLong(addr, 1);
        }
        if (type == INT && length == 5) {
            return PageUtils.getInt(addr, 1);
        }
        if (type == STRING && length >= 5 && PageUtils.getInt(addr, 1) == length - 5) {
            return new String(PageUtils.getBytes(addr, 5, length - 5), java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The slot of the object's (type, schema) in the remembered schemas, resolving it on first sight. */
    private int schema(long addr, int length) throws Throwable {
        int typeId = PageUtils.getInt(addr, TYPE_ID_POS);
        int schemaId = PageUtils.getInt(addr, SCHEMA_ID_POS);
        for (int s = 0; s < SCHEMAS; s++) {
            if (schemaOrders[s] != null && schemaIds[s] == schemaId && schemaTypes[s] == typeId) {
                return s;
            }
        }
        BinaryObjectEx view = view(addr, length);
        BinaryType type = view.type();
        int[] orders = new int[names.length];
        BinaryField[] handles = new BinaryField[names.length];
        for (int i = 0; i < names.length; i++) {
            handles[i] = type.field(names[i]);
            orders[i] = (int) FIELD_ORDER.invokeExact(handles[i], view);
        }
        int s = nextSchema;
        nextSchema = (nextSchema + 1) % SCHEMAS;
        schemaTypes[s] = typeId;
        schemaIds[s] = schemaId;
        schemaOrders[s] = orders;
        schemaHandles[s] = handles;
        return s;
    }

    private BinaryObjectEx view(long addr, int length) throws Throwable {
        return (BinaryObjectEx) OFFHEAP_OBJECT.invokeExact(context, addr, 0, length);
    }

    private static MethodHandle fieldOrder() {
        try {
            Class<?> field = Class.forName("org.apache.ignite.internal.binary.BinaryFieldImpl");
            Class<?> object = Class.forName("org.apache.ignite.internal.binary.BinaryObjectExImpl");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field, MethodHandles.lookup());
            return lookup.findVirtual(field, "fieldOrder", MethodType.methodType(int.class, object))
                    .asType(MethodType.methodType(int.class, BinaryField.class, BinaryObjectEx.class));
        }
        catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static MethodHandle offheapObjectConstructor() {
        try {
            Class<?> type = Class.forName("org.apache.ignite.internal.binary.BinaryObjectOffheapImpl");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.findConstructor(type, MethodType.methodType(void.class, BinaryContext.class, long.class, int.class, int.class))
                    .asType(MethodType.methodType(BinaryObjectEx.class, BinaryContext.class, long.class, int.class, int.class));
        }
        catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
