package io.pbxhooks.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The reliability tests' figures: printed, and written to {@code target/reliability/figures.txt}, which {@code .ci/run}
 * shows at the end. The file is started afresh, under a line naming the date and the machine's processors, by the first
 * test JVM of a Maven run: surefire's reliability tests and failsafe's run in different JVMs of one run, which the pom
 * names with {@code pbxhooks.figures.run}, so the second JVM appends.
 */
public final class Figures {

    public static final Path FILE = Path.of("target", "reliability", "figures.txt");
    private static final String RUN = System.getProperty("pbxhooks.figures.run", "").isBlank()
            ? "" : " (run " + System.getProperty("pbxhooks.figures.run") + ")";

    static {
        try {
            Files.createDirectories(FILE.getParent());
            if (!sameRun()) {
                Files.writeString(FILE, String.format("Reliability figures of %s on %d processors, Java %s%s%n", LocalDate.now(ZoneOffset.UTC),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), RUN));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Figures() {
    }

    public static void print(String format, Object... arguments) {
        line(String.format(format, arguments));
    }

    public static void line(String text) {
        System.out.println(text);
        try {
            Files.writeString(FILE, text + System.lineSeparator(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameRun() throws IOException {
        if (RUN.isEmpty() || !Files.exists(FILE)) {
            return false;
        }
        List<String> lines = Files.readAllLines(FILE);
        return !lines.isEmpty() && lines.get(0).endsWith(RUN);
    }
}
