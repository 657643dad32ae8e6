package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The word count's tokenizer agrees with the regular expression that defines words. */
class WordCharsTest {

    @Test
    void wordCharactersAreThoseOfTheDefinition() {
        Pattern wordChar = Pattern.compile("[\\p{L}\\p{N}']");
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            assertThat(WordCountTask.isWordChar(cp)).as("U+%04X", cp).isEqualTo(wordChar.matcher(Character.toString(cp)).matches());
        }
    }
}
