package io.affinitygrid.compute;

import java.nio.charset.StandardCharsets;

import org.apache.ignite.internal.pagemem.PageUtils;

/**
 * Text read from page memory without decoding it for every entry: the UTF-8 bytes of a field are looked up in a
 * table of the strings this reader has seen, so a field with few distinct values (a region, a status) gives the
 * same {@code String} each time. That saves the decoding and its allocations, and the string's hash code is
 * computed once, so the maps of {@code group-by} and {@code distinct} find it without hashing it again. Values
 * not seen before are decoded and remembered while the table has room; long ones are always decoded.
 *
 * <p>Not thread-safe: one per scanning thread.
 */
final class InPlaceStrings {

    /** Longest text remembered, in bytes; longer text is decoded every time. */
    static final int MAX_LENGTH = 64;

    private static final int SLOTS = 1 << 12;
    /** Strings remembered at most: half the slots, so that probing stays short. */
    private static final int MAX_SIZE = SLOTS / 2;

    private final byte[][] bytes = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];
    private int size;

    /** The text of the {@code length} UTF-8 bytes at {@code addr}. */
    String read(long addr, int length) {
        if (length > MAX_LENGTH) {
            return decode(addr, length);
        }
        int hash = length;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + PageUtils.getByte(addr, i);
        }
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        for (byte[] known; (known = bytes[slot]) != null; slot = (slot + 1) & (SLOTS - 1)) {
            if (sameBytes(known, addr, length)) {
                return strings[slot];
            }
        }
        byte[] copy = PageUtils.getBytes(addr, 0, length);
        String text = new String(copy, StandardCharsets.UTF_8);
        if (size < MAX_SIZE) {
            bytes[slot] = copy;
            strings[slot] = text;
            size++;
        }
        return text;
    }

    private static boolean sameBytes(byte[] known, long addr, int length) {
        if (known.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known[i] != PageUtils.getByte(addr, i)) {
                return false;
            }
        }
        return true;
    }

    private static String decode(long addr, int length) {
        return new String(PageUtils.getBytes(addr, 0, length), StandardCharsets.UTF_8);
    }
}
