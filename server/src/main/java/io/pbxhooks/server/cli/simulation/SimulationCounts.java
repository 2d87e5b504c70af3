package io.pbxhooks.server.cli.simulation;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How far a simulation got: calls started, events sent and their acknowledgements. While it runs this is a progress
 * snapshot; at the end, with {@code elapsed} up to the last acknowledgement, its summary.
 *
 * @param callStarts the time from the first call's start to the last one's
 */
public record SimulationCounts(int callsPlanned, int callsStarted, int eventsSent, int accepted, int duplicate, int rejected,
                               int deliveriesQueued, Duration elapsed, Duration callStarts, Map<String, Integer> rejectionReasons) {

    public int acknowledged() {
        return accepted + duplicate + rejected;
    }

    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : acknowledged() / seconds;
    }

    /**
     * The rate calls started at, comparable with the rate asked for: n calls at r calls/s start over (n - 1) / r seconds.
     * Empty for fewer than two calls.
     */
    public OptionalDouble callsPerSecond() {
        double seconds = callStarts.toNanos() / 1e9;
        return callsStarted < 2 || seconds <= 0 ? OptionalDouble.empty() : OptionalDouble.of((callsStarted - 1) / seconds);
    }

    /** One line for a progress display. */
    public String progressLine() {
        return String.format("calls %d/%d  events sent %d, acknowledged %d (accepted %d, duplicate %d, rejected %d)",
                callsStarted, callsPlanned, eventsSent, acknowledged(), accepted, duplicate, rejected);
    }
}
