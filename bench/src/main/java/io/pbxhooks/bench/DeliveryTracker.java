package io.pbxhooks.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the deliveries of one load step as the receiver sees them and records event → delivery latency. */
final class DeliveryTracker implements Receiver.Arrivals {

    private final Schedule schedule;
    private final Latencies latency = new Latencies();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong lastArrivalNanos = new AtomicLong();

    DeliveryTracker(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void arrived(long eventSequence, long arrivalNanos) {
        long due = schedule.dueNanos(eventSequence);
        if (due == 0) {
            return;
        }
        deliveries.incrementAndGet();
        latency.recordNanos(arrivalNanos - due);
        lastArrivalNanos.accumulateAndGet(arrivalNanos, Math::max);
    }

    long deliveries() {
        return deliveries.get();
    }

    long lastArrivalNanos() {
        return lastArrivalNanos.get();
    }

    Latencies latency() {
        return latency;
    }
}
