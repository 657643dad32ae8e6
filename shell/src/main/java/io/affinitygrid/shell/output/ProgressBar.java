package io.affinitygrid.shell.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

import io.affinitygrid.compute.TaskProgress;

/**
 * Shows how far a long operation has got. On a terminal, one line redrawn in place and erased at the end
 * (only once the operation has run for {@value #DELAY_MILLIS} ms, so that quick ones print nothing); in a
 * script or log, a line per tenth done ({@link Style#STEPS}), or nothing. Updates may come from any thread;
 * nothing is printed after {@link #close()}. Thread-safe.
 */
public final class ProgressBar implements Consumer<TaskProgress>, AutoCloseable {

    /** How the progress is shown. */
    public enum Style {
        /** One line, redrawn in place: for a terminal. */
        REDRAW,
        /** A new line each time another tenth is done: for logs. */
        STEPS,
        /** Nothing. */
        NONE;

        /** For a computation: redrawn on a terminal, else none (and none for JSON output). */
        public static Style forComputation(boolean interactive, boolean json) {
            return interactive && !json ? REDRAW : NONE;
        }

        /** For loading: redrawn on a terminal, a line per tenth elsewhere, none for JSON. */
        public static Style forLoading(boolean interactive, boolean json) {
            if (json) {
                return NONE;
            }
            return interactive ? REDRAW : STEPS;
        }
    }

    static final long DELAY_MILLIS = 300;

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final Style style;
    private final String unit;
    private final long started = System.nanoTime();
    private int drawnLength;
    private int tenthsShown;
    private boolean closed;

    public ProgressBar(PrintWriter out, Style style, String unit) {
        this.out = out;
        this.style = style;
        this.unit = unit;
    }

    /** For a computation: partitions done of the total. */
    @Override
    public void accept(TaskProgress progress) {
        update(progress.done(), progress.total());
    }

    /** Reports {@code done} of {@code total}. */
    public synchronized void update(long done, long total) {
        if (closed || total <= 0 || style == Style.NONE) {
            return;
        }
        if (style == Style.STEPS) {
            int tenths = (int) Math.min(10, done * 10 / total);
            if (tenths > tenthsShown) {
                tenthsShown = tenths;
                out.println(line(tenths * 10, done, total, tenths * WIDTH / 10));
                out.flush();
            }
            return;
        }
        if ((System.nanoTime() - started) / 1_000_000 < DELAY_MILLIS) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        String line = line(percent, done, total, (int) Math.min(WIDTH, done * WIDTH / total));
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        out.flush();
        drawnLength = line.length();
    }

    private String line(int percent, long done, long total, int filled) {
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d / %,d %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                percent, done, total, unit);
    }

    /** Erases the redrawn line, if one was drawn; then ignores further updates. */
    @Override
    public synchronized void close() {
        if (!closed && drawnLength > 0) {
            out.print("\r" + " ".repeat(drawnLength) + "\r");
            out.flush();
        }
        closed = true;
    }
}
