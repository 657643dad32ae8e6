package io.affinitygrid.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Deterministic test orders: order {@code id} always has the same customer, amount and time. */
final class Orders {

    static final int BATCH = 1_000;
    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private Orders() {
    }

    /** Order {@code id}; its amount has two decimals, from 0.01 to 999.99. */
    static Order order(long id) {
        long cents = (id * 7_919) % 99_999 + 1;
        return new Order(id, "customer-" + (id % 97), cents / 100.0, EPOCH.plusSeconds(id * 37));
    }

    /** Writes orders {@code 0 .. count-1} through the SDK, {@value #BATCH} per call. */
    static void load(GridMap<Long, Order> map, int count) {
        for (long from = 0; from < count; from += BATCH) {
            Map<Long, Order> batch = new HashMap<>();
            for (long id = from; id < Math.min(count, from + BATCH); id++) {
                batch.put(id, order(id));
            }
            map.putAll(batch);
        }
    }

    /** The exact sum of the amounts of orders {@code 0 .. count-1}. */
    static BigDecimal amountSum(int count) {
        BigDecimal sum = BigDecimal.ZERO;
        for (long id = 0; id < count; id++) {
            sum = sum.add(BigDecimal.valueOf(order(id).amount()));
        }
        return sum;
    }

    /** Keys {@code from .. to-1}. */
    static Set<Long> keys(long from, long to) {
        return LongStream.range(from, to).boxed().collect(Collectors.toSet());
    }
}
