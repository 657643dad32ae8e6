package io.affinitygrid.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.affinitygrid.compute.SumResult;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Computations that run on the grid nodes, next to the data: {@code compute sum}. */
@Component
public class ComputeCommands {

    private static final int AVERAGE_SCALE = 4;

    private final GridConnection connection;

    public ComputeCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "compute sum", group = GridCommandGroup.NAME,
            description = "Count the entries of a cache and sum a numeric field, on the nodes that hold them",
            help = """
                    compute sum --cache <cache> --field <field> - count and sum, co-located.

                    Each partition is scanned by its primary node, reading the field from the stored form of
                    the values, and only the partial sums travel. Prints the number of entries, how many had
                    the field, the exact sum, the average, the number of partitions scanned and the elapsed
                    time. Fails when the field is not numeric or no entry has it.

                    Example:
                      compute sum --cache orders --field amount""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void sum(CommandContext context,
            @Option(longName = "cache", description = "the cache to scan", required = true) String cache,
            @Option(longName = "field", description = "the numeric field of the values to sum", required = true) String field) {
        ShellErrors.run(context, () -> {
            String map = Inputs.requireText("cache", cache);
            String name = Inputs.requireText("field", field);
            var grid = connection.grid();
            long started = System.nanoTime();
            SumResult result = grid.compute().sum(map, name);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            if (result.count() > 0 && result.summed() == 0) {
                throw new IllegalArgumentException("None of the " + result.count() + " entries of '" + map
                        + "' has a field '" + name + "'");
            }
            context.outputWriter().println(render(result, elapsedMillis));
        });
    }

    static String render(SumResult result, long elapsedMillis) {
        BigDecimal average = result.average();
        return TextTable.withHeader("count", "summed", "sum", "average", "partitions", "elapsed ms")
                .alignRight(0, 1, 2, 3, 4, 5)
                .row(result.count(), result.summed(), result.sum().toPlainString(),
                        average == null ? "-" : average.setScale(AVERAGE_SCALE, RoundingMode.HALF_EVEN).toPlainString(),
                        result.partitions(), elapsedMillis)
                .render();
    }
}
