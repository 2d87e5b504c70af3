package io.pbxhooks.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each event of one load step was due to be sent (System.nanoTime()), by sequence number: latencies are measured
 * from there, so an event the producer or the server could not keep up with counts its full wait (open loop).
 */
final class Schedule {

    private final long firstSequence;
    private final AtomicLongArray dueNanos;

    Schedule(long firstSequence, int capacity) {
        this.firstSequence = firstSequence;
        this.dueNanos = new AtomicLongArray(capacity);
    }

    long firstSequence() {
        return firstSequence;
    }

    int capacity() {
        return dueNanos.length();
    }

    boolean contains(long sequence) {
        return sequence >= firstSequence && sequence < firstSequence + dueNanos.length();
    }

    void due(long sequence, long nanos) {
        dueNanos.set((int) (sequence - firstSequence), nanos);
    }

    /** 0 when the event has not been scheduled. */
    long dueNanos(long sequence) {
        return contains(sequence) ? dueNanos.get((int) (sequence - firstSequence)) : 0;
    }
}
