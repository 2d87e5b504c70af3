package io.pbxhooks.server.cli.simulation;

import io.pbxhooks.ingest.v1.PublishResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counts of a running simulation, updated by the sender and by the acknowledgements. */
final class SimulationTally {

    private static final int MAX_REASONS = 10;

    private int callsPlanned;
    private int callsStarted;
    private int sent;
    private int accepted;
    private int duplicate;
    private int rejected;
    private int deliveries;
    private long startNanos;
    private long firstCallNanos;
    private long lastCallNanos;
    private long lastAcknowledgementNanos;
    private final Map<String, Integer> rejectionReasons = new LinkedHashMap<>();

    synchronized void start(int calls) {
        callsPlanned = calls;
        startNanos = System.nanoTime();
        lastAcknowledgementNanos = startNanos;
    }

    synchronized void callStarted() {
        lastCallNanos = System.nanoTime();
        if (callsStarted == 0) {
            firstCallNanos = lastCallNanos;
        }
        callsStarted++;
    }

    synchronized void sent() {
        sent++;
    }

    synchronized void acknowledged(PublishResponse response) {
        lastAcknowledgementNanos = System.nanoTime();
        switch (response.getOutcome()) {
            case ACCEPTED -> {
                accepted++;
                deliveries += response.getDeliveries();
            }
            case DUPLICATE -> duplicate++;
            default -> {
                rejected++;
                if (rejectionReasons.containsKey(response.getReason()) || rejectionReasons.size() < MAX_REASONS) {
                    rejectionReasons.merge(response.getReason(), 1, Integer::sum);
                }
            }
        }
    }

    synchronized SimulationCounts counts() {
        return counts(System.nanoTime());
    }

    /** The counts with the time up to the last acknowledgement. */
    synchronized SimulationCounts finish() {
        return counts(lastAcknowledgementNanos);
    }

    private SimulationCounts counts(long untilNanos) {
        return new SimulationCounts(callsPlanned, callsStarted, sent, accepted, duplicate, rejected, deliveries,
                Duration.ofNanos(untilNanos - startNanos), Duration.ofNanos(lastCallNanos - firstCallNanos), Collections.unmodifiableMap(new LinkedHashMap<>(rejectionReasons)));
    }
}
