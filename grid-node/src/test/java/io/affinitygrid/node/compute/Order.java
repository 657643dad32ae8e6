package io.affinitygrid.node.compute;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;

/**
 * One generated order: the test's own copy of what the grid holds, from which every expected result is
 * computed independently of the tasks under test. The amount is kept in cents so that its exact decimal
 * value never goes through a {@code double}.
 *
 * @param noteWords the words of {@code note} in lower case, as written (the expected tokens of a word count)
 */
record Order(long id, String customer, String region, long amountCents, int quantity, String note, List<String> noteWords) {

    /** Binary type name of the orders in the grid (no such class exists: values stay binary). */
    static final String TYPE = "test.Order";

    /** The fields every order has, as stored in the grid. */
    static final List<String> FIELDS = List.of("id", "customer", "region", "amount", "quantity", "note");

    double amount() {
        return amountCents / 100.0;
    }

    BigDecimal exactAmount() {
        return BigDecimal.valueOf(amountCents, 2);
    }

    /** The field as stored in the grid (Long, String, Double, Integer), or {@code null} for any other name. */
    Object field(String name) {
        return switch (name) {
            case "id" -> id;
            case "customer" -> customer;
            case "region" -> region;
            case "amount" -> amount();
            case "quantity" -> quantity;
            case "note" -> note;
            default -> null;
        };
    }

    /** The exact decimal value of a numeric field. */
    BigDecimal exact(String numericField) {
        return switch (numericField) {
            case "amount" -> exactAmount();
            case "id" -> BigDecimal.valueOf(id);
            case "quantity" -> BigDecimal.valueOf(quantity);
            default -> throw new IllegalArgumentException("not a numeric field of an order: " + numericField);
        };
    }

    /** The fields as stored in the grid, by name, in a new mutable map. */
    Map<String, Object> storedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        FIELDS.forEach(name -> fields.put(name, field(name)));
        return fields;
    }

    BinaryObject toBinary(IgniteBinary binary) {
        return binary.builder(TYPE)
                .setField("id", id)
                .setField("customer", customer)
                .setField("region", region)
                .setField("amount", amount())
                .setField("quantity", quantity)
                .setField("note", note)
                .build();
    }
}
