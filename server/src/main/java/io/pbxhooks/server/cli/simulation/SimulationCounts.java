package io.pbxhooks.server.cli.simulation;

import java.time.Duration;
import java.util.Map;

/**
 * How far a simulation got: calls started, events sent and their acknowledgements. While it runs this is a progress
 * snapshot; at the end, with {@code elapsed} up to the last acknowledgement, its summary.
 */
public record SimulationCounts(int callsPlanned, int callsStarted, int eventsSent, int accepted, int duplicate, int rejected,
                               int deliveriesQueued, Duration elapsed, Map<String, Integer> rejectionReasons) {

    public int acknowledged() {
        return accepted + duplicate + rejected;
    }

    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : acknowledged() / seconds;
    }

    /** One line for a progress display. */
    public String progressLine() {
        return String.format("calls %d/%d  events sent %d, acknowledged %d (accepted %d, duplicate %d, rejected %d)",
                callsStarted, callsPlanned, eventsSent, acknowledged(), accepted, duplicate, rejected);
    }
}
