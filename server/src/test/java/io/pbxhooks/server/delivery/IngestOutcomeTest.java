package io.pbxhooks.server.delivery;

import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.ACCEPTED;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.DUPLICATE;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.REJECTED;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the producer is told for each event, and that only accepted, new events are delivered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestOutcomeTest {

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase();
    private final Receiver receiver = new Receiver();

    @AfterAll
    void stop() throws Exception {
        servers.close();
        receiver.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRepeatedEventIdYieldsOneDelivery(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        Integration integration = harness.create(account, answeredCalls(account));
        PublishRequest event = CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid()));
        PublishRequest sameIdOtherCall = CallEvents.publish(account.id(), event.getEventId(),
                CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid()));

        assertOutcome(ACCEPTED, 1, harness.publishOne(account, event));
        assertOutcome(DUPLICATE, 0, harness.publishOne(account, event));
        assertOutcome(DUPLICATE, 0, harness.publishOne(account, sameIdOtherCall));
        List<PublishResponse> streamed = harness.publishStream(account.producerKey(), List.of(event, event));
        streamed.forEach(response -> assertOutcome(DUPLICATE, 0, response));

        Delivery delivery = harness.onlyDelivery(account, integration.getId());
        assertEquals(Delivery.State.SUCCEEDED, harness.awaitFinal(account, delivery.getId()).getDelivery().getState());
        assertEquals(List.of(delivery.getId()), harness.deliveries(account, integration.getId()).stream().map(Delivery::getId).toList());
        assertEquals(1, receiver.requests(prefix(account)).size());
        assertEquals(1, harness.api().server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + account.id() + "'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onTheStreamEachBadEventIsRejectedWithItsReasonAndTheStreamGoesOn(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        TestAccount other = harness.newAccount();
        Integration integration = harness.create(account, answeredCalls(account));
        Integration othersIntegration = harness.create(other, answeredCalls(other));
        PublishRequest first = answered(account);
        PublishRequest last = answered(account);
        List<PublishRequest> events = List.of(
                first,
                CallEvents.publish(account.id(), CallEvent.newBuilder().setDirection(CallEvent.Direction.INBOUND).build()),
                first.toBuilder().setEventId("not-a-call-event").setPayload(Any.pack(Timestamp.getDefaultInstance())).build(),
                first.toBuilder().setEventId("unknown-service-type").setServiceType("pbx-classic").build(),
                first,
                answered(other),
                first.toBuilder().setEventId("").build(),
                last);

        List<PublishResponse> responses = harness.publishStream(account.producerKey(), events);
        assertEquals(events.size(), responses.size(), responses::toString);
        assertOutcome(ACCEPTED, 1, responses.get(0));
        assertRejected(responses.get(1), "kind is not set", "call_uuid is empty");
        assertRejected(responses.get(2), "google.protobuf.Timestamp", "pbxhooks.hostedpbx.v1.CallEvent");
        assertRejected(responses.get(3), "pbx-classic", "hosted-pbx");
        assertOutcome(DUPLICATE, 0, responses.get(4));
        assertRejected(responses.get(5), "publishes only for account " + account.id());
        assertRejected(responses.get(6), "event_id is required");
        assertOutcome(ACCEPTED, 1, responses.get(7));
        for (int index = 0; index < 6; index++) {
            assertEquals(events.get(index).getEventId(), responses.get(index).getEventId());
        }

        List<Delivery> deliveries = harness.deliveries(account, integration.getId());
        assertEquals(List.of(last.getEventId(), first.getEventId()), deliveries.stream().map(Delivery::getEventId).toList(), "newest first");
        deliveries.forEach(delivery -> harness.awaitFinal(account, delivery.getId()));
        assertEquals(2, receiver.requests(prefix(account)).size());
        assertEquals(List.of(), harness.deliveries(other, othersIntegration.getId()), "nothing reached the other account");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aProducerKeyCannotPublishForAnotherAccount(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        TestAccount other = harness.newAccount();
        Integration othersIntegration = harness.create(other, answeredCalls(other));

        assertRejected(harness.publishOne(account, answered(other)), "this producer key publishes only for account " + account.id());
        assertEquals(List.of(), harness.deliveries(other, othersIntegration.getId()));
        assertEquals(0, harness.api().server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + other.id() + "'"));
    }

    private static void assertOutcome(PublishResponse.Outcome outcome, int deliveries, PublishResponse response) {
        assertEquals(outcome, response.getOutcome(), response::toString);
        assertEquals(deliveries, response.getDeliveries(), response::toString);
        assertEquals("", response.getReason(), response::toString);
    }

    private static void assertRejected(PublishResponse response, String... reasonParts) {
        assertEquals(REJECTED, response.getOutcome(), response::toString);
        assertEquals(0, response.getDeliveries(), response::toString);
        for (String part : reasonParts) {
            assertTrue(response.getReason().contains(part), () -> "the reason names " + part + ": " + response);
        }
    }

    private static PublishRequest answered(TestAccount account) {
        return CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid()));
    }

    private static String prefix(TestAccount account) {
        return "/" + account.id() + "/";
    }

    private Integration.Builder answeredCalls(TestAccount account) {
        return Integration.newBuilder().setName("answered").setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX)
                .setTriggerEvent(INBOUND_CALL_ANSWERED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(receiver.url(prefix(account) + "answered"))
                        .setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"));
    }
}
