package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.SendTestEventRequest;
import io.pbxhooks.admin.v1.SendTestEventResponse;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SendTestEvent sends the trigger's sample event to the receiver at once — even while the integration is disabled and
 * the application off — and answers with the attempt: the receiver's status, headers and body. It is never retried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendTestEventTest {

    private static final String SAMPLE_BODY = "\\{\"ext\":\"\\d+\",\"caller\":\"\\+\\d+\",\"agent\":\"[^\"]+\",\"when\":\"[-0-9T:.]+Z\"}";

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
    void aTestEventReachesTheReceiverAndItsAnswerComesBack(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/test";
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201).withHeader("X-Receiver", "wiremock")
                .withBody("{\"received\":true}")));
        Integration integration = harness.create(account, integration(path));
        harness.api().integrations(account.adminKey()).disableIntegration(DisableIntegrationRequest.newBuilder().setId(integration.getId()).build());
        harness.setApplication(account.id(), false);

        SendTestEventResponse response = sendTestEvent(harness, account, integration);
        Delivery delivery = response.getDelivery();
        assertTrue(delivery.getTest(), delivery::toString);
        assertEquals(integration.getId(), delivery.getIntegrationId());
        assertEquals(INBOUND_CALL_ANSWERED, delivery.getEventType());
        assertEquals(Delivery.State.SUCCEEDED, delivery.getState());
        assertEquals(1, delivery.getAttemptCount());
        Attempt attempt = response.getAttempt();
        assertEquals(Attempt.Outcome.SUCCEEDED, attempt.getOutcome(), attempt::toString);
        assertEquals(201, attempt.getStatusCode());
        assertEquals("{\"received\":true}", attempt.getResponseExcerpt());
        assertTrue(attempt.getResponseHeadersList().contains(Attempt.Header.newBuilder().setName("X-Receiver").setValue("wiremock").build()),
                attempt::toString);

        List<LoggedRequest> received = receiver.requests(path);
        assertEquals(1, received.size(), "sent once, before SendTestEvent answered");
        assertEquals(delivery.getId(), received.get(0).getHeader("webhook-id"));
        assertTrue(received.get(0).getBodyAsString().matches(SAMPLE_BODY), received.get(0).getBodyAsString());
        assertTrue(attempt.getRequest().endsWith("\n\n" + received.get(0).getBodyAsString()), attempt::toString);

        GetDeliveryResponse stored = harness.delivery(account, delivery.getId());
        assertEquals(delivery, stored.getDelivery());
        assertEquals(List.of(attempt), stored.getAttemptsList());
        assertEquals(List.of(delivery), harness.deliveries(account, integration.getId()), "listed as a test delivery");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingReceiverIsReportedNotRetried(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/broken";
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        Integration integration = harness.create(account, integration(path));

        SendTestEventResponse response = sendTestEvent(harness, account, integration);
        assertEquals(Delivery.State.FAILED, response.getDelivery().getState(), response::toString);
        assertEquals(503, response.getAttempt().getStatusCode());
        assertEquals("HTTP 503 Service Unavailable: down for maintenance", response.getAttempt().getDetail());
        assertEquals("down for maintenance", response.getAttempt().getResponseExcerpt());
        assertEquals(1, receiver.requests(path).size());
        assertEquals(Delivery.State.FAILED, harness.delivery(account, response.getDelivery().getId()).getDelivery().getState());
    }

    private static SendTestEventResponse sendTestEvent(DeliveryHarness harness, TestAccount account, Integration integration) {
        return harness.api().integrations(account.adminKey()).sendTestEvent(SendTestEventRequest.newBuilder().setId(integration.getId()).build());
    }

    private Integration.Builder integration(String path) {
        return Integration.newBuilder().setName("CRM").setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX)
                .setTriggerEvent(INBOUND_CALL_ANSWERED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(receiver.url(path)).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("ext", "extension_number"))
                .addFieldMappings(WebhookIntegrations.mapping("caller", "source_number"))
                .addFieldMappings(WebhookIntegrations.mapping("agent", "name"))
                .addFieldMappings(WebhookIntegrations.mapping("when", "date_time"));
    }
}
