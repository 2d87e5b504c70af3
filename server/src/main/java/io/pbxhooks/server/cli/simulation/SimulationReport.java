package io.pbxhooks.server.cli.simulation;

import java.io.PrintWriter;
import java.util.Locale;

/** The summary at the end of a simulation: the acknowledgements by outcome, the rate calls started at and the events/s acknowledged. */
public final class SimulationReport {

    private SimulationReport() {
    }

    public static void print(SimulationCounts counts, SimulationPlan plan, PrintWriter out) {
        String callRate = counts.callsPerSecond().isPresent() ? String.format(Locale.ROOT, "%.1f calls/s, ", counts.callsPerSecond().getAsDouble()) : "";
        out.printf(Locale.ROOT, "Simulated %d calls on %s (run %s): %d events acknowledged in %.1f s, %s%.1f events/s%n",
                counts.callsStarted(), String.join(", ", plan.accountIds()), plan.runId(), counts.acknowledged(),
                counts.elapsed().toMillis() / 1000.0, callRate, counts.eventsPerSecond());
        out.printf(Locale.ROOT, "  accepted   %6d   (%d webhook deliveries queued)%n", counts.accepted(), counts.deliveriesQueued());
        out.printf(Locale.ROOT, "  duplicate  %6d%n", counts.duplicate());
        out.printf(Locale.ROOT, "  rejected   %6d%n", counts.rejected());
        counts.rejectionReasons().forEach((reason, times) -> out.printf(Locale.ROOT, "    %dx %s%n", times, reason));
        out.flush();
    }
}
