package io.affinitygrid.shell.commands;

import static io.affinitygrid.shell.commands.GridShellCommandsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.jayway.jsonpath.DocumentContext;
import io.affinitygrid.shell.EmbeddedGridShellTest;
import io.affinitygrid.shell.TableOutput;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.shell.sample.SampleOrder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.test.ShellTestClient;

/**
 * The catalog of computations, as tables and as JSON, checked against the sample data computed here. Shares
 * the embedded grid of {@link EmbeddedGridShellTest}, which other tests may have loaded with more standard
 * orders: the expected values are computed over the orders there are.
 */
@EmbeddedGridShellTest
class ComputeCommandsTest {

    @Autowired
    ShellTestClient client;

    @Autowired
    GridConnection connection;

    @Autowired
    CommandRegistry registry;

    private List<SampleOrder> orders;

    @BeforeEach
    void sampleOrdersOnTheGrid() {
        long size = connection.grid().map(GridConnection.ORDERS, Long.class, SampleOrder.class).size();
        orders = LongStream.rangeClosed(1, size).mapToObj(SampleData.standard()::order).toList();
    }

    @Test
    void countWithAndWithoutAFilter() throws Exception {
        assertThat(TableOutput.rows(client.sendCommand("compute count --map orders").lines(), "count").get(0).get("count"))
                .isEqualTo(Integer.toString(orders.size()));
        DocumentContext big = json(client.sendCommand("compute count --map orders --where \"amount > 500\" --json"));
        assertThat(big.read("$.operation", String.class)).isEqualTo("count");
        assertThat(big.read("$.where", String.class)).isEqualTo("amount > 500");
        assertThat(big.read("$.count", Long.class)).isEqualTo(count(o -> o.amount() > 500));
        assertThat(big.read("$.elapsedMs", Long.class)).isNotNegative();
    }

    @Test
    void avgMinMaxAndStatsOfAField() throws Exception {
        BigDecimal sum = orders.stream().map(o -> BigDecimal.valueOf(o.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        double min = orders.stream().mapToDouble(SampleOrder::amount).min().orElseThrow();
        double max = orders.stream().mapToDouble(SampleOrder::amount).max().orElseThrow();

        Map<String, String> stats = TableOutput.rows(client.sendCommand("compute stats --map orders --field amount").lines(), "field").get(0);
        assertThat(stats).containsEntry("count", Integer.toString(orders.size())).containsEntry("values", Integer.toString(orders.size()));
        assertThat(new BigDecimal(stats.get("sum"))).isEqualByComparingTo(sum);
        assertThat(Double.parseDouble(stats.get("min"))).isEqualTo(min);
        assertThat(Double.parseDouble(stats.get("max"))).isEqualTo(max);
        assertThat(stats.get("average")).matches("\\d+\\.\\d{4}");

        assertThat(json(client.sendCommand("compute min --map orders --field amount --json")).read("$.min", Double.class)).isEqualTo(min);
        assertThat(TableOutput.rows(client.sendCommand("compute max --map orders --field amount").lines(), "max").get(0).get("max"))
                .isEqualTo(Double.toString(max));
        BigDecimal average = json(client.sendCommand("compute avg --map orders --field amount --json")).read("$.avg", BigDecimal.class);
        assertThat(average.multiply(BigDecimal.valueOf(orders.size())).subtract(sum).abs()).isLessThan(new BigDecimal("0.001"));

        // avg, min and max are figures of the SDK's statistics of the field: the same as 'compute stats' gives
        DocumentContext statsJson = json(client.sendCommand("compute stats --map orders --field amount --where \"region = east\" --json"));
        assertThat(statsJson.read("$.map", String.class)).isEqualTo("orders");
        assertThat(statsJson.read("$.cache", String.class)).as("the deprecated key, for older scripts").isEqualTo("orders");
        assertThat(json(client.sendCommand("compute avg --map orders --field amount --where \"region = east\" --json"))
                .read("$.avg", BigDecimal.class)).isEqualByComparingTo(statsJson.read("$.average", BigDecimal.class));
        assertThat(json(client.sendCommand("compute min --map orders --field amount --where \"region = east\" --json"))
                .read("$.min", Double.class)).isEqualTo(statsJson.read("$.min", Double.class));
        assertThat(json(client.sendCommand("compute max --map orders --field amount --where \"region = east\" --json"))
                .read("$.max", Double.class)).isEqualTo(statsJson.read("$.max", Double.class));
    }

    @Test
    void everyComputationTakesTheSharedOptions() {
        List<Command> computations = registry.getCommandsByPrefix("compute ").stream()
                .filter(command -> !command.getName().equals("compute run") && !command.getName().equals("compute key")).toList();
        assertThat(computations).hasSize(12);
        for (Command command : computations) {
            List<CommandOption> options = command.getOptions();
            assertThat(options.get(0)).as(command.getName()).isEqualTo(ComputeOptions.MAP);
            assertThat(options.subList(options.size() - 3, options.size())).as(command.getName())
                    .containsExactly(ComputeOptions.WHERE, ComputeOptions.JSON, ComputeOptions.FORMAT);
            assertThat(command.getGroup()).isEqualTo(GridCommandGroup.COMPUTE);
        }
        assertThat(ComputeOptions.MAP.required()).isTrue();
        assertThat(ComputeOptions.JSON.type()).isEqualTo(boolean.class);
    }

    @Test
    void groupByCountsAndSumsEachGroupLargestFirst() throws Exception {
        Map<String, Long> expected = orders.stream().collect(Collectors.groupingBy(SampleOrder::region, TreeMap::new, Collectors.counting()));

        List<String> lines = client.sendCommand("compute group-by --map orders --by region --field quantity").lines();
        List<Map<String, String>> rows = TableOutput.rows(lines, "region");
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(row -> assertThat(Long.parseLong(row.get("count"))).isEqualTo(expected.get(row.get("region"))));
        assertThat(rows).extracting(row -> Long.parseLong(row.get("count"))).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        long quantityNorth = orders.stream().filter(o -> o.region().equals("north")).mapToLong(SampleOrder::quantity).sum();
        assertThat(rows).filteredOn(row -> row.get("region").equals("north")).singleElement()
                .satisfies(row -> assertThat(row.get("sum of quantity")).isEqualTo(Long.toString(quantityNorth)));
        assertThat(lines.get(lines.size() - 1)).startsWith("4 groups, ").endsWith(" ms");

        DocumentContext limited = json(client.sendCommand("compute group-by --map orders --by region --limit 2 --where \"quantity >= 10\" --json"));
        assertThat(limited.read("$.groupCount", Integer.class)).isEqualTo(4);
        List<Map<String, Object>> groups = limited.read("$.groups");
        assertThat(groups).hasSize(2);
        String first = (String) groups.get(0).get("group");
        assertThat(((Number) groups.get(0).get("count")).longValue()).isEqualTo(count(o -> o.region().equals(first) && o.quantity() >= 10));
    }

    @Test
    void topAndBottomEntriesOfAField() throws Exception {
        List<SampleOrder> byAmount = orders.stream().sorted((a, b) -> Double.compare(b.amount(), a.amount())).toList();

        List<String> lines = client.sendCommand("compute top --map orders --field amount --limit 3").lines();
        List<Map<String, String>> top = TableOutput.rows(lines, "key");
        assertThat(top).extracting(row -> Double.parseDouble(row.get("amount")))
                .containsExactly(byAmount.get(0).amount(), byAmount.get(1).amount(), byAmount.get(2).amount());
        assertThat(top.get(0)).containsEntry("#", "1").containsEntry("customer", byAmount.get(0).customer());
        assertThat(lines.get(lines.size() - 1)).startsWith("3 entries with the largest amount, ");

        DocumentContext bottom = json(client.sendCommand("compute bottom --map orders --field amount --limit 1 --where \"region = west\" --json"));
        SampleOrder cheapestWest = orders.stream().filter(o -> o.region().equals("west"))
                .min((a, b) -> Double.compare(a.amount(), b.amount())).orElseThrow();
        assertThat(bottom.read("$.entries[0].key", Long.class)).isEqualTo(cheapestWest.id());
        assertThat(bottom.read("$.entries[0].fields.region", String.class)).isEqualTo("west");
    }

    @Test
    void distinctValuesAndWordCounts() throws Exception {
        long customers = orders.stream().map(SampleOrder::customer).distinct().count();
        assertThat(TableOutput.rows(client.sendCommand("compute distinct --map orders --field customer").lines(), "distinct").get(0))
                .containsEntry("distinct", Long.toString(customers));

        Map<String, Long> expected = LongStream.rangeClosed(1, EmbeddedGridShellTest.SAMPLE_LINES)
                .mapToObj(SampleData.standard()::line)
                .flatMap(line -> Arrays.stream(line.split(" ")))
                .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        List<Map<String, String>> words = TableOutput.rows(client.sendCommand("compute words --map words --limit 3").lines(), "word");
        assertThat(words).hasSize(3);
        assertThat(words.get(0)).containsEntry("#", "1").containsEntry("word", "the");
        assertThat(words).allSatisfy(row -> assertThat(Long.parseLong(row.get("count"))).isEqualTo(expected.get(row.get("word"))));

        DocumentContext json = json(client.sendCommand("compute words --map words --limit 2 --json"));
        assertThat(json.read("$.field", String.class)).isEqualTo("_value");
        assertThat(json.read("$.words[0].count", Long.class)).isEqualTo(expected.get("the"));
    }

    @Test
    void aCombinedFilterCountsWhatTheSameConditionsCountHere() throws Exception {
        long expected = orders.stream().filter(o -> (o.region().equals("north") || o.region().equals("east"))
                && !(o.amount() >= 100 && o.amount() <= 500) && !o.customer().startsWith("customer-1")).count();
        DocumentContext json = json(client.sendCommand("compute count --map orders --where \"region IN (north, 'east') and not"
                + " amount between 100 and 500 and not customer starts with customer-1\" --json"));
        assertThat(json.read("$.count", Long.class)).isEqualTo(expected).isPositive();

        assertThat(client.sendCommand("compute count --map orders --where \"amount > 5 and\"").lines()).singleElement().asString()
                .startsWith("Error: Cannot read the filter 'amount > 5 and' at position 15: expected a field name, found the end of the filter.");
    }

    @Test
    void computationErrorsAreOneLine() throws Exception {
        assertThat(client.sendCommand("compute count --map orders --where \"amount >\"").lines()).singleElement().asString()
                .startsWith("Error: Cannot read the filter 'amount >'");
        assertThat(client.sendCommand("compute stats --map orders --field amout").lines()).containsExactly(
                "Error: No entry of map 'orders' has a field 'amout'. Did you mean 'amount'? Fields of its entries: amount, customer,"
                        + " id, quantity, region.");
        assertThat(client.sendCommand("compute count --map ordres").lines()).containsExactly(
                "Error: No map named 'ordres' on the grid. Did you mean 'orders'? Maps on the grid: [orders, words].");
        assertThat(client.sendCommand("compute top --map orders --field amount --limit many").lines())
                .containsExactly("Error: --limit must be a whole number, got 'many'");
        assertThat(client.sendCommand("compute update --map orders --field amount --factor lots").lines())
                .containsExactly("Error: --factor must be a number, got 'lots'");
    }

    private long count(Predicate<SampleOrder> filter) {
        return orders.stream().filter(filter).count();
    }
}
