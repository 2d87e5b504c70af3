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
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on a MariaDB of the test's own, with producers streaming 8,000 events, while MariaDB is restarted
 * (shut down, 5 s without a database, started) and later crashed ({@code kill -9}) and started again. The servers survive both, reconnect and resume; the
 * producers see errors or slow acknowledgements, but no acknowledged event is lost.
 */
@Tag("reliability")
class DatabaseRestartIT {

    private static final int EVENTS = 8_000;

    @Test
    void theServersSurviveARestartAndACrashOfTheDatabase() throws Exception {
        try (PrivateMariaDb mariadb = PrivateMariaDb.start();
             LedgerDatabase database = mariadb.ledger();
             CountingReceiver receiver = new CountingReceiver();
             Installation installation = new Installation(database, Path.of("target", "reliability", "database-restart"))) {
            ServerProcess nodeA = installation.start("a");
            ServerProcess nodeB = installation.start("b");
            Map<String, Tenant> tenants = Tenants.fourAccounts(nodeA, installation.operatorKey(), receiver);
            Map<String, List<PlannedEvent>> traffic = CallTraffic.byAccount("restart", List.copyOf(tenants.keySet()), EVENTS);
            try (ProducerFleet producers = ProducerFleet.start(tenants, traffic, installation::aliveNode)) {
                Await.until(EVENTS / 3 + " acknowledged events", Duration.ofMinutes(3), () -> producers.ledger().acknowledgedCount() >= EVENTS / 3);
                outage("clean restart (shutdown, 5 s down, start)", () -> mariadb.restart(Duration.ofSeconds(5)), producers.ledger(), receiver);
                Await.until(2 * EVENTS / 3 + " acknowledged events", Duration.ofMinutes(3),
                        () -> producers.ledger().acknowledgedCount() >= 2 * EVENTS / 3);
                outage("crash (kill -9 of mariadbd, start)", mariadb::crashAndStart, producers.ledger(), receiver);
                producers.awaitAllAcknowledged(Duration.ofMinutes(5));
                Await.until("no unfinished delivery", Duration.ofMinutes(3), () -> database.unfinished() == 0);

                MatchPropagation.Figures propagation;
                try (Tenants admin = new Tenants(nodeA, installation.operatorKey())) {
                    propagation = MatchPropagation.measure(admin, admin.create("probe", Map.of(), receiver), nodeB, receiver);
                }
                ProducerLedger published = producers.ledger();
                List<CountingReceiver.Arrival> trafficArrivals = receiver.arrivals().stream().filter(arrival -> arrival.path().startsWith("/hooks/")).toList();
                DeliveryLedger ledger = DeliveryLedger.of(published.acknowledgedEvents(), tenants, trafficArrivals);
                Map<String, Integer> claims = database.claimsByDelivery();
                Set<String> duplicatesClaimedOnce = new HashSet<>(ledger.duplicatedWebhookIds());
                duplicatesClaimedOnce.removeIf(id -> claims.getOrDefault(id, 0) > 1);
                Figures.line(ledger.figures("Database restart: MariaDB restarted, then crashed, under 2 nodes"));
                Figures.print("   producer stream failures   %s, %d events published again (%d acknowledged DUPLICATE)",
                        published.failures(), published.republished(), published.duplicateAcknowledgements());
                Figures.print("   slowest acknowledgement    %d ms", published.slowestAckMillis());
                Figures.print("   after the outages, an integration created on node a matched on node b after %d ms",
                        propagation.created().toMillis());

                assertTrue(nodeA.isAlive() && nodeB.isAlive(), "both servers survived");
                assertEquals(EVENTS, published.acknowledgedCount(), "every event is acknowledged in the end");
                assertEquals(List.of(), published.rejected());
                assertEquals(Set.of(), ledger.lost(), "lost");
                assertEquals(Set.of(), ledger.unexpected(), "deliveries of no acknowledged event");
                assertEquals(Set.of(), ledger.storedTwice(), "an event stored twice");
                assertEquals(Set.of(), duplicatesClaimedOnce, "a delivery sent twice although claimed once");
                assertEquals(0, database.count("SELECT COUNT(*) FROM deliveries WHERE state <> 'SUCCEEDED'"), "nothing stuck or failed");
                assertTrue(published.failures().keySet().stream().allMatch(code -> code == Status.Code.UNAVAILABLE),
                        "producers see UNAVAILABLE only: " + published.failures());
                assertTrue(propagation.created().toMillis() < 3_000, "the match index poller still runs");
            }
        }
    }

    /** Takes MariaDB away and back; prints how long it was away and how long acknowledgements and deliveries took to resume. */
    private static void outage(String what, Runnable restart, ProducerLedger producers, CountingReceiver receiver) {
        int acknowledged = producers.acknowledgedCount();
        long down = System.nanoTime();
        restart.run();
        long up = System.nanoTime();
        Duration acks = Await.until("an acknowledgement after the restart", Duration.ofMinutes(2), () -> producers.firstAckAfter(up).isPresent());
        Duration deliveries = Await.until("a delivery after the restart", Duration.ofMinutes(2), () -> receiver.firstArrivalAfter(up).isPresent());
        Figures.print("MariaDB %s after %d acknowledged events: unavailable for %d ms; then the first acknowledgement after %d ms, "
                        + "the first delivery after %d ms", what, acknowledged, millis(up - down), millisAfter(producers::firstAckAfter, up),
                millisAfter(receiver::firstArrivalAfter, up));
        assertTrue(acks.toSeconds() < 60 && deliveries.toSeconds() < 60, "resumed within a minute");
    }

    private static long millisAfter(LongFunction<OptionalLong> first, long start) {
        return millis(first.apply(start).getAsLong() - start);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
