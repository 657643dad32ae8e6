package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SumArgumentTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null,amount,cache name", "'  ',amount,cache name", "orders,null,field", "orders,'',field"})
    void rejectsBlankCacheOrField(String cache, String field, String what) {
        assertThatThrownBy(() -> new SumArgument(cache, field))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The " + what + " must not be blank");
    }

    @ParameterizedTest
    @CsvSource({"orders,amount"})
    void keepsValidValues(String cache, String field) {
        SumArgument argument = new SumArgument(cache, field);
        assertThat(argument.cacheName()).isEqualTo("orders");
        assertThat(argument.field()).isEqualTo("amount");
        assertThat(argument).isEqualTo(new SumArgument("orders", "amount"));
    }
}
