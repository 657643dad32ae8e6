package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GridConfigTest {

    @Test
    void acceptsHostPortAndHostAloneAndCommaSeparatedLists() {
        GridConfig config = GridConfig.builder()
                .addresses("10.0.0.1:10801", "grid-b")
                .addresses(List.of("10.0.0.3:10802, 10.0.0.4:10803"))
                .build();

        assertThat(config.addresses()).containsExactly(
                "10.0.0.1:10801", "grid-b:" + GridConfig.DEFAULT_PORT, "10.0.0.3:10802", "10.0.0.4:10803");
        assertThat(config.connectTimeout()).isPositive();
        assertThat(config.requestTimeout()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "host:", ":10800", "host:port", "host:0", "host:65536", "host:-1", "a:1,,b:2"})
    void rejectsBlankAndMalformedAddresses(String address) {
        assertThatThrownBy(() -> GridConfig.builder().addresses(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("addresses:");
    }

    @Test
    void rejectsNullAddresses() {
        assertThatThrownBy(() -> GridConfig.builder().addresses((String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be null");
    }

    @Test
    void requiresAtLeastOneAddress() {
        assertThatThrownBy(() -> GridConfig.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one node address");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(longs = {0, -1})
    void rejectsNonPositiveConnectTimeouts(Long millis) {
        Duration timeout = millis == null ? null : Duration.ofMillis(millis);
        assertThatThrownBy(() -> GridConfig.builder().connectTimeout(timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("connectTimeout must be positive");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(longs = {0, -1})
    void rejectsNonPositiveRequestTimeouts(Long millis) {
        Duration timeout = millis == null ? null : Duration.ofMillis(millis);
        assertThatThrownBy(() -> GridConfig.builder().requestTimeout(timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requestTimeout must be positive");
    }
}
