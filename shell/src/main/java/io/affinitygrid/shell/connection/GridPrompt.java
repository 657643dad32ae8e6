package io.affinitygrid.shell.connection;

import java.util.List;

import io.affinitygrid.client.Grid;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * The interactive prompt, showing where the shell is connected and how many server nodes the grid has:
 * {@code grid[embedded 1 node]> }, {@code grid[10.0.0.1:10800 3 nodes]> }, {@code grid[disconnected]> }.
 * The node count is asked anew at each prompt (one small task on a node), waiting at most
 * {@value GridCatalog#WAIT_MILLIS} ms; {@code ?} when the grid does not answer. Thread-safe.
 */
@Component
public class GridPrompt implements PromptProvider {

    private final GridConnection connection;
    private final GridCatalog catalog;

    public GridPrompt(GridConnection connection, GridCatalog catalog) {
        this.connection = connection;
        this.catalog = catalog;
    }

    @Override
    public AttributedString getPrompt() {
        String label = label();
        AttributedStyle style = label.contains("disconnected") || label.contains("not connected") || label.contains("?")
                ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)
                : AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
        return new AttributedStringBuilder().append("grid[").append(label, style).append("]> ").toAttributedString();
    }

    /** The text between the brackets, e.g. {@code embedded 1 node}. */
    public String label() {
        String location = connection.location();
        Grid grid = connection.gridIfConnected();
        if (grid == null) {
            return connection.isDetached() ? location : location + " not connected";
        }
        List<?> nodes = catalog.bounded(grid::topology);
        if (nodes == null) {
            return location + " ? nodes";
        }
        return location + " " + nodes.size() + (nodes.size() == 1 ? " node" : " nodes");
    }

    /** The whole prompt as plain text, e.g. {@code grid[embedded 1 node]> }. */
    public String text() {
        return getPrompt().toString();
    }
}
