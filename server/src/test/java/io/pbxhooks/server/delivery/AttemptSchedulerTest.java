package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.spi.config.TransportConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:24:05Z");
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Duration QUICK = Duration.ofMillis(3);
    private static final Duration SLOW = Duration.ofMillis(400);

    private int deliveries;

    @Test
    void aDestinationAtItsCapStartsNoMoreAndItsNextDeliveryTakesTheFreedSlot() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 2, 2, 10, 20, MAX_WAIT);
        List<PreparedDelivery> queued = List.of(delivery("a", "crm", "x"), delivery("a", "crm", "x"), delivery("a", "crm", "x"));
        queued.forEach(delivery -> assertTrue(scheduler.add(delivery)));
        assertEquals(queued.subList(0, 2), startable(scheduler));
        assertEquals(List.of(), startable(scheduler));
        scheduler.finished(queued.get(0), QUICK);
        assertEquals(queued.subList(2, 3), startable(scheduler));
    }

    @Test
    void theNodeStartsNoMoreThanItsMaximum() {
        AttemptScheduler scheduler = new AttemptScheduler(3, 2, 2, 10, 20, MAX_WAIT);
        List.of(delivery("a", "crm", "x"), delivery("a", "crm", "x"), delivery("a", "erp", "y"), delivery("a", "erp", "y"))
                .forEach(scheduler::add);
        assertEquals(3, startable(scheduler).size());
    }

    @Test
    void freeSlotsGoToTheAccountsInTurn() {
        AttemptScheduler scheduler = new AttemptScheduler(4, 10, 10, 10, 40, MAX_WAIT);
        for (int i = 0; i < 6; i++) {
            scheduler.add(delivery("flooding", "crm", "x"));
        }
        for (int i = 0; i < 6; i++) {
            scheduler.add(delivery("quiet", "helpdesk", "y"));
        }
        assertEquals(List.of("flooding", "quiet", "flooding", "quiet"),
                startable(scheduler).stream().map(delivery -> delivery.delivery().accountId()).toList());
    }

    @Test
    void theClaimLeavesOutADestinationWithARoundWaitingUntilItStartsOneOfThem() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 2, 2, 10, 20, MAX_WAIT);
        List<PreparedDelivery> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(delivery("a", "crm", "x"));
            scheduler.add(queued.get(i));
        }
        startable(scheduler);
        assertEquals(Map.of("crm", 1L), scheduler.exclusions().integrations());
        scheduler.takeRoomOpened();
        scheduler.finished(queued.get(0), QUICK);
        startable(scheduler);
        assertTrue(scheduler.takeRoomOpened());
        assertEquals(Map.of(), scheduler.exclusions().integrations());
    }

    @Test
    void anAccountWithItsShareInFlightAndAClaimWaitingIsClaimedOnlyForWhatTheOthersLeave() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 2, 4, 2, 20, MAX_WAIT);
        scheduler.add(delivery("flooding", "crm", "x"));
        scheduler.add(delivery("flooding", "erp", "y"));
        scheduler.add(delivery("quiet", "helpdesk", "z"));
        startable(scheduler);
        assertEquals(Set.of(), scheduler.exclusions().accountsAtShare(), "its share in flight, nothing waiting to keep it busy");
        scheduler.add(delivery("flooding", "crm", "x"));
        scheduler.add(delivery("flooding", "crm", "x"));
        assertEquals(Set.of("flooding"), scheduler.exclusions().accountsAtShare());
        assertEquals(20 / 2 - 2, scheduler.exclusions().roomAtShare(), "half the waiting room, less what it has waiting");
    }

    @Test
    void aDeliveryThatWaitedTooLongGoesBackInsteadOfStarting() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 1, 1, 10, 20, MAX_WAIT);
        PreparedDelivery running = delivery("a", "crm", "x");
        PreparedDelivery stale = new PreparedDelivery(delivery("a", "crm", "x").delivery(), integration("a", "crm", 1), "x",
                NOW.minus(MAX_WAIT).minusMillis(1));
        scheduler.add(running);
        scheduler.add(stale);
        startable(scheduler);
        scheduler.finished(running, QUICK);
        List<PreparedDelivery> expired = new ArrayList<>();
        assertEquals(List.of(), scheduler.startable(NOW, expired));
        assertEquals(List.of(stale), expired);
    }

    @Test
    void anIntegrationIsLeftOutAtTheVersionWhoseDestinationIsKnown() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 1, 1, 10, 20, MAX_WAIT);
        scheduler.add(delivery("a", "crm", "x"));
        scheduler.add(delivery("a", "crm", "x"));
        startable(scheduler);
        // Once the integration changes, the claim takes its deliveries again (version 2 is not left out), and so learns where they go.
        assertEquals(Map.of("crm", 1L), scheduler.exclusions().integrations());
        scheduler.add(new PreparedDelivery(claimed("a", "crm"), integration("a", "crm", 2), "y", NOW));
        assertEquals(Map.of("crm", 2L), scheduler.exclusions().integrations(), "y now has a round waiting");
    }

    @Test
    void aStoppingNodeTakesOutEveryWaitingDelivery() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 1, 1, 10, 20, MAX_WAIT);
        PreparedDelivery running = delivery("a", "crm", "x");
        PreparedDelivery waiting = delivery("a", "crm", "x");
        scheduler.add(running);
        scheduler.add(waiting);
        startable(scheduler);
        assertEquals(List.of(waiting), scheduler.takeAllWaiting());
        scheduler.finished(running, QUICK);
        assertEquals(List.of(), startable(scheduler));
        assertEquals(Map.of(), scheduler.exclusions().integrations());
    }

    @Test
    void aClaimIsWholeOrNone() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 2, 2, 10, 3, MAX_WAIT);
        assertEquals(2, scheduler.claimRoom());
        scheduler.add(delivery("a", "crm", "x"));
        scheduler.add(delivery("a", "crm", "x"));
        assertEquals(0, scheduler.claimRoom());
        assertFalse(scheduler.takeRoomOpened());
    }

    @Test
    void whileEveryReceiverSentToIsFastAClaimTakesAWholeBatchAndTheirLinesHoldOne() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 2, 8, 2, 10, 40, MAX_WAIT);
        assertEquals(8, scheduler.claimRoom(), "an idle node");
        PreparedDelivery first = delivery("a", "crm", "x");
        scheduler.add(first);
        assertEquals(2, scheduler.claimRoom(), "a receiver not yet heard from");
        assertEquals(List.of(first), startable(scheduler));
        scheduler.finished(first, QUICK);

        List<PreparedDelivery> accepted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            PreparedDelivery next = delivery("a", "crm", "x");
            if (scheduler.add(next)) {
                accepted.add(next);
            }
        }
        assertEquals(2 + 8, accepted.size(), "a round and a batch wait for a fast receiver");
        assertEquals(8, scheduler.claimRoom());
    }

    @Test
    void aSlowReceiverBringsClaimsBackToRoundsAndHoldsAtMostTwoRoundsWaiting() {
        AttemptScheduler scheduler = new AttemptScheduler(10, 2, 8, 2, 10, 40, MAX_WAIT);
        PreparedDelivery fast = delivery("a", "crm", "x");
        PreparedDelivery slow = delivery("b", "slow-erp", "y");
        scheduler.add(fast);
        scheduler.add(slow);
        assertEquals(List.of(fast, slow), startable(scheduler));
        scheduler.finished(fast, QUICK);
        scheduler.finished(slow, SLOW);
        scheduler.add(delivery("a", "crm", "x"));
        int acceptedForTheSlowOne = 0;
        for (int i = 0; i < 12; i++) {
            acceptedForTheSlowOne += scheduler.add(delivery("b", "slow-erp", "y")) ? 1 : 0;
        }
        assertEquals(2 * 2, acceptedForTheSlowOne);
        assertEquals(2, scheduler.claimRoom(), "a slow receiver is active");
    }

    private static List<PreparedDelivery> startable(AttemptScheduler scheduler) {
        List<PreparedDelivery> expired = new ArrayList<>();
        List<PreparedDelivery> starting = scheduler.startable(NOW, expired);
        assertEquals(List.of(), expired);
        return starting;
    }

    private PreparedDelivery delivery(String accountId, String integrationId, String destination) {
        return new PreparedDelivery(claimed(accountId, integrationId), integration(accountId, integrationId, 1), destination, NOW);
    }

    private ClaimedDelivery claimed(String accountId, String integrationId) {
        return new ClaimedDelivery("delivery-" + ++deliveries, accountId, integrationId, 1L, 1, "hosted-pbx", "inbound_call_received", NOW, Map.of());
    }

    private static IntegrationRecord integration(String accountId, String id, long version) {
        return new IntegrationRecord(id, accountId, id, "webhook", "hosted-pbx", "inbound_call_received", true, null,
                new TransportConfig(Map.of(), Map.of(), List.of()), List.of(), NOW, NOW, version);
    }
}
