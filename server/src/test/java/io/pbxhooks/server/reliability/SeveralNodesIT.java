package io.pbxhooks.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import io.pbxhooks.server.reliability.CountingReceiver.Arrival;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import io.pbxhooks.server.testing.Figures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Server processes on one MariaDB schema, all ingesting and dispatching: the throughput of one node, then of two; no
 * delivery sent twice in normal operation; integration changes made through one node matched by the other within
 * about a second; and, when a node is killed while sending, its leased deliveries sent by the other once the leases end.
 */
@Tag("reliability")
class SeveralNodesIT {

    private static final int EVENTS_PER_PHASE = 4_000;
    private static final int MINIMUM_IN_FLIGHT_AT_KILL = 50;

    /** A phase's deliveries and how long they took; and, per node, the deliveries seen leased to it by sampling the table. */
    private record Throughput(int deliveries, Duration took, Map<String, Integer> seenLeasedByNode) {
        String figures(String nodes) {
            return String.format("   %-26s %d deliveries in %s: %.0f deliveries/s; seen leased by node (sampled every %d ms): %s", nodes, deliveries,
                    Await.seconds(took), deliveries / (took.toMillis() / 1000.0), LEASE_SAMPLING.toMillis(), new TreeMap<>(seenLeasedByNode));
        }
    }

    private static final Duration LEASE_SAMPLING = Duration.ofMillis(250);
    /** Well under the lease: how long a request the killed node had sent may still take to arrive. */
    private static final Duration IN_TRANSIT_AT_KILL = Duration.ofMillis(200);

    @Test
    void nodesShareTheWorkWithoutDuplicatesAndTakeOverFromADeadNode() throws Exception {
        try (LedgerDatabase database = LedgerDatabase.onSharedServer();
             CountingReceiver receiver = new CountingReceiver();
             Installation installation = new Installation(database, Path.of("target", "reliability", "several-nodes"))) {
            // Every tenant shares one receiver; above the per-destination cap of 16 the killed node can hold 50 leases.
            installation.with("pbxhooks.delivery.max-in-flight-per-destination", "64");
            ServerProcess nodeA = installation.start("a");
            Map<String, Tenant> tenants = Tenants.fourAccounts(nodeA, installation.operatorKey(), receiver);
            List<PlannedEvent> acknowledged = new ArrayList<>();
            Throughput oneNode = phase("one", tenants, installation, receiver, database, acknowledged);
            ServerProcess nodeB = installation.start("b");
            Throughput twoNodes = phase("two", tenants, installation, receiver, database, acknowledged);
            for (ServerProcess node : List.of(nodeA, nodeB)) {
                assertTrue(twoNodes.seenLeasedByNode().getOrDefault(node.nodeId(), 0) > 0,
                        () -> "node " + node.nodeId() + " claimed no delivery in the two-node phase: " + twoNodes.seenLeasedByNode());
            }
            Set<String> sentTwiceInNormalOperation = Set.copyOf(DeliveryLedger.of(acknowledged, tenants, receiver.arrivals()).duplicatedWebhookIds());
            long claimsWithoutAttempt = database.claimsWithoutAttempt();
            Map<String, Long> failedAttempts = database.failedAttempts();

            MatchPropagation.Figures aToB;
            MatchPropagation.Figures bToA;
            try (Tenants viaA = new Tenants(nodeA, installation.operatorKey()); Tenants viaB = new Tenants(nodeB, installation.operatorKey())) {
                Tenant probe = viaA.create("probe", Map.of(), receiver);
                aToB = MatchPropagation.measure(viaA, probe, nodeB, receiver);
                bToA = MatchPropagation.measure(viaB, probe, nodeA, receiver);
            }

            receiver.holdResponses(2_000);
            Map<String, Instant> leasesAtKill;
            long killedAtMillis;
            try (ProducerFleet producers = ProducerFleet.start(tenants, CallTraffic.byAccount("takeover", List.copyOf(tenants.keySet()),
                    EVENTS_PER_PHASE / 2), installation::aliveNode)) {
                Await.until(nodeB.nodeId() + " sending " + MINIMUM_IN_FLIGHT_AT_KILL + " deliveries", Duration.ofMinutes(2),
                        () -> database.inFlightOf(nodeB.nodeId()).size() >= MINIMUM_IN_FLIGHT_AT_KILL);
                nodeB.kill();
                killedAtMillis = System.currentTimeMillis();
                ServerProcess.sleep(500); // MariaDB ends the dead node's sessions; their uncommitted work rolls back
                leasesAtKill = database.inFlightOf(nodeB.nodeId());
                receiver.holdResponses(0);
                producers.awaitAllAcknowledged(Duration.ofMinutes(3));
                Await.until("no unfinished delivery", Duration.ofMinutes(3), () -> database.unfinished() == 0);
                acknowledged.addAll(producers.ledger().acknowledgedEvents());
            }
            List<Arrival> trafficArrivals = receiver.arrivals().stream().filter(arrival -> arrival.path().startsWith("/hooks/")).toList();
            DeliveryLedger ledger = DeliveryLedger.of(acknowledged, tenants, trafficArrivals);
            List<Long> takeoverMillis = new ArrayList<>();
            List<String> sentAgainBeforeLeaseEnd = new ArrayList<>();
            // A request the dead node sent just before the kill may reach the receiver just after it: not a takeover.
            long takeoverFrom = killedAtMillis + IN_TRANSIT_AT_KILL.toMillis();
            leasesAtKill.forEach((id, leaseEnd) -> trafficArrivals.stream().filter(arrival -> id.equals(arrival.webhookId()))
                    .mapToLong(Arrival::wallMillis).filter(time -> time > takeoverFrom).min().ifPresentOrElse(resent -> {
                        takeoverMillis.add(resent - killedAtMillis);
                        if (resent < leaseEnd.toEpochMilli() - 50) {
                            sentAgainBeforeLeaseEnd.add(id);
                        }
                    }, () -> sentAgainBeforeLeaseEnd.add(id + " (never sent again)")));

            Figures.line(ledger.figures("Several nodes: 1 node, then 2 nodes, then one of them killed while sending"));
            Figures.line("   throughput, producers publishing " + EVENTS_PER_PHASE + " events as fast as the nodes acknowledge them:");
            Figures.line(oneNode.figures("1 node"));
            Figures.line(twoNodes.figures("2 nodes"));
            Figures.print("   normal operation           %d webhook-ids sent twice, %d claims without an attempt, failed attempts %s",
                    sentTwiceInNormalOperation.size(), claimsWithoutAttempt, failedAttempts);
            Figures.print("   integration changes        created on a, matched on b after %d ms (disabled: %d ms); "
                            + "created on b, matched on a after %d ms (disabled: %d ms)", aToB.created().toMillis(), aToB.disabled().toMillis(),
                    bToA.created().toMillis(), bToA.disabled().toMillis());
            Figures.print("   takeover                   kill -9 of %s holding %d leased deliveries (lease %d s); node a sent them "
                            + "%d to %d ms after the kill", nodeB.nodeId(), leasesAtKill.size(), Installation.LEASE.toSeconds(),
                    takeoverMillis.stream().mapToLong(Long::longValue).min().orElse(-1), takeoverMillis.stream().mapToLong(Long::longValue).max().orElse(-1));

            assertEquals(Set.of(), sentTwiceInNormalOperation, "no delivery sent twice in normal operation");
            assertEquals(0, claimsWithoutAttempt, "every claim in normal operation is one attempt");
            assertTrue(aToB.created().toMillis() < 1_500 && bToA.created().toMillis() < 1_500, "changes reach the other node within about a second");
            assertTrue(aToB.disabled().toMillis() < 1_500 && bToA.disabled().toMillis() < 1_500, "changes reach the other node within about a second");
            assertTrue(leasesAtKill.size() >= MINIMUM_IN_FLIGHT_AT_KILL, "the killed node was sending");
            assertEquals(List.of(), sentAgainBeforeLeaseEnd, "the dead node's deliveries are sent again after their lease, not before");
            assertEquals(Set.of(), ledger.lost(), "lost");
            assertEquals(Set.of(), ledger.unexpected(), "deliveries of no acknowledged event");
            Set<String> notLeasedByTheDeadNode = new HashSet<>(ledger.duplicatedWebhookIds());
            notLeasedByTheDeadNode.removeAll(leasesAtKill.keySet());
            assertEquals(Set.of(), notLeasedByTheDeadNode, "duplicates of deliveries the killed node was not sending");
            assertEquals(0, database.count("SELECT COUNT(*) FROM deliveries WHERE state <> 'SUCCEEDED'"), "nothing stuck or failed");
        }
    }

    /** Publishes a phase's events to the running nodes, waits until all are delivered; the time from the first publish to the last delivery. */
    private static Throughput phase(String name, Map<String, Tenant> tenants, Installation installation, CountingReceiver receiver,
                                    LedgerDatabase database, List<PlannedEvent> acknowledged) throws Exception {
        int before = receiver.count();
        long start = System.nanoTime();
        Map<String, Set<String>> seenLeased = new ConcurrentHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            try {
                database.inFlightByNode().forEach((node, ids) -> seenLeased.computeIfAbsent(node, key -> ConcurrentHashMap.newKeySet()).addAll(ids));
            } catch (RuntimeException e) {
                System.out.println("sampling the leases failed once (sampling goes on): " + e);
            }
        }, 0, LEASE_SAMPLING.toMillis(), TimeUnit.MILLISECONDS);
        try (ProducerFleet producers = ProducerFleet.start(tenants, CallTraffic.byAccount(name, List.copyOf(tenants.keySet()), EVENTS_PER_PHASE),
                installation::aliveNode)) {
            producers.awaitAllAcknowledged(Duration.ofMinutes(3));
            Await.until("no unfinished delivery", Duration.ofMinutes(3), () -> database.unfinished() == 0);
            acknowledged.addAll(producers.ledger().acknowledgedEvents());
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        long lastArrival = receiver.arrivals().stream().mapToLong(Arrival::nanos).max().orElse(start);
        Map<String, Integer> seenLeasedByNode = new HashMap<>();
        seenLeased.forEach((node, ids) -> seenLeasedByNode.put(node, ids.size()));
        return new Throughput(receiver.count() - before, Duration.ofNanos(lastArrival - start), seenLeasedByNode);
    }
}
