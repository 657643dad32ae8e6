package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    @Test
    void nearCachesAndTheMeterRegistryAreOptional() {
        GridConfig config = GridConfig.builder().addresses("a").build();
        assertThat(config.nearCaches()).isEmpty();
        assertThat(config.nearCache("orders")).isEmpty();
        assertThat(config.meterRegistry()).isEmpty();
    }

    @Test
    void nearCachesAreKeptByMapNameAndALaterOneReplacesAnEarlierOne() {
        NearCacheConfig small = NearCacheConfig.builder().maximumSize(10).build();
        NearCacheConfig aged = NearCacheConfig.builder().expireAfterWrite(Duration.ofMinutes(1)).expireAfterAccess(Duration.ofSeconds(10)).build();
        io.micrometer.core.instrument.MeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        GridConfig config = GridConfig.builder().addresses("a")
                .nearCache("orders", NearCacheConfig.defaults())
                .nearCache("customers", small)
                .nearCache("orders", aged)
                .meterRegistry(registry)
                .build();

        assertThat(config.nearCaches()).containsExactly(Map.entry("orders", aged), Map.entry("customers", small));
        assertThat(config.nearCache("customers")).contains(small);
        assertThat(config.meterRegistry()).containsSame(registry);
        assertThat(aged.maximumSize()).isEqualTo(NearCacheConfig.DEFAULT_MAXIMUM_SIZE);
        assertThat(aged.expireAfterWrite()).contains(Duration.ofMinutes(1));
        assertThat(aged.expireAfterAccess()).contains(Duration.ofSeconds(10));
        assertThat(small.expireAfterWrite()).isEmpty();
        assertThat(config.toString()).contains("nearCaches={orders=NearCacheConfig[maximumSize=10000, expireAfterWrite=PT1M,"
                + " expireAfterAccess=PT10S], customers=NearCacheConfig[maximumSize=10]}", "meterRegistry=SimpleMeterRegistry");
        assertThatThrownBy(() -> config.nearCaches().put("x", small)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nearCacheAndMeterRegistrySettersRejectBadValuesNamingTheSetting() {
        GridConfig.Builder builder = GridConfig.builder();
        assertThatThrownBy(() -> builder.nearCache(null, NearCacheConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("nearCache: the map name must not be null");
        assertThatThrownBy(() -> builder.nearCache(" ", NearCacheConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("nearCache: the map name must not be blank");
        assertThatThrownBy(() -> builder.nearCache("orders", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nearCache: the settings of map 'orders' must not be null; use NearCacheConfig.defaults()");
        assertThatThrownBy(() -> builder.meterRegistry(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("meterRegistry must not be null");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void nearCacheSizeMustBePositive(long size) {
        assertThatThrownBy(() -> NearCacheConfig.builder().maximumSize(size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximumSize must be positive, got " + size);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(longs = {0, -1})
    void nearCacheAgesMustBePositive(Long millis) {
        Duration age = millis == null ? null : Duration.ofMillis(millis);
        assertThatThrownBy(() -> NearCacheConfig.builder().expireAfterWrite(age))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expireAfterWrite must be positive");
        assertThatThrownBy(() -> NearCacheConfig.builder().expireAfterAccess(age))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expireAfterAccess must be positive");
    }

    @Test
    void nearCacheConfigsAreValues() {
        assertThat(NearCacheConfig.builder().maximumSize(5).build()).isEqualTo(NearCacheConfig.builder().maximumSize(5).build())
                .hasSameHashCodeAs(NearCacheConfig.builder().maximumSize(5).build())
                .isNotEqualTo(NearCacheConfig.defaults());
    }
}
