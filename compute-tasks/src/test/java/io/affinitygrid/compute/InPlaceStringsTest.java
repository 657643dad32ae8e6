package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.ignite.internal.pagemem.PageUtils;
import org.apache.ignite.internal.util.GridUnsafe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Text read from off-heap memory: the right characters always, and one instance per value while there is room. */
class InPlaceStringsTest {

    private final long memory = GridUnsafe.allocateMemory(4096);
    private final InPlaceStrings strings = new InPlaceStrings();

    @AfterEach
    void free() {
        GridUnsafe.freeMemory(memory);
    }

    @Test
    void sameBytesGiveTheSameInstanceAndOtherBytesAnother() {
        String north = read("north");
        assertThat(north).isEqualTo("north");
        assertThat(read("north")).isSameAs(north);
        assertThat(read("south")).isEqualTo("south").isNotSameAs(north);
        assertThat(read("nort")).isEqualTo("nort");
        assertThat(read("")).isEmpty();
    }

    @Test
    void decodesUtf8() {
        assertThat(read("Zürich – 東京")).isEqualTo("Zürich – 東京");
        assertThat(read("Zürich – 東京")).isSameAs(read("Zürich – 東京"));
    }

    @Test
    void longTextIsDecodedEveryTime() {
        String text = "x".repeat(InPlaceStrings.MAX_LENGTH + 1);
        String first = read(text);
        assertThat(first).isEqualTo(text);
        assertThat(read(text)).isEqualTo(text).isNotSameAs(first);
    }

    @Test
    void staysRightOnceTheTableIsFull() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(read("value-" + i)).isEqualTo("value-" + i);
        }
        for (int i = 0; i < 10_000; i += 97) {
            assertThat(read("value-" + i)).isEqualTo("value-" + i);
        }
    }

    private String read(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        PageUtils.putBytes(memory, 7, bytes);
        return strings.read(memory + 7, bytes.length);
    }
}
