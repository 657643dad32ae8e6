package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.Objects;

/** A word and how many times it occurs: one row of {@code WordCountTask}'s result. Immutable. */
public final class WordCount implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String word;
    private final long count;

    public WordCount(String word, long count) {
        this.word = Objects.requireNonNull(word, "word");
        this.count = count;
    }

    public String word() {
        return word;
    }

    public long count() {
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordCount w && word.equals(w.word) && count == w.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(word, count);
    }

    @Override
    public String toString() {
        return word + "=" + count;
    }
}
