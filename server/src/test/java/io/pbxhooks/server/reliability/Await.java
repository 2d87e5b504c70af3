package io.pbxhooks.server.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline, polling. */
final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds; returns how long that took. */
    static Duration until(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            ServerProcess.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
