package io.pbxhooks.server.delivery;

import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.ACCEPTED;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.DUPLICATE;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group commit: many producers at once get their events written in shared transactions, every acknowledged event is
 * stored exactly once with its delivery, a repeated event id inside a group is answered DUPLICATE without failing the
 * others, and an ACCEPTED answer is sent only once its event is committed (another connection already sees it).
 * Delivery is switched off ({@code pbxhooks.delivery.enabled=false}): this node only ingests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitTest {

    private static final int PRODUCERS = 8;
    private static final int EVENTS_PER_PRODUCER = 300;

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(Map.of("pbxhooks.delivery.enabled", "false"));

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentProducersShareTransactionsAndEveryAcknowledgedEventIsStoredOnce(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        Integration integration = harness.create(account, answeredCalls());
        PublishRequest shared = answered(account, "shared");
        Map<String, Boolean> visibleWhenAcknowledged = new ConcurrentHashMap<>();

        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        List<Future<List<PublishResponse>>> streams = new ArrayList<>();
        for (int producer = 0; producer < PRODUCERS; producer++) {
            List<PublishRequest> events = eventsOf(account, producer, shared);
            streams.add(producers.submit(() -> harness.publishStream(account.producerKey(), events, accepted ->
                    visibleWhenAcknowledged.put(accepted.getEventId(), harness.api().server().queryForLong("SELECT COUNT(*) FROM events "
                            + "WHERE account_id = '" + account.id() + "' AND event_id = '" + accepted.getEventId() + "'") == 1))));
        }
        int sharedAccepted = 0;
        for (int producer = 0; producer < PRODUCERS; producer++) {
            List<PublishResponse> responses = streams.get(producer).get();
            List<PublishRequest> events = eventsOf(account, producer, shared);
            assertEquals(events.size(), responses.size());
            for (int index = 0; index < events.size(); index++) {
                assertEquals(events.get(index).getEventId(), responses.get(index).getEventId(), "responses come in the order of the events");
            }
            sharedAccepted += responses.get(0).getOutcome() == ACCEPTED ? 1 : 0;
            for (int index = 1; index <= EVENTS_PER_PRODUCER; index++) {
                PublishResponse response = responses.get(index);
                boolean repeat = index % 10 == 0;
                assertEquals(repeat ? DUPLICATE : ACCEPTED, response.getOutcome(), response.toString());
                assertEquals(repeat ? 0 : 1, response.getDeliveries());
            }
        }
        producers.shutdown();

        int distinct = PRODUCERS * (EVENTS_PER_PRODUCER - EVENTS_PER_PRODUCER / 10) + 1;
        assertEquals(1, sharedAccepted, "the event all producers sent is accepted once, a DUPLICATE for the others");
        assertEquals(distinct, visibleWhenAcknowledged.size());
        assertTrue(visibleWhenAcknowledged.values().stream().allMatch(Boolean::booleanValue), "ACCEPTED only once committed");
        assertEquals(distinct, harness.api().server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + account.id() + "'"));
        assertEquals(distinct, harness.api().server().queryForLong("SELECT COUNT(*) FROM deliveries WHERE integration_id = '"
                + integration.getId() + "' AND state = 'PENDING'"), "one delivery each, none sent by this ingest-only node");

        DistributionSummary transactions = harness.api().server().context().getBean(MeterRegistry.class)
                .get("pbxhooks.ingest.transaction.events").summary();
        assertTrue(transactions.max() > 1, "some transaction wrote several events");
        assertTrue(transactions.count() < transactions.totalAmount(), "fewer transactions than events: " + transactions.count()
                + " transactions for " + (long) transactions.totalAmount() + " events");
    }

    /** The shared event first, then its own events; every tenth repeats the one before it, at once, so it is in the same group. */
    private static List<PublishRequest> eventsOf(TestAccount account, int producer, PublishRequest shared) {
        List<PublishRequest> events = new ArrayList<>(List.of(shared));
        for (int index = 1; index <= EVENTS_PER_PRODUCER; index++) {
            events.add(index % 10 == 0 ? events.get(index - 1) : answered(account, "p" + producer + "-" + index));
        }
        return events;
    }

    private static PublishRequest answered(TestAccount account, String eventId) {
        return CallEvents.publish(account.id(), account.id() + "-" + eventId, CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid()));
    }

    private static Integration.Builder answeredCalls() {
        return Integration.newBuilder().setName("answered").setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX)
                .setTriggerEvent(INBOUND_CALL_ANSWERED)
                .setWebhook(Webhook.newBuilder().setRequestUrl("http://127.0.0.1:9/answered")
                        .setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"));
    }
}
