package io.affinitygrid.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.affinitygrid.shell.EmbeddedGridShellTest;
import io.affinitygrid.shell.connection.GridConnection;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;

/**
 * TAB completion as the interactive shell does it: the line is split by the shell's JLine parser and
 * completed by Spring Shell's CommandCompleter (command and option names; see {@link io.affinitygrid.shell.Completions}), which asks
 * {@link GridCompletion} for option values: map names and field names from the embedded grid.
 */
@EmbeddedGridShellTest
class CompletionTest {

    @Autowired
    CommandRegistry registry;

    @Autowired
    GridCompletion completion;

    @Autowired
    GridConnection connection;


    @Test
    void commandNames() {
        assertThat(complete("comp")).contains("compute sum", "compute count", "compute group-by", "compute words")
                .allMatch(value -> value.startsWith("compute "));
        assertThat(complete("compute s")).containsExactlyInAnyOrder("sum", "stats");
        assertThat(complete("part")).containsExactly("partitions");
    }

    @Test
    void commandNamesAfterHelp() {
        assertThat(complete("help top")).containsExactly("topology");
        assertThat(complete("help compute s")).containsExactlyInAnyOrder("sum", "stats");
        assertThat(complete("help comp")).contains("compute sum", "compute group-by").allMatch(value -> value.startsWith("compute "));
        assertThat(complete("help compute sum ")).as("help takes no options of the command").noneMatch(value -> value.startsWith("-"));
    }

    @Test
    void debugIsProposedWithTheCommandsOptionsOnce() {
        assertThat(complete("compute sum --map orders --")).contains("--field", "--debug");
        assertThat(complete("topology --")).contains("--debug");
        assertThat(complete("compute sum --debug --")).doesNotContain("--debug").contains("--map");
        assertThat(complete("comp")).doesNotContain("--debug");
    }

    @Test
    void optionNamesOfTheCommandNotYetGiven() {
        assertThat(complete("compute sum --map orders ")).contains("--field", "--where", "--json").doesNotContain("--map");
        assertThat(complete("compute sum --")).as("the deprecated --cache is not proposed").contains("--map").doesNotContain("--cache");
    }

    @Test
    void mapNames() {
        connection.grid();
        assertThat(complete("compute sum --map ")).containsExactly("orders", "words");
        assertThat(complete("scan -m ")).containsExactly("orders", "words");
        assertThat(complete("compute sum --map=")).containsExactly("--map=orders", "--map=words");
    }

    @Test
    void fieldNamesOfTheCacheOnTheLine() {
        connection.grid();
        assertThat(complete("compute sum --map orders --field ")).as("only numbers can be summed").containsExactly("amount", "id", "quantity");
        assertThat(complete("compute top --map orders --field ")).as("text can be ranked")
                .containsExactly("amount", "customer", "id", "quantity", "region");
        assertThat(complete("compute group-by --map orders --by ")).contains("region");
        assertThat(complete("compute words --map words --field ")).containsExactly("_value");
        assertThat(complete("compute sum --field ")).as("no map on the line").isEmpty();
        assertThat(complete("compute distinct --cache orders --field ")).as("the deprecated --cache names the map too")
                .containsExactly("amount", "customer", "id", "quantity", "region");
    }

    @Test
    void otherValues() {
        assertThat(complete("load --type ")).containsExactly("orders", "words");
        assertThat(complete("connect ")).contains("embedded");
        assertThat(complete("get --map orders --key ")).isEmpty();
    }

    @Test
    void fieldNamesInsideAFilter() {
        connection.grid();
        assertThat(complete("compute count --map orders --where \"region = north and am")).as(String.valueOf(complete(
                "compute count --map orders --where \"region = north and am"))).singleElement().asString().endsWith("region = north and amount");
        assertThat(complete("compute count --map orders --where re")).containsExactly("region");
        assertThat(GridCompletion.whereFields("amount > 5 or q", "", List.of("amount", "quantity")))
                .extracting(p -> p.value()).containsExactly("amount > 5 or quantity");
    }

    @Test
    void theProviderAloneForAnOptionValue() {
        connection.grid();
        var command = registry.getCommandByName("compute top");
        var option = command.getOptions().stream().filter(o -> "field".equals(o.longName())).findFirst().orElseThrow();
        List<String> words = List.of("compute", "top", "--map", "orders", "--field", "q");
        var proposals = completion.apply(new CompletionContext(words, 5, 1, command, option));
        assertThat(proposals).extracting(p -> p.value()).contains("quantity");
        assertThat(proposals).allSatisfy(p -> assertThat(p.category()).isEqualTo("field"));
    }

    private List<String> complete(String line) {
        return io.affinitygrid.shell.Completions.complete(registry, line);
    }
}
