package io.pbxhooks.server.cli.simulation;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows a running simulation's counts on standard error: one line redrawn in place on a terminal, a new line every
 * few seconds otherwise (a log file should not fill with carriage returns).
 */
public final class ProgressDisplay implements AutoCloseable {

    private final Supplier<SimulationCounts> progress;
    private final PrintWriter err;
    private final boolean terminal;
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
        ProgressDisplay display = new ProgressDisplay(progress, err, System.console() != null);
        long periodMillis = display.terminal ? 250 : 5000;
        display.ticker.scheduleAtFixedRate(display::show, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return display;
    }

    private synchronized void show() {
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
        ticker.shutdownNow();
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
