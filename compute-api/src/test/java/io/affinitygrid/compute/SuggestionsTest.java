package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> FIELDS = List.of("amount", "customer", "id", "quantity", "region");

    @Test
    void aTypoOrTwoAwayGetsTheClosestName() {
        assertThat(Suggestions.closest("amout", FIELDS)).contains("amount");
        assertThat(Suggestions.closest("regoin", FIELDS)).as("two letters swapped are one edit").contains("region");
        assertThat(Suggestions.closest("quantty", FIELDS)).contains("quantity");
        assertThat(Suggestions.closest("Amount", FIELDS)).as("case alone").contains("amount");
    }

    @Test
    void aWordThatStartsANameGetsIt() {
        assertThat(Suggestions.closest("cust", FIELDS)).contains("customer");
        assertThat(Suggestions.closest("am", FIELDS)).as("two letters are too few to be a start").isEmpty();
    }

    @Test
    void nothingCloseGetsNothing() {
        assertThat(Suggestions.closest("discount", FIELDS)).isEmpty();
        assertThat(Suggestions.closest("ix", FIELDS)).as("short words allow one edit only").contains("id");
        assertThat(Suggestions.closest("xy", FIELDS)).isEmpty();
        assertThat(Suggestions.didYouMean("discount", FIELDS)).isEmpty();
        assertThat(Suggestions.didYouMean("amout", FIELDS)).isEqualTo(" Did you mean 'amount'?");
    }

    @Test
    void theNearestWinsAndTiesGoAlphabetically() {
        assertThat(Suggestions.closest("ordrs", List.of("order", "orders"))).as("one edit from orders, two from order").contains("orders");
        assertThat(Suggestions.closest("cat", List.of("hat", "bat"))).as("one edit from both: alphabetical").contains("bat");
        assertThat(Suggestions.closest("orderz", List.of("orders", "ordered"))).contains("orders");
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
