package io.pbxhooks.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The reliability tests' figures: printed, and written to {@code target/reliability/figures.txt} (started afresh by each
 * run, under a line naming the date and the machine's processors), which {@code .ci/run} shows at the end.
 */
final class Figures {

    static final Path FILE = Path.of("target", "reliability", "figures.txt");

    static {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, String.format("Reliability figures of %s on %d processors, Java %s%n", LocalDate.now(ZoneOffset.UTC),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Figures() {
    }

    static void print(String format, Object... arguments) {
        line(String.format(format, arguments));
    }

    static void line(String text) {
        System.out.println(text);
        try {
            Files.writeString(FILE, text + System.lineSeparator(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
