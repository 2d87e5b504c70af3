package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events that must reach no receiver are still acknowledged (ACCEPTED, 0 deliveries), and nothing is sent. "Nothing
 * arrives" is shown by a later event of the same integration that does arrive, alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NothingQueuedTest {

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

    /** A {@code **} pickup is an internal call: no Inbound Call Answered, nor any other of the five events. */
    @ParameterizedTest
    @MethodSource("databases")
    void aStarStarPickupFiresNothing(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String prefix = "/" + account.id() + "/";
        Map<String, Integration> byEvent = new HashMap<>();
        for (String event : CallEvents.ALL_EVENTS) {
            byEvent.put(event, harness.create(account, integration(event, receiver.url(prefix + event))));
        }

        assertAcceptedWithoutDeliveries(harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.pickup(CallEvents.newCallUuid()))));
        assertOnlyTheNextEventArrives(harness, account, byEvent.get(INBOUND_CALL_ANSWERED), prefix);
        for (String event : CallEvents.ALL_EVENTS) {
            int expected = event.equals(INBOUND_CALL_ANSWERED) ? 1 : 0;
            assertEquals(expected, harness.deliveries(account, byEvent.get(event).getId()).size(), event);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whileTheApplicationIsOffNothingIsQueued(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String prefix = "/" + account.id() + "/";
        Integration integration = harness.create(account, integration(INBOUND_CALL_ANSWERED, receiver.url(prefix + "answered")));

        harness.setApplication(account.id(), false);
        assertAcceptedWithoutDeliveries(harness.publishOne(account, answeredCall(account)));
        harness.setApplication(account.id(), true);
        assertOnlyTheNextEventArrives(harness, account, integration, prefix);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDisabledIntegrationGetsNothing(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String prefix = "/" + account.id() + "/";
        Integration integration = harness.create(account, integration(INBOUND_CALL_ANSWERED, receiver.url(prefix + "answered")));

        harness.api().integrations(account.adminKey()).disableIntegration(DisableIntegrationRequest.newBuilder().setId(integration.getId()).build());
        assertAcceptedWithoutDeliveries(harness.publishOne(account, answeredCall(account)));
        harness.api().integrations(account.adminKey()).enableIntegration(EnableIntegrationRequest.newBuilder().setId(integration.getId()).build());
        assertOnlyTheNextEventArrives(harness, account, integration, prefix);
    }

    private static void assertAcceptedWithoutDeliveries(PublishResponse response) {
        assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
        assertEquals(0, response.getDeliveries(), response::toString);
    }

    /** Publishes an answered call the integration receives; it must be the only delivery and the only request. */
    private void assertOnlyTheNextEventArrives(DeliveryHarness harness, TestAccount account, Integration integration, String prefix) {
        String callUuid = CallEvents.newCallUuid();
        PublishRequest next = CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, callUuid));
        assertEquals(1, harness.publishOne(account, next).getDeliveries());
        Delivery delivery = harness.awaitFinal(account, harness.onlyDelivery(account, integration.getId()).getId()).getDelivery();
        assertEquals(Delivery.State.SUCCEEDED, delivery.getState());
        assertEquals(next.getEventId(), delivery.getEventId());
        List<LoggedRequest> received = receiver.requests(prefix);
        assertEquals(1, received.size(), () -> "requests: " + received);
        assertEquals(delivery.getId(), received.get(0).getHeader("webhook-id"));
        assertEquals("{\"call\":\"" + callUuid + "\"}", received.get(0).getBodyAsString());
    }

    private static PublishRequest answeredCall(TestAccount account) {
        return CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid()));
    }

    private static Integration.Builder integration(String event, String url) {
        return Integration.newBuilder().setName(event).setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX).setTriggerEvent(event)
                .setWebhook(Webhook.newBuilder().setRequestUrl(url).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"));
    }
}
