package io.affinitygrid.faults;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.affinitygrid.client.GridMap;

/**
 * The test data: an order with a whole-number amount, so that sums are exact and easy to predict. A plain
 * class with fields, as Ignite's binary marshaller wants; the nodes read its fields without the class.
 */
public final class Purchase {

    static final String[] REGIONS = {"north", "south", "east", "west"};

    private long id;
    private String region;
    private long amount;

    public Purchase() {
    }

    Purchase(long id, String region, long amount) {
        this.id = id;
        this.region = region;
        this.amount = amount;
    }

    /** Purchase {@code id} of the standard data set: amount 1 + id % 1000, region by id. */
    static Purchase standard(long id) {
        return new Purchase(id, REGIONS[(int) (id % REGIONS.length)], 1 + id % 1000);
    }

    /** Writes purchases 0 .. count-1 of the standard data set into {@code map}, in batches. */
    static void putStandard(GridMap<Long, Purchase> map, int count) {
        Map<Long, Purchase> batch = new HashMap<>();
        for (long id = 0; id < count; id++) {
            batch.put(id, standard(id));
            if (batch.size() == 1000) {
                map.putAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            map.putAll(batch);
        }
    }

    /** The sum of the amounts of purchases 0 .. count-1 of the standard data set. */
    static long standardSum(long count) {
        long sum = 0;
        for (long id = 0; id < count; id++) {
            sum += 1 + id % 1000;
        }
        return sum;
    }

    long id() { return id; }

    String region() { return region; }

    long amount() { return amount; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Purchase other && id == other.id && amount == other.amount && Objects.equals(region, other.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, region, amount);
    }

    @Override
    public String toString() {
        return "Purchase[" + id + ", " + region + ", " + amount + "]";
    }
}
