package io.pbxhooks.server.cli.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static final ProgressDisplay.Timing FAST = new ProgressDisplay.Timing(Duration.ofMillis(50), Duration.ofMillis(100));

    private final AtomicInteger callsStarted = new AtomicInteger();

    @Test
    void withoutATerminalEachUpdateIsALineOfItsOwnAndNoneComesAfterClose() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressDisplay ignored = ProgressDisplay.start(this::counts, new PrintWriter(err), false, FAST)) {
            await(err, text -> text.lines().count() >= 3);
        }
        String shown = err.toString();
        Thread.sleep(300);
        assertEquals(shown, err.toString(), "nothing after close");
        List<String> lines = shown.lines().toList();
        assertTrue(lines.size() >= 3, shown);
        lines.forEach(line -> assertTrue(line.matches("calls \\d+/10  events sent 0, acknowledged 0 \\(accepted 0, duplicate 0, rejected 0\\)"), line));
        assertFalse(shown.contains("\r"), "no carriage returns in a log");
        assertFalse(lines.get(0).equals(lines.get(lines.size() - 1)), "each line shows the counts of its time: " + shown);
    }

    @Test
    void onATerminalOneLineIsRedrawnAndClearedAtTheEnd() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressDisplay ignored = ProgressDisplay.start(this::counts, new PrintWriter(err), true, FAST)) {
            await(err, text -> text.chars().filter(character -> character == '\r').count() >= 2);
        }
        assertTrue(err.toString().startsWith("\rcalls "), err.toString());
        assertTrue(err.toString().endsWith("\r\033[K"), "cleared at the end");
        assertFalse(err.toString().contains("\n"), err.toString());
    }

    private SimulationCounts counts() {
        return new SimulationCounts(10, callsStarted.incrementAndGet(), 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Map.of());
    }

    private static void await(StringWriter err, Predicate<String> shown) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!shown.test(err.toString()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
