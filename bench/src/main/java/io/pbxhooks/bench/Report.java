package io.pbxhooks.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** What the run prints, as it goes: to the console and to {@code report.txt} in the run directory. */
final class Report {

    private final Path file;

    Report(Path file) {
        this.file = file;
    }

    void line(String format, Object... arguments) {
        String text = String.format(Locale.ROOT, format, arguments);
        System.out.println(text);
        System.out.flush();
        try {
            Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void section(String title) {
        line("");
        line("== %s ==", title);
    }

    /** "1,234/s of ceiling 2,000/s = 0.62" */
    static String ratio(double value, double ceiling) {
        return String.format(Locale.ROOT, "%,.0f/s; ceiling %,.0f/s; ratio %.2f", value, ceiling, value / ceiling);
    }

    Path file() {
        return file;
    }
}
