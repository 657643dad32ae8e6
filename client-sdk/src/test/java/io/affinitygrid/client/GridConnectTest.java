package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.affinitygrid.node.LoopbackPorts;
import org.junit.jupiter.api.Test;

/** Connecting without a grid: no cluster needed. */
class GridConnectTest {

    @Test
    void unreachableGridFailsFastWithTheAddressesTried() {
        String address = LoopbackPorts.HOST + ":" + LoopbackPorts.next();
        GridConfig config = GridConfig.builder().addresses(address).connectTimeout(Duration.ofMillis(500)).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> Grid.connect(config))
                .isInstanceOfSatisfying(GridUnavailableException.class, e -> assertThat(e.addresses()).containsExactly(address))
                .hasMessageStartingWith("Cannot reach the grid at [" + address + "]: Connection refused")
                .hasMessageContaining("Check that a grid node is running");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        assertThatThrownBy(() -> Grid.connect(GridConfig.builder().addresses("no-such-host.invalid:10800")
                .connectTimeout(java.time.Duration.ofSeconds(2)).build()))
                .isInstanceOf(GridUnavailableException.class)
                .hasMessage("Cannot reach the grid at [no-such-host.invalid:10800]: a host name does not resolve to an"
                        + " address. Check the host names (or give IP addresses).");
    }

    @Test
    void nullConfigIsRejected() {
        assertThatThrownBy(() -> Grid.connect(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("config must not be null");
    }
}
