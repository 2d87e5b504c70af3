package io.pbxhooks.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import io.pbxhooks.server.testing.Figures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Streams 20,000 events of four accounts (fan-out up to 3) into one server process, {@code kill -9}s it twice mid-run
 * while it is sending deliveries, and restarts it each time, then checks the ledger: every acknowledged event reached every matching integration, the
 * only duplicates are deliveries the killed node was sending, and nothing is left unfinished.
 */
@Tag("reliability")
class KillRecoveryIT {

    private static final int EVENTS = 20_000;
    private static final int MINIMUM_IN_FLIGHT_AT_KILL = 10;
    /** A receiver's usual answer time, so that there are always deliveries in flight to be caught by a kill. */
    private static final long RECEIVER_LATENCY_MILLIS = 20;

    @Test
    void nothingAcknowledgedIsLostWhenTheServerIsKilledTwice() throws Exception {
        try (LedgerDatabase database = LedgerDatabase.onSharedServer();
             CountingReceiver receiver = new CountingReceiver();
             Installation installation = new Installation(database, Path.of("target", "reliability", "kill"))) {
            Map<String, Tenant> tenants = Tenants.fourAccounts(installation.start("a"), installation.operatorKey(), receiver);
            Map<String, List<PlannedEvent>> traffic = CallTraffic.byAccount("kill", List.copyOf(tenants.keySet()), EVENTS);
            receiver.holdResponses(RECEIVER_LATENCY_MILLIS);
            long start = System.nanoTime();
            Set<String> inFlightAtKills = new HashSet<>();
            try (ProducerFleet producers = ProducerFleet.start(tenants, traffic, installation::aliveNode)) {
                for (int kill = 1; kill <= 2; kill++) {
                    int acknowledgedBefore = EVENTS * kill / 3;
                    Await.until(acknowledgedBefore + " acknowledged events", Duration.ofMinutes(3),
                            () -> producers.ledger().acknowledgedCount() >= acknowledgedBefore);
                    ServerProcess victim = installation.alive().get(0);
                    Await.until(victim.nodeId() + " sending " + MINIMUM_IN_FLIGHT_AT_KILL + " deliveries", Duration.ofMinutes(1),
                            () -> database.inFlightOf(victim.nodeId()).size() >= MINIMUM_IN_FLIGHT_AT_KILL);
                    victim.kill();
                    ServerProcess.sleep(500); // MariaDB ends the dead node's sessions; their uncommitted work rolls back
                    Set<String> inFlight = database.inFlightOf(victim.nodeId()).keySet();
                    inFlightAtKills.addAll(inFlight);
                    Figures.print("kill -9 of %s (pid %d) after %d acknowledged events, %d deliveries received; it held %d deliveries in flight",
                            victim.nodeId(), victim.pid(), producers.ledger().acknowledgedCount(), receiver.count(), inFlight.size());
                    installation.start("a");
                }
                producers.awaitAllAcknowledged(Duration.ofMinutes(5));
                Await.until("no unfinished delivery", Duration.ofMinutes(3), () -> database.unfinished() == 0);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                ProducerLedger published = producers.ledger();
                DeliveryLedger ledger = DeliveryLedger.of(published.acknowledgedEvents(), tenants, receiver.arrivals());
                Figures.line(ledger.figures("Kill test: 2 x kill -9 of the only node, restarted each time"));
                Figures.print("   producer stream failures   %s, %d events published again (%d acknowledged DUPLICATE)",
                        published.failures(), published.republished(), published.duplicateAcknowledgements());
                Figures.print("   in flight at the kills     %d deliveries", inFlightAtKills.size());
                Figures.print("   duration                   %s (%.0f deliveries/s)", Await.seconds(took),
                        ledger.requests() / (took.toMillis() / 1000.0));

                assertEquals(EVENTS, published.acknowledgedCount(), "every event is acknowledged in the end");
                assertEquals(List.of(), published.rejected());
                assertEquals(Set.of(), ledger.lost(), "lost");
                assertEquals(Set.of(), ledger.unexpected(), "deliveries of no acknowledged event");
                assertEquals(Set.of(), ledger.storedTwice(), "an event stored twice");
                Set<String> notInFlight = new HashSet<>(ledger.duplicatedWebhookIds());
                notInFlight.removeAll(inFlightAtKills);
                assertEquals(Set.of(), notInFlight, "duplicates of deliveries that were not in flight at a kill");
                assertEquals(Map.of("SUCCEEDED", (long) ledger.deliveriesExpected()), database.deliveriesByState(), "nothing stuck or failed");
                assertTrue(published.failures().keySet().stream().allMatch(code -> code == Status.Code.UNAVAILABLE),
                        "producers see UNAVAILABLE only: " + published.failures());
            }
        }
    }
}
