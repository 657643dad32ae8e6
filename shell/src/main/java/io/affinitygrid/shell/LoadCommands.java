package io.affinitygrid.shell;

import java.io.PrintWriter;
import java.util.Locale;

import io.affinitygrid.client.GridMap;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** The {@code load} command: puts sample orders into a cache, with progress and timing. */
@Component
public class LoadCommands {

    private static final int BAR_WIDTH = 20;

    private final GridConnection connection;

    public LoadCommands(GridConnection connection) {
        this.connection = connection;
    }

    @Command(name = "load", group = GridCommandGroup.NAME,
            description = "Load sample orders (keys 1..N) into a cache, with progress and timing",
            help = """
                    load [--cache <cache>] [--count <N>] - load sample orders.

                    Puts orders 1..N into the cache, 1000 per request, and prints the progress every 10 % and
                    then the elapsed time and rate. The orders are always the same for the same id (a fixed
                    seed), so loading twice overwrites them with equal values. Each order has the fields id,
                    customer, region (north/south/east/west), amount (two decimals) and quantity.

                    Example:
                      load --cache orders --count 100000
                      compute sum --cache orders --field amount""",
            exitStatusExceptionMapper = ShellErrors.MAPPER)
    public void load(CommandContext context,
            @Option(longName = "cache", description = "the cache to load", defaultValue = GridConnection.ORDERS) String cache,
            @Option(longName = "count", description = "number of orders, keys 1..count", defaultValue = "10000") String count) {
        ShellErrors.run(context, () -> {
            long total = Inputs.positiveCount("count", count);
            GridMap<Long, SampleOrder> orders = connection.grid().map(Inputs.requireText("cache", cache), Long.class, SampleOrder.class);
            PrintWriter out = context.outputWriter();
            long started = System.nanoTime();
            Progress progress = new Progress(out, total);
            SampleData.standard().load(orders, total, progress::update);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(String.format(Locale.ROOT, "Loaded %,d orders into '%s' in %.2f s (%,.0f orders/s)",
                    total, cache, seconds, total / Math.max(seconds, 1e-9)));
        });
    }

    /** Prints a progress line each time another tenth of the orders is loaded. */
    private static final class Progress {

        private final PrintWriter out;
        private final long total;
        private int tenthsShown;

        Progress(PrintWriter out, long total) {
            this.out = out;
            this.total = total;
        }

        void update(long loaded) {
            int tenths = (int) (loaded * 10 / total);
            if (tenths > tenthsShown) {
                tenthsShown = tenths;
                int filled = tenths * BAR_WIDTH / 10;
                out.println(String.format(Locale.ROOT, "[%s%s] %3d%%  %,d / %,d", "#".repeat(filled),
                        " ".repeat(BAR_WIDTH - filled), tenths * 10, loaded, total));
                out.flush();
            }
        }
    }
}
