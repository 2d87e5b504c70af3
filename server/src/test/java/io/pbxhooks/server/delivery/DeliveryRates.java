package io.pbxhooks.server.delivery;

import java.util.List;

/** Delivery rates from the arrival times of a backlog at its receiver. */
final class DeliveryRates {

    private DeliveryRates() {
    }

    /**
     * Deliveries per second from the first arrival at or after {@code fromNanos} (when the whole backlog had been
     * published, so publishing does not compete with delivery) to the arrival of 90% of the backlog (so the tail, when
     * the receiver is no longer kept busy, does not count).
     */
    static double perSecond(List<Long> arrivalNanos, long fromNanos) {
        int last = arrivalNanos.size() * 9 / 10;
        int first = 0;
        while (first < last && arrivalNanos.get(first) < fromNanos) {
            first++;
        }
        if (last - first < 50) {
            throw new IllegalArgumentException("too few arrivals after publishing to measure a rate: " + (last - first)
                    + " of " + arrivalNanos.size() + "; publish a larger backlog");
        }
        return (last - first) / ((arrivalNanos.get(last) - arrivalNanos.get(first)) / 1e9);
    }

    /** Arrivals per second between two {@link System#nanoTime()} readings. */
    static double between(List<Long> arrivalNanos, long fromNanos, long toNanos) {
        long count = arrivalNanos.stream().filter(arrival -> arrival >= fromNanos && arrival < toNanos).count();
        return count / ((toNanos - fromNanos) / 1e9);
    }
}
