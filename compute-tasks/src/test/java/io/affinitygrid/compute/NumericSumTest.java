package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class NumericSumTest {

    @Test
    void sumsDecimalsExactly() {
        NumericSum sum = new NumericSum();
        sum.add(0.1);
        sum.add(0.2);
        assertThat(sum.value()).isEqualByComparingTo("0.3");
        assertThat(sum.count()).isEqualTo(2);
    }

    @Test
    void mixesIntegralAndDecimalTypes() {
        NumericSum sum = new NumericSum();
        sum.add(1);
        sum.add(2L);
        sum.add((short) 3);
        sum.add((byte) 4);
        sum.add(0.5f);
        sum.add(new BigDecimal("10.25"));
        sum.add(BigInteger.TEN);
        assertThat(sum.value()).isEqualByComparingTo("30.75");
        assertThat(sum.count()).isEqualTo(7);
    }

    @Test
    void spillsToBigDecimalOnLongOverflow() {
        NumericSum sum = new NumericSum();
        sum.add(Long.MAX_VALUE);
        sum.add(Long.MAX_VALUE);
        sum.add(1L);
        assertThat(sum.value()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2)).add(BigDecimal.ONE));

        NumericSum negative = new NumericSum();
        negative.add(Long.MIN_VALUE);
        negative.add(-1L);
        assertThat(negative.value()).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE).subtract(BigDecimal.ONE));
    }

    @Test
    void mergesPartials() {
        NumericSum a = new NumericSum();
        a.add(Long.MAX_VALUE);
        a.add(0.25);
        NumericSum b = new NumericSum();
        b.add(Long.MAX_VALUE);
        b.add(0.75);
        a.addAll(b);
        assertThat(a.value()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2)).add(new BigDecimal("1.00")));
        assertThat(a.count()).isEqualTo(4);
    }

    @Test
    void refusesNonNumbersAndNonFiniteValues() {
        NumericSum sum = new NumericSum();
        assertThat(sum.add("12")).isFalse();
        assertThat(sum.count()).isZero();
        assertThatThrownBy(() -> sum.add(Double.NaN)).isInstanceOf(ArithmeticException.class).hasMessageContaining("NaN");
    }

    @Test
    void fastDoublePathGivesTheDecimalOfDoubleToString() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextInt(-10_000_000, 10_000_000) / 100.0;
                case 1 -> random.nextInt(-100_000, 100_000) / 10_000.0;
                case 2 -> random.nextDouble(-1e8, 1e8);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (!Double.isFinite(d)) {
                continue;
            }
            NumericSum fast = new NumericSum();
            if (fast.addFast(d)) {
                assertThat(fast.value()).as("%s", d).isEqualTo(BigDecimal.valueOf(d));
            }
        }
    }

    @Test
    void keepsTheScaleOfTheDecimalSum() {
        NumericSum sum = new NumericSum();
        sum.add(1.0);
        sum.add(2.5);
        sum.add(-0.0);
        sum.add(0.125);
        assertThat(sum.value()).isEqualTo(BigDecimal.valueOf(1.0).add(BigDecimal.valueOf(2.5)).add(BigDecimal.valueOf(-0.0))
                .add(BigDecimal.valueOf(0.125)));
        NumericSum other = new NumericSum();
        other.add(1e-7);
        other.add(12345678.9);
        sum.addAll(other);
        assertThat(sum.value()).isEqualTo(new BigDecimal("3.625").add(BigDecimal.valueOf(1e-7)).add(BigDecimal.valueOf(12345678.9)));
        assertThat(sum.count()).isEqualTo(6);
    }
}
