package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The most frequent words of a text field. Words are runs of letters, digits and apostrophes, compared in
 * lower case. Each partition counts its own words; the counts are merged on the task's node, so the result is
 * exact. Argument: {@link QueryArgument} with a field ({@code _value} for plain string values) and a limit;
 * result: {@code List<WordCount>}, most frequent first (ties by word). Invoke by {@link #NAME}. Fails when
 * entries were scanned but none has the field, or the field holds something other than text.
 */
public final class WordCountTask extends ScanTask<QueryArgument, WordCountTask.Words, List<WordCount>> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.WordCountTask";

    private static final long serialVersionUID = 1L;

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}']+");

    /** Keys are not used: the scan does not read them. */
    @Override
    protected boolean needsKeys() {
        return false;
    }

    @Override
    protected void validate(QueryArgument argument) {
        super.validate(argument);
        argument.requireField("word count");
        argument.requireLimit("word count");
    }

    @Override
    protected Words newPartial(QueryArgument argument) {
        return new Words();
    }

    @Override
    protected boolean accumulatesAcrossPartitions() {
        return true;
    }

    @Override
    protected List<String> fieldsRead(QueryArgument argument) {
        return fields(argument.field());
    }

    @Override
    protected void accumulate(QueryArgument argument, Words partial, Object key, Object value) {
        partial.scanned++;
        Object text = field(value, argument.field());
        if (text == null) {
            return;
        }
        partial.fieldSeen = true;
        if (!(text instanceof CharSequence)) {
            throw new GridTaskException(ErrorCode.BAD_FIELD, "Field '" + argument.field() + "' of map '" + argument.cacheName()
                    + "' is not text: it holds " + text.getClass().getSimpleName() + " values");
        }
        String lower = text.toString().toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            boolean wordChar = isWordChar(cp);
            if (wordChar && start < 0) {
                start = i;
            }
            else if (!wordChar && start >= 0) {
                partial.counts.merge(lower.substring(start, i), 1L, Long::sum);
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            partial.counts.merge(lower.substring(start), 1L, Long::sum);
        }
    }

    /**
     * Whether a code point belongs to a word: a letter ({@code \p{L}}), a number ({@code \p{N}}: decimal digit,
     * letter number, other number) or an apostrophe, as {@link #SEPARATORS} defines words; without a regular
     * expression per entry.
     */
    static boolean isWordChar(int cp) {
        if (cp == '\'') {
            return true;
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    @Override
    protected Words mergePartials(QueryArgument argument, List<Words> partials) {
        Words merged = new Words();
        for (Words partial : partials) {
            partial.counts.forEach((word, n) -> merged.counts.merge(word, n, Long::sum));
            merged.scanned += partial.scanned;
            merged.fieldSeen |= partial.fieldSeen;
        }
        return merged;
    }

    @Override
    protected List<WordCount> reduce(QueryArgument argument, List<Words> partials) {
        Map<String, Long> counts = new HashMap<>();
        long scanned = 0;
        boolean fieldSeen = false;
        for (Words partial : partials) {
            partial.counts.forEach((word, n) -> counts.merge(word, n, Long::sum));
            scanned += partial.scanned;
            fieldSeen |= partial.fieldSeen;
        }
        if (scanned > 0 && !fieldSeen) {
            throw FieldValues.noSuchField(argument.cacheName(), argument.field());
        }
        List<WordCount> rows = new ArrayList<>(counts.size());
        counts.forEach((word, n) -> rows.add(new WordCount(word, n)));
        rows.sort(Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word));
        return new ArrayList<>(rows.subList(0, Math.min(argument.limit(), rows.size())));
    }

    /** The word counts of one partition, and whether any of its scanned entries had the field. */
    static final class Words implements Serializable {

        private static final long serialVersionUID = 1L;

        private long scanned;
        private boolean fieldSeen;
        private final HashMap<String, Long> counts = new HashMap<>();
    }
}
