package io.affinitygrid.compute;

import java.util.List;

import io.affinitygrid.compute.PartitionMapReduceTask.FilterFieldUse;

/**
 * A {@link Filter} applied to the values of one scan, one after the other: reads each field the filter needs
 * from the value in binary form, and records in a {@link FilterFieldUse} whether the value had it. Not
 * thread-safe: one per scanning thread.
 */
final class EntryFilter implements Filter.FieldSource {

    private final Filter filter;
    private final List<String> names;
    private final FilterFieldUse use;
    private Object value;

    /**
     * @param filter the filter, or {@code null} to let every value through
     * @param use where to record which fields the values had, or {@code null}
     */
    EntryFilter(Filter filter, FilterFieldUse use) {
        this.filter = filter;
        this.names = filter == null ? List.of() : filter.fields();
        this.use = use;
    }

    /** Whether {@code entryValue} (a binary object, or a plain value) matches. */
    boolean test(Object entryValue) {
        if (filter == null) {
            return true;
        }
        value = entryValue;
        try {
            return filter.matches(this);
        }
        finally {
            value = null;
        }
    }

    @Override
    public Object value(int index) {
        Object field = FieldValues.read(value, names.get(index));
        if (use != null) {
            use.entry(index, field != null);
        }
        return field;
    }

    @Override
    public String name(int index) {
        return names.get(index);
    }
}
