package io.affinitygrid.shell.sample;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An order of the sample data set: what the shell loads so that a newcomer can compute at once. Immutable.
 *
 * <p>A plain final class rather than a record: Ignite's binary marshaller reads and writes fields by
 * reflection, and cannot set the final fields of a record. On the grid an order is kept as a binary object
 * with the fields {@code id}, {@code customer}, {@code region}, {@code amount} and {@code quantity}; the
 * nodes read {@code amount} and {@code quantity} without this class.
 */
public final class SampleOrder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The regions an order comes from. */
    public static final List<String> REGIONS = List.of("north", "south", "east", "west");

    /** Number of distinct customers in the sample data. */
    public static final int CUSTOMERS = 500;

    private final long id;
    private final String customer;
    private final String region;
    private final double amount;
    private final int quantity;

    public SampleOrder(long id, String customer, String region, double amount, int quantity) {
        this.id = id;
        this.customer = Objects.requireNonNull(customer, "customer");
        this.region = Objects.requireNonNull(region, "region");
        this.amount = amount;
        this.quantity = quantity;
    }

    /**
     * The order with the given id in the sample data set of the given seed: the same id and seed always
     * give the same order. The amount is between 0.01 and 999.99 with two decimals; the quantity between 1
     * and 20.
     */
    public static SampleOrder generate(long seed, long id) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        String customer = "customer-" + (1 + random.nextInt(CUSTOMERS));
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        double amount = random.nextInt(1, 100_000) / 100.0;
        int quantity = random.nextInt(1, 21);
        return new SampleOrder(id, customer, region, amount, quantity);
    }

    public long id() {
        return id;
    }

    public String customer() {
        return customer;
    }

    /** One of {@link #REGIONS}. */
    public String region() {
        return region;
    }

    /** The amount, with two decimals. */
    public double amount() {
        return amount;
    }

    public int quantity() {
        return quantity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleOrder other && id == other.id && customer.equals(other.customer)
                && region.equals(other.region) && Double.compare(amount, other.amount) == 0
                && quantity == other.quantity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, customer, region, amount, quantity);
    }

    @Override
    public String toString() {
        return "SampleOrder[id=" + id + ", customer=" + customer + ", region=" + region + ", amount=" + amount
                + ", quantity=" + quantity + "]";
    }
}
