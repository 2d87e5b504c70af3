package io.pbxhooks.server.cli.simulation;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows a running simulation's counts on standard error: one line redrawn in place on a terminal, otherwise a new line
 * after the first second and then every few seconds (a log file should not fill with carriage returns, and a run of a
 * few seconds should still show one line).
 */
public final class ProgressDisplay implements AutoCloseable {

    /** When the lines come: after {@code first}, then every {@code every}. */
    record Timing(Duration first, Duration every) {
        static final Timing TERMINAL = new Timing(Duration.ofMillis(250), Duration.ofMillis(250));
        static final Timing LOG = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    private final Supplier<SimulationCounts> progress;
    private final PrintWriter err;
    private final boolean terminal;
    private boolean closed;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxhooks-simulate-progress");
        thread.setDaemon(true);
        return thread;
    });

    private ProgressDisplay(Supplier<SimulationCounts> progress, PrintWriter err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
    }

    public static ProgressDisplay start(Supplier<SimulationCounts> progress, PrintWriter err) {
        boolean terminal = System.console() != null;
        return start(progress, err, terminal, terminal ? Timing.TERMINAL : Timing.LOG);
    }

    static ProgressDisplay start(Supplier<SimulationCounts> progress, PrintWriter err, boolean terminal, Timing timing) {
        ProgressDisplay display = new ProgressDisplay(progress, err, terminal);
        display.ticker.scheduleAtFixedRate(display::show, timing.first().toMillis(), timing.every().toMillis(), TimeUnit.MILLISECONDS);
        return display;
    }

    private synchronized void show() {
        if (closed) {
            return;
        }
        String line = progress.get().progressLine();
        if (terminal) {
            err.print("\r" + line + "\033[K");
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void close() {
        closed = true;
        ticker.shutdownNow();
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
