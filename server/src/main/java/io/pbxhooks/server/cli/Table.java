package io.pbxhooks.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row and columns separated by two spaces, each as wide as its widest cell. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + header + " needs " + header.size() + " cells, not " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintWriter out, String whenEmpty) {
        if (rows.isEmpty()) {
            out.println(whenEmpty);
            return;
        }
        int[] widths = new int[header.size()];
        for (List<String> row : allRows()) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append(column == row.size() - 1 ? row.get(column) : pad(row.get(column), widths[column] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
