package io.affinitygrid.shell.data;

import java.util.Map;

/**
 * One line of a file being imported: its fields (text, numbers, nested records), or why it cannot be read.
 *
 * @param number the line's number in the file, from 1
 * @param fields the fields by column or property name, without empty ones; {@code null} when the line is bad
 * @param problem why the line cannot be read; {@code null} when it can
 */
public record SourceLine(long number, Map<String, Object> fields, String problem) {

    static SourceLine of(long number, Map<String, Object> fields) {
        return new SourceLine(number, fields, null);
    }

    static SourceLine bad(long number, String problem) {
        return new SourceLine(number, null, problem);
    }
}
