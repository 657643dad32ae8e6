package io.affinitygrid.compute;

import java.util.Arrays;

/**
 * The fields a scan asked for of one entry, read from the entry where it is stored instead of from a copy of the
 * whole value (see {@link ScanTask#fieldsRead}). One instance is reused for every entry a thread visits, so it is
 * valid only while the visitor runs: an accumulator that keeps the entry keeps {@link #wholeValue()}.
 */
final class FieldRow {

    private final String[] names;
    private final DataPageReader reader;
    private Object[] values;
    private int base;
    private long link;

    FieldRow(String[] names, DataPageReader reader) {
        this.names = names;
        this.reader = reader;
    }

    /** Points this row at the entry whose fields start at {@code values[base]} and whose row is at {@code link}. */
    FieldRow at(Object[] values, int base, long link) {
        this.values = values;
        this.base = base;
        this.link = link;
        return this;
    }

    /** The value of the field, {@code null} when the entry does not have it. */
    Object get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name || names[i].equals(name)) {
                return values[base + i];
            }
        }
        throw new IllegalStateException("The scan read only the fields " + Arrays.toString(names) + ", not '" + name
                + "': add it to the task's fieldsRead");
    }

    /** The whole value, read again from its row (in binary form); for the few entries an accumulator keeps. */
    Object wholeValue() {
        return reader.wholeValue(link);
    }
}
