package io.pbxhooks.server.delivery;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the dispatcher at once when there is new work on this node (a committed event, a finished attempt). */
@Singleton
public class DispatchSignal {

    private final Semaphore signals = new Semaphore(0);

    public void wake() {
        if (signals.availablePermits() == 0) {
            signals.release();
        }
    }

    /** Waits for a wake-up or the timeout, whichever comes first. */
    void await(Duration timeout) throws InterruptedException {
        if (signals.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signals.drainPermits();
        }
    }
}
