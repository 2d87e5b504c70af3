package io.pbxhooks.server.delivery;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until something holds, in small steps, failing with the last value seen once the deadline passes. */
final class Eventually {

    static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final long STEP_MILLIS = 20;

    private Eventually() {
    }

    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
