package io.affinitygrid.shell.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class SampleDataTest {

    @Test
    void sameSeedAndIdGiveTheSameOrder() {
        assertThat(SampleOrder.generate(7, 42)).isEqualTo(SampleOrder.generate(7, 42));
        assertThat(SampleOrder.generate(7, 42)).isNotEqualTo(SampleOrder.generate(8, 42));
    }

    @Test
    void ordersHaveTwoDecimalAmountsAndKnownRegions() {
        SampleData data = SampleData.standard();
        for (long id = 1; id <= 5000; id++) {
            SampleOrder order = data.order(id);
            assertThat(order.id()).isEqualTo(id);
            assertThat(SampleOrder.REGIONS).contains(order.region());
            assertThat(BigDecimal.valueOf(order.amount()).scale()).isLessThanOrEqualTo(2);
            assertThat(order.amount()).isBetween(0.01, 999.99);
            assertThat(order.quantity()).isBetween(1, 20);
        }
    }

    @Test
    void sampleTextIsRepeatableAndMadeOfTheVocabulary() {
        assertThat(SampleText.line(1, 5)).isEqualTo(SampleText.line(1, 5));
        assertThat(SampleText.line(1, 5)).isNotEqualTo(SampleText.line(1, 6));
        for (long id = 1; id <= 200; id++) {
            String[] words = SampleText.line(SampleData.SEED, id).split(" ");
            assertThat(words.length).isBetween(4, 12);
            assertThat(SampleText.VOCABULARY).contains(words);
        }
    }
}
