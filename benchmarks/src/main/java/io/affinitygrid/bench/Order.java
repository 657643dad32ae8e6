package io.affinitygrid.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's record: an order with a region (the group-by field) and an amount (the summed field).
 * A plain final class, not a record, because Ignite's binary marshaller cannot set a record's final fields.
 * On the grid it is a binary object with the fields {@code id}, {@code region}, {@code amount},
 * {@code quantity}; the nodes read the fields without this class.
 */
public final class Order {

    /** Values of {@link #region()}: the groups of the group-by. */
    public static final List<String> REGIONS = List.of("north", "south", "east", "west", "centre", "coast", "hills", "islands");

    private final long id;
    private final String region;
    private final double amount;
    private final int quantity;

    public Order(long id, String region, double amount, int quantity) {
        this.id = id;
        this.region = region;
        this.amount = amount;
        this.quantity = quantity;
    }

    /** The order with this id: the same id always gives the same order. */
    public static Order generate(long id) {
        SplittableRandom random = new SplittableRandom(0x9E3779B97F4A7C15L * (id + 1));
        return new Order(id, REGIONS.get(random.nextInt(REGIONS.size())), random.nextInt(1, 100_000) / 100.0,
                random.nextInt(1, 21));
    }

    public long id() {
        return id;
    }

    public String region() {
        return region;
    }

    public double amount() {
        return amount;
    }

    public int quantity() {
        return quantity;
    }
}
