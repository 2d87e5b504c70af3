package io.pbxhooks.server.delivery;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes the dispatcher at once when there is new work on this node: deliveries in the database to claim (a committed
 * event's deliveries that were not handed over, a redelivery, room opened for a claim), or deliveries handed over in
 * memory, which need no claim.
 */
@Singleton
public class DispatchSignal {

    private final Semaphore signals = new Semaphore(0);
    private final AtomicBoolean claimWanted = new AtomicBoolean();

    /** There are deliveries in the database for the dispatcher to claim. */
    public void wake() {
        claimWanted.set(true);
        release();
    }

    /** Deliveries were handed over in memory: the dispatcher takes them without a claim. */
    void wakeForHandOff() {
        release();
    }

    /**
     * Waits for a wake-up or the timeout, whichever comes first; true when the dispatcher should claim: it timed out, or
     * {@link #wake} was called.
     */
    boolean await(Duration timeout) throws InterruptedException {
        boolean woken = signals.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (woken) {
            signals.drainPermits();
        }
        return !woken | claimWanted.getAndSet(false);
    }

    private void release() {
        if (signals.availablePermits() == 0) {
            signals.release();
        }
    }
}
