package io.affinitygrid.shell.commands;

/**
 * The names of the options that several commands take, so that every command spells them alike (compile-time
 * constants, for {@code @Option}). The SDK's vocabulary: data lives in a <em>map</em> of the grid, hence
 * {@code --map}; its old name {@code --cache} is a deprecated alias (see {@link DeprecatedOptions}).
 */
final class OptionNames {

    /** The map a command works on. */
    static final String MAP = "map";
    static final char MAP_SHORT = 'm';

    /** A filter of the entries. */
    static final String WHERE = "where";
    static final char WHERE_SHORT = 'w';
    static final String WHERE_HELP = "a filter: field op value (op one of = != < <= > >=), in (...), between ... and ..., starts with, combined with and/or/not, e.g. \"amount > 100 and region in (north, east)\"";

    /** A field of the values. */
    static final String FIELD = "field";
    static final char FIELD_SHORT = 'f';

    /** How many rows to show. */
    static final String LIMIT = "limit";
    static final char LIMIT_SHORT = 'n';

    /** The field to group or order by. */
    static final String BY = "by";
    static final char BY_SHORT = 'b';

    /** The output as one line of JSON instead of a table. */
    static final String JSON = "json";

    private OptionNames() {
    }
}
