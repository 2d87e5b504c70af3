package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.PrometheusScrape;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery meters after real deliveries to a real receiver: two that succeed at once and one whose three attempts
 * all fail move the counters, the attempt latency histogram and the event → first attempt histogram by exactly that.
 */
class DeliveryMetricsTest {

    private static final String DELIVERIES = "pbxhooks_deliveries_total";
    private static final String ATTEMPTS = "pbxhooks_delivery_attempt_seconds_count";
    private static final String FIRST_ATTEMPTS = "pbxhooks_event_to_first_attempt_seconds_count";

    @Test
    void deliveryMetersMoveByWhatWasDelivered() throws Exception {
        Map<String, Object> properties = new HashMap<>(DeliveryHarness.FAST_DELIVERY);
        properties.put("pbxhooks.metrics.account-label", "true");
        try (Receiver receiver = new Receiver();
             DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(properties)) {
            DeliveryHarness harness = servers.on(TestDatabase.Kind.H2);
            TestAccount healthy = harness.newAccount();
            TestAccount failing = harness.newAccount();
            receiver.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
            Integration up = harness.create(healthy, integration(receiver.url("/up")));
            Integration down = harness.create(failing, integration(receiver.url("/down")));
            PrometheusScrape before = PrometheusScrape.of(harness.api().server());

            harness.publishOne(healthy, CallEvents.publish(healthy.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())));
            harness.publishOne(healthy, CallEvents.publish(healthy.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())));
            harness.publishOne(failing, CallEvents.publish(failing.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())));
            for (Delivery delivery : harness.deliveries(healthy, up.getId())) {
                harness.awaitFinal(healthy, delivery.getId());
            }
            harness.awaitFinal(failing, harness.onlyDelivery(failing, down.getId()).getId());
            PrometheusScrape after = PrometheusScrape.of(harness.api().server());

            assertEquals(2.0, after.increase(before, DELIVERIES, Map.of("outcome", "succeeded", "transport", "webhook", "account", healthy.id())));
            assertEquals(0.0, after.increase(before, DELIVERIES, Map.of("outcome", "succeeded", "account", failing.id())));
            assertEquals(2.0, after.increase(before, DELIVERIES, Map.of("outcome", "retry_scheduled", "account", failing.id())));
            assertEquals(1.0, after.increase(before, DELIVERIES, Map.of("outcome", "failed", "account", failing.id())));
            assertEquals(2.0 + DeliveryHarness.MAX_ATTEMPTS, after.increase(before, ATTEMPTS, Map.of("transport", "webhook")));
            assertEquals(3.0, after.increase(before, FIRST_ATTEMPTS, Map.of()), "one first attempt per delivery, retries not counted");
            assertEquals(0.0, after.value("pbxhooks_deliveries_in_flight"), "nothing in flight once all are finished");
        }
    }

    private static Integration.Builder integration(String url) {
        return Integration.newBuilder().setName("measured").setType("webhook")
                .setTriggerServiceType(CallEvents.HOSTED_PBX).setTriggerEvent(INBOUND_CALL_RECEIVED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(url).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"));
    }
}
