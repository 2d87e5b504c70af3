package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pbxhooks.admin.v1.Attempt.Outcome.PERMANENT;
import static io.pbxhooks.admin.v1.Attempt.Outcome.RETRYABLE;
import static io.pbxhooks.admin.v1.Attempt.Outcome.SUCCEEDED;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.RedeliverDeliveryRequest;
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
 * A receiver that fails in each way WireMock can fail: transient failures are retried (300 ms, then 600 ms, three
 * attempts in all), final ones are not, and every attempt is recorded as it happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryTest {

    private static final String TOKEN = WebhookIntegrations.newSecret("tok_");

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
    void a500ThenA200Succeeds(TestDatabase.Kind database) {
        Sent sent = send(database, aResponse().withStatus(500).withBody("try later"), 10_000);
        GetDeliveryResponse delivery = sent.awaitFinal();
        assertAttempts(delivery, Delivery.State.SUCCEEDED, RETRYABLE, SUCCEEDED);
        assertAttempt(delivery.getAttempts(0), 500, "HTTP 500 Server Error: try later", "try later");
        assertAttempt(delivery.getAttempts(1), 200, "HTTP 200 OK", Receiver.DEFAULT_BODY);
        assertEquals(200, delivery.getDelivery().getLastStatusCode());
        assertEquals("", delivery.getDelivery().getLastError());
        Attempt first = delivery.getAttempts(0);
        assertTrue(first.getRequest().startsWith("POST " + receiver.url(sent.path()) + "\n"), first.getRequest());
        assertTrue(first.getRequest().contains("Authorization: ********\n"), first.getRequest());
        assertFalse(first.getRequest().contains(TOKEN), "the token is redacted from the attempt log");
        assertTrue(gapMillis(delivery, 0) >= 240, () -> "the retry waits about 300 ms: " + delivery);
        assertSameRequestTwice(sent, delivery);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aConnectionResetIsRetried(TestDatabase.Kind database) {
        Sent sent = send(database, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 10_000);
        GetDeliveryResponse delivery = sent.awaitFinal();
        assertAttempts(delivery, Delivery.State.SUCCEEDED, RETRYABLE, SUCCEEDED);
        Attempt reset = delivery.getAttempts(0);
        assertEquals(0, reset.getStatusCode(), reset::toString);
        assertTrue(reset.getDetail().matches("(?i).*(connection|closed|reset).*"), reset::toString);
        assertEquals(List.of(), reset.getResponseHeadersList());
        assertSameRequestTwice(sent, delivery);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aResponseSlowerThanTheTimeoutIsRetried(TestDatabase.Kind database) {
        Sent sent = send(database, aResponse().withStatus(200).withFixedDelay(2_000), 500);
        GetDeliveryResponse delivery = sent.awaitFinal();
        assertAttempts(delivery, Delivery.State.SUCCEEDED, RETRYABLE, SUCCEEDED);
        Attempt slow = delivery.getAttempts(0);
        assertAttempt(slow, 0, "no complete response within the timeout of 500 ms", "");
        long took = Durations.toMillis(slow.getDuration());
        assertTrue(took >= 450 && took < 2_000, () -> "the attempt is cut off at the timeout, not after the 2 s response: " + slow);
        assertSameRequestTwice(sent, delivery);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a429IsRetriedNoSoonerThanItsRetryAfter(TestDatabase.Kind database) {
        Sent sent = send(database, aResponse().withStatus(429).withHeader("Retry-After", "1"), 10_000);
        GetDeliveryResponse delivery = sent.awaitFinal();
        assertAttempts(delivery, Delivery.State.SUCCEEDED, RETRYABLE, SUCCEEDED);
        Attempt limited = delivery.getAttempts(0);
        assertEquals(429, limited.getStatusCode());
        assertTrue(limited.getResponseHeadersList().contains(Attempt.Header.newBuilder().setName("Retry-After").setValue("1").build()),
                limited::toString);
        assertTrue(gapMillis(delivery, 0) >= 1_000, () -> "Retry-After: 1 is honoured rather than the 300 ms delay: " + delivery);
        List<LoggedRequest> requests = receiver.requests(sent.path());
        assertTrue(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime() >= 950, "as the receiver saw it");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a404FailsForGoodAtOnce(TestDatabase.Kind database) {
        Sent sent = send(database, aResponse().withStatus(404).withBody("no such hook"), 10_000);
        GetDeliveryResponse delivery = sent.awaitFinal();
        assertAttempts(delivery, Delivery.State.FAILED, PERMANENT);
        assertAttempt(delivery.getAttempts(0), 404, "HTTP 404 Not Found: no such hook", "no such hook");
        assertEquals(404, delivery.getDelivery().getLastStatusCode());
        assertEquals("HTTP 404 Not Found: no such hook", delivery.getDelivery().getLastError());
        assertFalse(delivery.getDelivery().hasNextAttemptTime());
        assertEquals(1, receiver.requests(sent.path()).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whenTheRetriesRunOutItFailsAndRedeliveringSendsItAgain(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/down";
        StubMapping down = receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        Sent sent = publish(harness, account, path, 10_000);
        GetDeliveryResponse failed = sent.awaitFinal();
        assertAttempts(failed, Delivery.State.FAILED, RETRYABLE, RETRYABLE, RETRYABLE);
        failed.getAttemptsList().forEach(attempt -> assertEquals(503, attempt.getStatusCode()));
        assertEquals(DeliveryHarness.MAX_ATTEMPTS, receiver.requests(path).size());

        receiver.removeStub(down);
        Delivery queued = harness.api().deliveries(account.adminKey()).redeliverDelivery(RedeliverDeliveryRequest.newBuilder()
                .setId(sent.deliveryId()).build()).getDelivery();
        assertEquals(Delivery.State.PENDING, queued.getState());
        GetDeliveryResponse redelivered = harness.awaitFinal(account, sent.deliveryId());
        assertAttempts(redelivered, Delivery.State.SUCCEEDED, RETRYABLE, RETRYABLE, RETRYABLE, SUCCEEDED);
        List<LoggedRequest> requests = receiver.awaitRequests(path, 4);
        assertEquals(4, requests.size());
        requests.forEach(request -> assertEquals(sent.deliveryId(), request.getHeader("webhook-id")));
    }

    /** A delivery on its way: its integration's path at the receiver and its id. */
    private record Sent(DeliveryHarness harness, TestAccount account, String path, String deliveryId) {
        GetDeliveryResponse awaitFinal() {
            return harness.awaitFinal(account, deliveryId);
        }
    }

    /** A delivery to a receiver that answers {@code firstAnswer} once, then 200. */
    private Sent send(TestDatabase.Kind database, ResponseDefinitionBuilder firstAnswer, int timeoutMillis) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/hook";
        receiver.stubFor(post(urlPathEqualTo(path)).inScenario(account.id()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(firstAnswer).willSetStateTo("answered once"));
        return publish(harness, account, path, timeoutMillis);
    }

    private Sent publish(DeliveryHarness harness, TestAccount account, String path, int timeoutMillis) {
        Integration integration = harness.create(account, Integration.newBuilder().setName("retried").setType("webhook")
                .setTriggerServiceType(CallEvents.HOSTED_PBX).setTriggerEvent(INBOUND_CALL_RECEIVED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(receiver.url(path)).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON)
                        .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken(TOKEN))
                        .setTimeout(Duration.newBuilder().setSeconds(timeoutMillis / 1000).setNanos(timeoutMillis % 1000 * 1_000_000)))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid")));
        assertEquals(1, harness.publishOne(account, CallEvents.publish(account.id(),
                CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid()))).getDeliveries());
        return new Sent(harness, account, path, harness.onlyDelivery(account, integration.getId()).getId());
    }

    private static void assertAttempts(GetDeliveryResponse delivery, Delivery.State state, Attempt.Outcome... outcomes) {
        assertEquals(state, delivery.getDelivery().getState(), delivery::toString);
        assertEquals(outcomes.length, delivery.getDelivery().getAttemptCount(), delivery::toString);
        assertEquals(List.of(outcomes), delivery.getAttemptsList().stream().map(Attempt::getOutcome).toList(), delivery::toString);
        for (int index = 0; index < outcomes.length; index++) {
            assertEquals(index + 1, delivery.getAttempts(index).getNumber());
        }
    }

    private static void assertAttempt(Attempt attempt, int statusCode, String detail, String responseExcerpt) {
        assertEquals(statusCode, attempt.getStatusCode(), attempt::toString);
        assertEquals(detail, attempt.getDetail(), attempt::toString);
        assertEquals(responseExcerpt, attempt.getResponseExcerpt(), attempt::toString);
    }

    /** From the start of attempt {@code index} to the start of the next. */
    private static long gapMillis(GetDeliveryResponse delivery, int index) {
        return Timestamps.toMillis(delivery.getAttempts(index + 1).getStartTime()) - Timestamps.toMillis(delivery.getAttempts(index).getStartTime());
    }

    /** Both attempts reached the receiver as the same request: the same webhook-id (the delivery id) and body. */
    private void assertSameRequestTwice(Sent sent, GetDeliveryResponse delivery) {
        List<LoggedRequest> requests = receiver.requests(sent.path());
        assertEquals(2, requests.size(), () -> "requests: " + requests);
        for (LoggedRequest request : requests) {
            assertEquals(delivery.getDelivery().getId(), request.getHeader("webhook-id"));
            assertEquals(requests.get(0).getBodyAsString(), request.getBodyAsString());
        }
    }
}
