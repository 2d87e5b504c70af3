package io.pbxhooks.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import io.pbxhooks.server.reliability.ServerProcess.Termination;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import io.pbxhooks.server.testing.Figures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart as an orchestrator does it: two nodes on one MariaDB schema under a steady load of four accounts'
 * calls; node a gets SIGTERM, is started again and waited for until it is ready, then node b the same. The receiver
 * answers in a few hundred ms, so attempts are in flight at each SIGTERM. Nothing acknowledged may be lost, nothing sent
 * twice, no delivery arrive later than the grace period + 1 s after its event was acknowledged; each node exits by
 * itself within the grace period and a few seconds.
 */
@Tag("reliability")
class RollingRestartIT {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final long DELAY_ALLOWED_MILLIS = GRACE.toMillis() + 1_000;
    /** The JVM ends with 128 + 15 after SIGTERM even when every shutdown hook completed; nothing calls System.exit. */
    private static final int EXIT_CODE_AFTER_SIGTERM = 143;
    /** Shutting down takes the attempts in flight (a few hundred ms here), Micronaut stopping its HTTP server and context. */
    private static final Duration EXIT_ALLOWED = GRACE.plusSeconds(5);
    private static final int EVENTS_PER_SECOND_PER_ACCOUNT = 10;
    /** About a minute of traffic, still flowing after the second restart. */
    private static final int EVENTS = 2_400;
    private static final long RECEIVER_LATENCY_MILLIS = 300;
    private static final int MINIMUM_LEASED_AT_SIGTERM = 3;
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private record Restart(String stopped, int leased, Termination termination, String drain, String started, Duration ready, boolean underLoad) {
    }

    @Test
    void aRollingRestartLosesNothingSendsNothingTwiceAndDelaysNothingBeyondTheGracePeriod() throws Exception {
        try (LedgerDatabase database = LedgerDatabase.onSharedServer();
             CountingReceiver receiver = new CountingReceiver();
             Installation installation = new Installation(database, Path.of("target", "reliability", "rolling-restart"))
                     .with("pbxhooks.shutdown.grace-period", GRACE.toMillis() + "ms")
                     // One receiver serves every integration here; one node alone must keep up with the load during a restart.
                     .with("pbxhooks.delivery.max-in-flight-per-destination", "64")) {
            Map<String, ServerProcess> nodes = new LinkedHashMap<>();
            nodes.put("a", installation.start("a"));
            Map<String, Tenant> tenants = Tenants.fourAccounts(nodes.get("a"), installation.operatorKey(), receiver);
            // Started after the integrations exist, node b matches them from its first event (a change takes up to a second to reach a running node).
            nodes.put("b", installation.start("b"));
            receiver.holdResponses(RECEIVER_LATENCY_MILLIS);
            Map<String, List<PlannedEvent>> traffic = CallTraffic.byAccount("rolling", List.copyOf(tenants.keySet()), EVENTS);
            List<Restart> restarts = new ArrayList<>();
            ProducerLedger published;
            try (ProducerFleet producers = ProducerFleet.start(tenants, traffic, installation::aliveNode, EVENTS_PER_SECOND_PER_ACCOUNT)) {
                published = producers.ledger();
                ServerProcess.sleep(SETTLE.toMillis());
                for (String name : List.of("a", "b")) {
                    restarts.add(restart(name, nodes, installation, database, published));
                    ServerProcess.sleep(SETTLE.toMillis());
                }
                producers.awaitAllAcknowledged(Duration.ofMinutes(2));
                Await.until("no unfinished delivery", Duration.ofMinutes(1), () -> database.unfinished() == 0);
            }

            List<CountingReceiver.Arrival> arrivals = receiver.arrivals();
            DeliveryLedger ledger = DeliveryLedger.of(published.acknowledgedEvents(), tenants, arrivals);
            DeliveryDelays delays = DeliveryDelays.of(published.acknowledgedEvents(), tenants, arrivals, published);
            Map<String, Long> late = delays.over(DELAY_ALLOWED_MILLIS);
            Figures.line(ledger.figures("Rolling restart: 2 nodes under steady load, each stopped with SIGTERM and started again in turn"));
            Figures.print("   load                       %d accounts x %d events/s, receiver answering in %d ms, grace period %d s",
                    tenants.size(), EVENTS_PER_SECOND_PER_ACCOUNT, RECEIVER_LATENCY_MILLIS, GRACE.toSeconds());
            for (Restart restart : restarts) {
                Figures.print("   SIGTERM %-18s %d deliveries leased; exit code %d after %d ms; %s", restart.stopped(), restart.leased(),
                        restart.termination().exitCode(), restart.termination().took().toMillis(), restart.drain());
                Figures.print("   started %-18s ready %d ms after the old one exited", restart.started(), restart.ready().toMillis());
            }
            Figures.print("   producer stream failures   %s, %d events published again (%d acknowledged DUPLICATE)",
                    published.failures(), published.republished(), published.duplicateAcknowledgements());
            Figures.print("   delivery delay             at most %s after the acknowledgement; %d deliveries over %d ms",
                    delays.longest().map(longest -> longest.getValue() + " ms (" + longest.getKey() + ")").orElse("-"), late.size(), DELAY_ALLOWED_MILLIS);

            assertEquals(EVENTS, published.acknowledgedCount(), "every event is acknowledged in the end");
            assertEquals(List.of(), published.rejected());
            assertEquals(Set.of(), ledger.lost(), "lost");
            assertEquals(Set.of(), ledger.unexpected(), "deliveries of no acknowledged event");
            assertEquals(Set.of(), ledger.storedTwice(), "an event stored twice");
            assertEquals(Set.of(), ledger.duplicatedWebhookIds(), "sent twice");
            assertEquals(Map.of(), late, "delivered later than the grace period + 1 s after the acknowledgement");
            assertEquals(Map.of("SUCCEEDED", (long) ledger.deliveriesExpected()), database.deliveriesByState(), "nothing stuck or failed");
            assertTrue(published.failures().keySet().stream().allMatch(code -> code == Status.Code.UNAVAILABLE),
                    "producers see UNAVAILABLE only: " + published.failures());
            for (Restart restart : restarts) {
                assertTrue(restart.underLoad(), restart.stopped() + " was stopped while the producers were still publishing");
                assertEquals(EXIT_CODE_AFTER_SIGTERM, restart.termination().exitCode(), restart.stopped() + " exit code");
                assertTrue(restart.termination().took().compareTo(EXIT_ALLOWED) < 0, restart.stopped() + " took " + restart.termination().took());
                assertTrue(restart.drain().contains(" 0 of them left to their lease"), restart.stopped() + " waited for its attempts: " + restart.drain());
            }
        }
    }

    /** SIGTERM to node {@code name} while it sends, then a new incarnation of it, waited for until it is ready. */
    private static Restart restart(String name, Map<String, ServerProcess> nodes, Installation installation, LedgerDatabase database,
                                   ProducerLedger published) throws InterruptedException {
        ServerProcess victim = nodes.get(name);
        Await.until(victim.nodeId() + " holding " + MINIMUM_LEASED_AT_SIGTERM + " deliveries", Duration.ofSeconds(30),
                () -> database.inFlightOf(victim.nodeId()).size() >= MINIMUM_LEASED_AT_SIGTERM);
        int leased = database.inFlightOf(victim.nodeId()).size();
        boolean underLoad = published.acknowledgedCount() < EVENTS;
        Termination termination = victim.terminate(GRACE.plusSeconds(30));
        long exited = System.nanoTime();
        ServerProcess replacement = installation.start(name);
        awaitServing(replacement);
        nodes.put(name, replacement);
        String drain = victim.logLine("Drained in").map(line -> line.substring(line.indexOf("Drained in"))).orElse("no drain logged");
        return new Restart(victim.nodeId(), leased, termination, drain, replacement.nodeId(), Duration.ofNanos(System.nanoTime() - exited), underLoad);
    }

    private static void awaitServing(ServerProcess node) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        try {
            Await.until(node.nodeId() + " SERVING", Duration.ofSeconds(60), () -> serving(channel));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static boolean serving(ManagedChannel channel) {
        try {
            return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance())
                    .getStatus() == ServingStatus.SERVING;
        } catch (StatusRuntimeException notYet) {
            return false;
        }
    }
}
