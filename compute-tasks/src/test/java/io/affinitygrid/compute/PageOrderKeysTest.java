package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The rearranged links of the page-order scan: reversible, and sorted by page. */
class PageOrderKeysTest {

    @Test
    void sortKeysGiveBackTheirLinks() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long link = random.nextLong();
            assertThat(PageOrderScan.linkOf(PageOrderScan.sortKey(link))).isEqualTo(link);
        }
    }

    @Test
    void radixSortOrdersByPageIndex() {
        SplittableRandom random = new SplittableRandom(11);
        long[] keys = new long[50_000];
        for (int i = 0; i < keys.length; i++) {
            long link = (long) random.nextInt(200) << 56 | 1L << 48 | (long) random.nextInt(1024) << 32
                    | (random.nextLong() & 0xFFFF_FFFFL);
            keys[i] = PageOrderScan.sortKey(link);
        }
        long[] expected = Arrays.stream(keys).map(k -> k >>> 32).sorted().toArray();
        PageOrderScan.sortByPage(keys);
        assertThat(Arrays.stream(keys).map(k -> k >>> 32).toArray()).isEqualTo(expected);
    }
}
