package io.affinitygrid.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FilterTest {

    private static final Map<String, Object> ORDER = Map.of("amount", 150.25, "quantity", 7, "region", "north",
            "customer", "customer-17", "paid", true);

    private static boolean matches(String text, Map<String, Object> entry) {
        Filter filter = Filter.parse(text);
        return filter.matches(new Filter.FieldSource() {
            @Override
            public Object value(int index) {
                return entry.get(name(index));
            }

            @Override
            public String name(int index) {
                return filter.fields().get(index);
            }
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "amount > 100                                               | true",
            "amount >= 150.25 and quantity < 7                          | false",
            "amount >= 150.25 AND quantity <= 7                         | true",
            "region = south or quantity = 7                             | true",
            "region in (south, north)                                   | true",
            "region not in (south, north)                               | false",
            "not region in ('south', \"east\")                          | true",
            "amount between 150.25 and 200                              | true",
            "amount between 150.26 and 200                              | false",
            "quantity between 1 and 6 or amount between 100 and 151     | true",
            "customer starts with customer-1                            | true",
            "customer starts with 'customer-2'                          | false",
            "region = north and (quantity > 10 or amount > 150)         | true",
            "region = north and quantity > 10 or amount > 150           | true",
            "region = north and not (quantity > 10 or amount > 150)     | false",
            "paid = true and paid in (true)                             | true",
            "nosuch = 1                                                 | false",
            "not nosuch = 1                                             | true",
            "amount > -5                                                | true",
    })
    void evaluates(String text, boolean expected) {
        assertThat(matches(text, ORDER)).isEqualTo(expected);
    }

    @Test
    void readsBackWhatItParsedAndListsEachFieldOnce() {
        Filter filter = Filter.parse("region IN ( south ,north ) and not(amount between 1 and 2 or amount > 5)");
        assertThat(filter.fields()).containsExactly("region", "amount");
        assertThat(filter).hasToString("region in (south, north) and not (amount between 1 and 2 or amount > 5)");
        assertThat(Filter.parse(filter.toString())).isEqualTo(filter);
        assertThat(filter.isSimple()).isFalse();

        Filter simple = Filter.parse("amount >= 10");
        assertThat(simple.isSimple()).isTrue();
        assertThat(simple.op()).isEqualTo(Filter.Op.GE);
        assertThat(simple.operand()).isEqualTo("10");
        assertThat(simple.test(10)).isTrue();
        assertThat(new Filter("region", Filter.Op.EQ, "north america")).isEqualTo(Filter.parse("region = 'north america'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "amount > 5 and                 | at position 15: expected a field name, found the end of the filter",
            "amount > 5 region = north      | at position 12: expected 'and', 'or' or the end of the filter, found 'region = nor'",
            "(amount > 5                    | at position 12: expected ')', found the end of the filter",
            "region in north                | at position 11: expected '(' and a list of values",
            "region in (north south)        | at position 18: expected ',' or ')', found 'south)'",
            "amount between 1 or 2          | at position 18: expected 'and' between the two bounds, found 'or 2'",
            "customer starts 'c'            | at position 17: expected 'with' after 'starts'",
            "region = 'north                | at position 10: expected the closing ' of the value",
            "amount ~ 5                     | at position 8: expected an operator (=, !=, <, <=, >, >=, in (...), between ... and ..., starts with), found '~ 5'",
            "region not = north             | at position 12: expected 'in' after 'not'",
    })
    void malformedFiltersSayWhereAndWhat(String text, String where) {
        assertThatIllegalArgumentException().isThrownBy(() -> Filter.parse(text))
                .withMessageStartingWith("Cannot read the filter '" + text + "' " + where);
    }

    @Test
    void aNumericFieldComparedWithTextSaysWhich() {
        Map<String, Object> entry = new HashMap<>(ORDER);
        assertThatIllegalArgumentException().isThrownBy(() -> matches("amount in (1, lots)", entry))
                .withMessage("Field 'amount' is numeric but the filter compares it with 'lots', which is not a number");
        assertThat(Filter.parse("amount in (1, 150.25) or amount > 2").fields()).containsExactly("amount");
    }
}
