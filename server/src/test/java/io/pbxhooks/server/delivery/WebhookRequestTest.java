package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the five Hosted PBX events, published by a producer over gRPC, reaches a real HTTP receiver as exactly the
 * request each kind of integration configures: method, path and query, headers, body bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRequestTest {

    /** One integration per way of sending; each gets its own path under the test's prefix. */
    enum Shape { POST_JSON, GET_QUERY, POST_QUERY, BASIC, TOKEN, CUSTOM_HEADERS, PATH_ARGUMENTS, SIGNED }

    private static final String PASSWORD = "pa:ss word";
    private static final String TOKEN = "tok_5f2a9c";
    private static final String SIGNING_SECRET = WebhookIntegrations.newSigningSecret();

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase();
    private final Receiver receiver = new Receiver();

    @AfterAll
    void stop() throws Exception {
        servers.close();
        receiver.close();
    }

    static Stream<Arguments> databasesAndEvents() {
        return TestDatabase.kinds().stream().flatMap(database -> CallEvents.ALL_EVENTS.stream().map(event -> Arguments.of(database, event)));
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databasesAndEvents")
    void eachEventReachesEveryKindOfIntegrationExactlyAsConfigured(TestDatabase.Kind database, String eventType) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String callUuid = CallEvents.newCallUuid();
        List<CallEvents.Mapped> payload = CallEvents.fullPayload(eventType, callUuid);
        String prefix = "/" + account.id() + "/";
        Map<Shape, Integration> integrations = new EnumMap<>(Shape.class);
        for (Shape shape : Shape.values()) {
            integrations.put(shape, harness.create(account, integration(shape, eventType, prefix, payload)));
        }

        Instant published = Instant.now();
        PublishResponse response = harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(eventType, callUuid)));
        assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
        assertEquals(Shape.values().length, response.getDeliveries());

        receiver.awaitRequests(prefix, Shape.values().length);
        for (Shape shape : Shape.values()) {
            assertDelivered(harness, account, integrations.get(shape), prefix + path(shape), published,
                    (id, timestamp) -> expected(shape, prefix, payload, id, timestamp));
        }
    }

    /** A field the trigger event has but this event lacks (empty in the PBX's message) is left out, in either format. */
    @ParameterizedTest
    @MethodSource("databases")
    void aFieldTheEventLacksIsLeftOut(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String callUuid = CallEvents.newCallUuid();
        String prefix = "/" + account.id() + "/";
        List<CallEvents.Mapped> mapped = CallEvents.fullPayload(INBOUND_CALL_ANSWERED, callUuid);
        Integration json = harness.create(account, integration(Shape.POST_JSON, INBOUND_CALL_ANSWERED, prefix, mapped));
        Integration query = harness.create(account, integration(Shape.GET_QUERY, INBOUND_CALL_ANSWERED, prefix, mapped));
        CallEvent.Builder call = CallEvents.firing(INBOUND_CALL_ANSWERED, callUuid).toBuilder();
        call.getServiceBuilder().clearFriendlyName();
        call.getExtensionBuilder().clearName().clearOutboundPhoneNumber().clearEnabledCalls();
        Set<String> lacking = Set.of("service_friendly_name", "name", "outbound_phone_number", "enabled_calls");
        List<CallEvents.Mapped> payload = mapped.stream().filter(entry -> !lacking.contains(entry.field())).toList();

        Instant published = Instant.now();
        assertEquals(2, harness.publishOne(account, CallEvents.publish(account.id(), call.build())).getDeliveries());
        assertDelivered(harness, account, json, prefix + path(Shape.POST_JSON), published,
                (id, timestamp) -> expected(Shape.POST_JSON, prefix, payload, id, timestamp));
        assertDelivered(harness, account, query, prefix + path(Shape.GET_QUERY), published,
                (id, timestamp) -> expected(Shape.GET_QUERY, prefix, payload, id, timestamp));
    }

    /** The dispatcher keeps integrations it has read: a delivery after an update is sent as the integration now says. */
    @ParameterizedTest
    @MethodSource("databases")
    void aDeliveryAfterAnUpdateIsSentAsTheIntegrationNowSays(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String prefix = "/" + account.id() + "/";
        List<CallEvents.Mapped> payload = CallEvents.fullPayload(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid());
        Integration created = harness.create(account, integration(Shape.POST_JSON, INBOUND_CALL_ANSWERED, prefix, payload)
                .setWebhook(Webhook.newBuilder().setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON)
                        .setRequestUrl(receiver.url(prefix + "before"))));
        harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid())));
        receiver.awaitRequests(prefix + "before", 1);

        harness.api().integrations(account.adminKey()).updateIntegration(UpdateIntegrationRequest.newBuilder()
                .setIntegration(created.toBuilder().setWebhook(created.getWebhook().toBuilder().setRequestUrl(receiver.url(prefix + "after"))
                        .addHeaders(WebhookIntegrations.header("X-Changed", "yes")))).build());
        harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid())));

        List<LoggedRequest> after = receiver.awaitRequests(prefix + "after", 1);
        assertEquals("yes", after.get(0).getHeader("X-Changed"));
        assertEquals(1, receiver.requests(prefix + "before").size());
    }

    private interface Expectation {
        String request(String deliveryId, long timestamp);
    }

    private void assertDelivered(DeliveryHarness harness, TestAccount account, Integration integration, String path, Instant published,
                                 Expectation expectation) {
        GetDeliveryResponse delivery = harness.awaitFinal(account, harness.onlyDelivery(account, integration.getId()).getId());
        assertEquals(Delivery.State.SUCCEEDED, delivery.getDelivery().getState(), delivery::toString);
        assertEquals(1, delivery.getAttemptsCount(), delivery::toString);
        Attempt attempt = delivery.getAttempts(0);
        long timestamp = attempt.getStartTime().getSeconds();
        assertTrue(timestamp >= published.getEpochSecond() && timestamp <= Instant.now().getEpochSecond(), attempt::toString);

        List<LoggedRequest> received = receiver.awaitRequests(path, 1);
        assertEquals(1, received.size(), () -> "requests to " + path + ": " + received);
        LoggedRequest request = received.get(0);
        assertEquals(expectation.request(delivery.getDelivery().getId(), timestamp), HttpRequests.render(request), integration.getName());
        assertEquals("127.0.0.1:" + receiver.port(), request.getHeader("Host"));
        if (request.getMethod().getName().equals("POST")) {
            assertEquals(Integer.toString(request.getBody().length), request.getHeader("Content-Length"));
        }
    }

    private Integration.Builder integration(Shape shape, String eventType, String prefix, List<CallEvents.Mapped> payload) {
        Webhook.Builder webhook = Webhook.newBuilder().setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON)
                .setRequestUrl(receiver.url(prefix + path(shape)));
        switch (shape) {
            case POST_JSON -> webhook.setRequestUrl(receiver.url(prefix + path(shape) + "?source=pbx"));
            case GET_QUERY -> webhook.setMethod(Webhook.Method.GET).setFormat(Webhook.Format.QUERY)
                    .setRequestUrl(receiver.url(prefix + path(shape) + "?source=pbx&x=1"));
            case POST_QUERY -> webhook.setFormat(Webhook.Format.QUERY).setRequestUrl(receiver.url(prefix + path(shape) + "?source=pbx"));
            case BASIC -> webhook.setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.BASIC).setUsername("crm-user").setPassword(PASSWORD));
            case TOKEN -> webhook.setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken(TOKEN));
            case CUSTOM_HEADERS -> webhook.addHeaders(WebhookIntegrations.header("X-Source", "pbxhooks"))
                    .addHeaders(WebhookIntegrations.header("X-Tenant", "acme 42"));
            case PATH_ARGUMENTS -> webhook.setRequestUrl(receiver.url(prefix + path(shape) + "?source=pbx")).setPathArguments("calls/answered");
            case SIGNED -> webhook.setSigningSecret(SIGNING_SECRET);
        }
        return Integration.newBuilder().setName(shape.name()).setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX)
                .setTriggerEvent(eventType).setWebhook(webhook).addAllFieldMappings(payload.stream().map(CallEvents.Mapped::mapping).toList());
    }

    private static String path(Shape shape) {
        return shape.name().toLowerCase().replace('_', '-');
    }

    /** The request as the issue specifies it, written out from the configuration above. */
    private static String expected(Shape shape, String prefix, List<CallEvents.Mapped> payload, String deliveryId, long timestamp) {
        String method = "POST";
        String url = prefix + path(shape);
        String body = HttpRequests.json(payload);
        Map<String, String> headers = new HashMap<>(Map.of("user-agent", HttpRequests.USER_AGENT, "content-type", "application/json",
                "webhook-id", deliveryId, "webhook-timestamp", Long.toString(timestamp)));
        switch (shape) {
            case POST_JSON -> url += "?source=pbx";
            case GET_QUERY -> {
                method = "GET";
                url += "?source=pbx&x=1&" + HttpRequests.query(payload);
                body = "";
                headers.remove("content-type");
            }
            case POST_QUERY -> {
                url += "?source=pbx";
                body = HttpRequests.query(payload);
                headers.put("content-type", "application/x-www-form-urlencoded");
            }
            case BASIC -> headers.put("authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("crm-user:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            case TOKEN -> headers.put("authorization", "Bearer " + TOKEN);
            case CUSTOM_HEADERS -> headers.putAll(Map.of("x-source", "pbxhooks", "x-tenant", "acme 42"));
            case PATH_ARGUMENTS -> url += "/calls/answered?source=pbx";
            case SIGNED -> headers.put("webhook-signature",
                    StandardWebhooks.signature(SIGNING_SECRET, deliveryId, Long.toString(timestamp), body.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpRequests.render(method, url, headers, body);
    }
}
