package io.affinitygrid.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A test value: a plain final class, which Ignite's binary marshaller stores field by field (records are
 * not supported by it; see {@code GridMapTest#recordValuesAreRejectedWithAGridException}).
 */
final class Order {

    private final long id;
    private final String customer;
    private final double amount;
    private final Instant createdAt;

    Order(long id, String customer, double amount, Instant createdAt) {
        this.id = id;
        this.customer = customer;
        this.amount = amount;
        this.createdAt = createdAt;
    }

    long id() {
        return id;
    }

    String customer() {
        return customer;
    }

    double amount() {
        return amount;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other && id == other.id && customer.equals(other.customer)
                && Double.compare(amount, other.amount) == 0 && createdAt.equals(other.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, customer, amount, createdAt);
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + customer + ", " + amount + ", " + createdAt + "]";
    }
}
