package io.pbxhooks.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** One thing shown as {@code Label: value} lines with the values aligned; empty values are left out. */
final class Details {

    private record Line(String label, String value) {
    }

    private final List<Line> lines = new ArrayList<>();

    Details add(String label, Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty()) {
            lines.add(new Line(label, text));
        }
        return this;
    }

    void print(PrintWriter out) {
        int width = lines.stream().mapToInt(line -> line.label().length()).max().orElse(0) + 2;
        for (Line line : lines) {
            String label = line.label() + ":";
            out.println(label + " ".repeat(width - label.length()) + line.value().replace("\n", "\n" + " ".repeat(width)));
        }
    }
}
