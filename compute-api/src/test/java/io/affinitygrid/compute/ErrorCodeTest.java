package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void aTokenCarriesDetailsThatClientsReadWithoutReadingProse() {
        GridTaskException raised = new GridTaskException(ErrorCode.PARTITIONS_LOST, Map.of("partition", 7),
                "Partitions [7, 9] of map 'orders' lost every copy");
        RuntimeException received = new RuntimeException("Ignite failed to process request [3]: class "
                + "org.apache.ignite.IgniteException: " + raised.getMessage() + "\nCaused by: ...");

        assertThat(raised.getMessage()).startsWith("[GRID-MAP-2 partition=7] ");
        assertThat(ErrorCode.find(received)).contains(ErrorCode.PARTITIONS_LOST);
        assertThat(ErrorCode.PARTITIONS_LOST.detail(received, "partition")).contains("7");
        assertThat(ErrorCode.PARTITIONS_LOST.detail(received, "map")).isEmpty();
        assertThat(ErrorCode.PARTITIONS_LOST.reason(received)).contains("Partitions [7, 9] of map 'orders' lost every copy");
        assertThat(ErrorCode.UNKNOWN_MAP.detail(received, "partition")).isEmpty();
        assertThat(raised.code()).isEqualTo(ErrorCode.PARTITIONS_LOST);
        assertThat(raised.reason()).isEqualTo("Partitions [7, 9] of map 'orders' lost every copy");
    }

    @Test
    void tokensWithoutDetailsReadAsBefore() {
        assertThat(ErrorCode.find("x [GRID-CMP-3] busy")).contains(ErrorCode.BUSY);
        assertThat(ErrorCode.BUSY.reason(new RuntimeException("[GRID-CMP-3] busy now\nmore"))).contains("busy now");
        assertThat(ErrorCode.find("[GRID-CMP-99] nothing")).isEmpty();
    }

    @Test
    void detailsThatWouldBreakTheTokenAreRefused() {
        assertThatThrownBy(() -> ErrorCode.UNKNOWN_MAP.token(Map.of("map", "two words"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorCode.UNKNOWN_MAP.token(Map.of("map", "a]b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
