package io.affinitygrid.node.boot.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.ignite.Ignite;

/**
 * Registers the meters of one map: as {@code grid.map.<suffix>} tagged {@code map=<name>} and, while the deprecated
 * aliases are kept ({@code grid.metrics.cache-meter-aliases}), also as {@code grid.cache.<suffix>} tagged
 * {@code cache=<name>}, the names they had before the grid called maps "maps" everywhere. Both read the same value.
 */
final class MapMeters {

    static final String PREFIX = "grid.map.";

    static final String ALIAS_PREFIX = "grid.cache.";

    private final MeterRegistry registry;
    private final Ignite node;
    private final List<Naming> namings;

    private record Naming(String prefix, Tags tags) {
    }

    MapMeters(MeterRegistry registry, Ignite node, String map, boolean aliases) {
        this.registry = registry;
        this.node = node;
        List<Naming> list = new ArrayList<>();
        list.add(new Naming(PREFIX, Tags.of("map", map)));
        if (aliases) {
            list.add(new Naming(ALIAS_PREFIX, Tags.of("cache", map)));
        }
        this.namings = List.copyOf(list);
    }

    void gauge(String suffix, Tags extra, ToDoubleFunction<Ignite> value, String description, String baseUnit) {
        for (Naming naming : namings) {
            Gauge.builder(naming.prefix() + suffix, node, value).tags(naming.tags().and(extra))
                    .description(description).baseUnit(baseUnit).register(registry);
        }
    }

    void counter(String suffix, Tags extra, ToDoubleFunction<Ignite> count, String description, String baseUnit) {
        for (Naming naming : namings) {
            FunctionCounter.builder(naming.prefix() + suffix, node, count).tags(naming.tags().and(extra))
                    .description(description).baseUnit(baseUnit).register(registry);
        }
    }

    void timeGauge(String suffix, Tags extra, TimeUnit unit, ToDoubleFunction<Ignite> value, String description) {
        for (Naming naming : namings) {
            TimeGauge.builder(naming.prefix() + suffix, node, unit, value).tags(naming.tags().and(extra))
                    .description(description).register(registry);
        }
    }
}
