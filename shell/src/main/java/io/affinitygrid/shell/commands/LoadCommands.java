package io.affinitygrid.shell.commands;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.affinitygrid.client.Grid;
import io.affinitygrid.client.GridCapacityException;
import io.affinitygrid.client.GridInterruptedException;
import io.affinitygrid.shell.connection.GridCatalog;
import io.affinitygrid.shell.output.CommandFailedException;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.ShellSession;
import io.affinitygrid.shell.output.Json;
import io.affinitygrid.shell.output.Results;
import io.affinitygrid.shell.output.ProgressBar;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.shell.sample.SampleOrder;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** The {@code load} command: puts sample data into a map, with progress and timing. */
@Component
class LoadCommands {

    /** The sample data set of orders. */
    static final String ORDERS = "orders";

    /** The sample data set of lines of text. */
    static final String WORDS = "words";

    /** The sample data sets {@code load --type} knows. */
    static final List<String> TYPES = List.of(ORDERS, WORDS);

    private final GridConnection connection;
    private final GridCatalog catalog;
    private final ShellSession session;

    public LoadCommands(GridConnection connection, GridCatalog catalog, ShellSession session) {
        this.connection = connection;
        this.catalog = catalog;
        this.session = session;
    }

    @Command(name = "load", group = GridCommandGroup.DATA,
            description = "Load sample data (orders or lines of text, keys 1..N) into a map, with progress and timing",
            help = """
                    load [--map <map>] [--count <N>] [--type orders|words] [--json] - load sample data.

                    Puts entries 1..N into the map, 1000 per request, showing the progress, then prints the
                    elapsed time and rate. The data is always the same for the same key (a fixed seed), so
                    loading twice overwrites entries with equal values. When the grid's memory for the map
                    is full, the load stops with an error saying how many entries were written before it.
                      --type orders  (default) orders with the fields id, customer, region (north/south/east/
                                     west), amount (two decimals) and quantity (1-20); default map 'orders'
                      --type words   lines of text (plain String values) for 'compute words'; default map
                                     'words'

                    Examples:
                      load --map orders --count 100000
                      load --type words --count 5000
                      compute words --map words""",
            completionProvider = GridCompletion.NAME, exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void load(CommandContext context,
            @Option(longName = OptionNames.MAP, shortName = OptionNames.MAP_SHORT, description = "the map to load; by default 'orders' or 'words', after the type") String mapName,
            @Option(longName = "count", shortName = 'n', description = "number of entries, keys 1..count", defaultValue = "10000") String count,
            @Option(longName = "type", shortName = 't', description = "the sample data: orders or words", defaultValue = ORDERS) String type,
            @Option(longName = "json", description = "print the outcome as JSON") boolean json) {
        ShellErrors.run(context, () -> {
            String dataSet = type == null ? ORDERS : type.strip().toLowerCase(Locale.ROOT);
            if (!TYPES.contains(dataSet)) {
                throw new IllegalArgumentException("--type must be one of " + String.join(", ", TYPES) + ", got '" + type + "'");
            }
            long total = Inputs.positiveCount("count", count);
            String map = mapName == null ? dataSet : Inputs.requireText(OptionNames.MAP, mapName);
            Grid grid = connection.grid();
            PrintWriter out = context.outputWriter();
            long started = System.nanoTime();
            String unit = dataSet.equals(ORDERS) ? "orders" : "lines";
            long[] written = {0};
            try (ProgressBar progress = new ProgressBar(out, ProgressBar.Style.forLoading(session.isInteractive(), json), unit)) {
                if (dataSet.equals(ORDERS)) {
                    SampleData.standard().load(grid.map(map, Long.class, SampleOrder.class), total, done -> {
                        written[0] = done;
                        progress.update(done, total);
                    });
                }
                else {
                    SampleData.standard().loadLines(grid.map(map, Long.class, String.class), total, done -> {
                        written[0] = done;
                        progress.update(done, total);
                    });
                }
            }
            catch (GridCapacityException full) {
                throw new GridCapacityException(full.mapName(), String.format(Locale.ROOT,
                        "Load stopped: the grid is full after %,d of %,d %s were written to '%s' (keys 1..%d). %s",
                        written[0], total, unit, map, written[0], full.getMessage()), full);
            }
            catch (GridInterruptedException interrupted) {
                throw new CommandFailedException(String.format(Locale.ROOT, "Load interrupted: %,d of %,d %s were written to"
                        + " '%s' (keys 1..%d); the batch being written when it was interrupted may be partly written too.",
                        written[0], total, unit, map, written[0]), interrupted);
            }
            finally {
                catalog.forget(map);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = total / Math.max(seconds, 1e-9);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                Results.putMap(result, map);
                result.put("type", dataSet);
                result.put("count", total);
                result.put("elapsedMs", Math.round(seconds * 1000));
                result.put("perSecond", Math.round(rate));
                out.println(Json.write(result));
            }
            else {
                out.println(String.format(Locale.ROOT, "Loaded %,d %s into '%s' in %.2f s (%,.0f %s/s)", total,
                        dataSet.equals(ORDERS) ? "orders" : "lines", map, seconds, rate, dataSet.equals(ORDERS) ? "orders" : "lines"));
            }
        });
    }
}
