package io.affinitygrid.shell.output;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.CellMatchers;
import org.springframework.shell.jline.tui.table.SimpleHorizontalAligner;
import org.springframework.shell.jline.tui.table.TableBuilder;

/**
 * A table of text for the shell's output, rendered with Spring Shell's table support: a header row, plain
 * ASCII borders (they survive any terminal and log), numeric columns aligned right. Not thread-safe.
 */
public final class TextTable {

    /** Wide enough that no cell of ours is ever wrapped. */
    private static final int WIDTH = 400;

    private final String[] header;
    private final boolean[] rightAligned;
    private final List<Object[]> rows = new ArrayList<>();

    private TextTable(String... header) {
        this.header = header.clone();
        this.rightAligned = new boolean[header.length];
    }

    public static TextTable withHeader(String... header) {
        return new TextTable(header);
    }

    /** Aligns the given columns (counted from 0) to the right. */
    public TextTable alignRight(int... columns) {
        for (int column : columns) {
            rightAligned[column] = true;
        }
        return this;
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("A row of this table has " + header.length + " cells, got " + cells.length);
        }
        Object[] row = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
        }
        rows.add(row);
        return this;
    }

    /** The table as CSV (header line, then the rows), ending without a line separator. */
    public String csv() {
        return Csv.write(List.of(header), rows);
    }

    /** The table as text, ending without a line separator. */
    public String render() {
        Object[][] data = new Object[rows.size() + 1][];
        data[0] = header;
        for (int i = 0; i < rows.size(); i++) {
            data[i + 1] = rows.get(i);
        }
        TableBuilder builder = new TableBuilder(new ArrayTableModel(data)).addHeaderAndVerticalsBorders(BorderStyle.oldschool);
        for (int column = 0; column < header.length; column++) {
            if (rightAligned[column]) {
                builder.on(CellMatchers.column(column)).addAligner(SimpleHorizontalAligner.right);
            }
        }
        return builder.build().render(WIDTH).stripTrailing();
    }
}
