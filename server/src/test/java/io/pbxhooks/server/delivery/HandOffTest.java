package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.PrometheusScrape;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * New deliveries go from ingest to the dispatcher in memory: the transaction that stores an event stores its deliveries
 * leased to the node, which starts them without claiming them from the database. A delivery behind an unfinished one of
 * the same call and integration is stored due instead, and claimed once that one has finished.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandOffTest {

    private static final String HANDED_OFF = "pbxhooks_deliveries_handed_off_total";

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
    void newDeliveriesStartFromMemoryEachOnce(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/calls";
        Integration integration = harness.create(account, WebhookIntegrations.ivrChoices(receiver.url(path)));
        PrometheusScrape before = PrometheusScrape.of(harness.api().server());

        List<String> calls = new ArrayList<>();
        for (int round = 1; round <= 4; round++) {
            List<PublishRequest> events = new ArrayList<>();
            for (int event = 0; event < 10; event++) {
                String call = CallEvents.newCallUuid();
                calls.add(call);
                events.add(CallEvents.publish(account.id(), CallEvents.ivrOption(call, "1")));
            }
            harness.publishStream(account.producerKey(), events)
                    .forEach(response -> assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString));
            receiver.awaitRequests(path, 10 * round);
        }

        assertEquals(40.0, PrometheusScrape.of(harness.api().server()).increase(before, HANDED_OFF, Map.of()), "every delivery handed over");
        assertEquals(calls.stream().sorted().toList(), receiver.requests(path).stream().map(request -> Receiver.bodyField(request, "call")).sorted().toList(),
                "each call's request arrived once");
        for (Delivery delivery : harness.deliveries(account, integration.getId())) {
            GetDeliveryResponse finished = harness.awaitFinal(account, delivery.getId());
            assertEquals(Delivery.State.SUCCEEDED, finished.getDelivery().getState(), finished::toString);
            assertEquals(List.of(Attempt.Outcome.SUCCEEDED), finished.getAttemptsList().stream().map(Attempt::getOutcome).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeliveryBehindAnUnfinishedOneOfItsCallWaitsForIt(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/calls";
        String call = CallEvents.newCallUuid();
        String otherCall = CallEvents.newCallUuid();
        receiver.stubFor(post(urlPathEqualTo(path)).withRequestBody(containing(call)).withRequestBody(containing("\"option\":\"1\""))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        Integration integration = harness.create(account, WebhookIntegrations.ivrChoices(receiver.url(path)));
        PrometheusScrape before = PrometheusScrape.of(harness.api().server());

        PublishRequest first = CallEvents.publish(account.id(), CallEvents.ivrOption(call, "1"));
        harness.publishStream(account.producerKey(), List.of(first));
        // The first is stored in flight: the next of its call, published now, must wait for its slow answer.
        PublishRequest second = CallEvents.publish(account.id(), CallEvents.ivrOption(call, "2"));
        PublishRequest other = CallEvents.publish(account.id(), CallEvents.ivrOption(otherCall, "1"));
        harness.publishStream(account.producerKey(), List.of(second, other));

        List<String> arrived = receiver.awaitRequests(path, 3).stream().map(request -> Receiver.bodyField(request, "call") + " " + Receiver.bodyField(request, "option")).toList();
        assertEquals(List.of(call + " 1", call + " 2"), arrived.stream().filter(request -> request.startsWith(call)).toList());
        assertEquals(2.0, PrometheusScrape.of(harness.api().server()).increase(before, HANDED_OFF, Map.of()),
                "the first of the call and the other call's event handed over; the second stored due");

        Map<String, GetDeliveryResponse> byEvent = harness.deliveries(account, integration.getId()).stream()
                .map(delivery -> harness.awaitFinal(account, delivery.getId()))
                .collect(Collectors.toMap(delivery -> delivery.getDelivery().getEventId(), Function.identity()));
        Attempt firstAttempt = byEvent.get(first.getEventId()).getAttempts(0);
        Attempt secondAttempt = byEvent.get(second.getEventId()).getAttempts(0);
        Attempt otherAttempt = byEvent.get(other.getEventId()).getAttempts(0);
        long firstFinished = Timestamps.toMillis(firstAttempt.getStartTime()) + Durations.toMillis(firstAttempt.getDuration());
        assertTrue(Timestamps.toMillis(secondAttempt.getStartTime()) >= firstFinished,
                () -> "the second starts after the first finished: " + firstAttempt + " then " + secondAttempt);
        assertTrue(Timestamps.toMillis(otherAttempt.getStartTime()) < firstFinished,
                () -> "the other call's event waits for nothing: " + otherAttempt + " vs " + firstAttempt);
        byEvent.values().forEach(delivery -> assertEquals(Delivery.State.SUCCEEDED, delivery.getDelivery().getState(), delivery::toString));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRetryFallsDueWhileHandOffsKeepWakingTheDispatcher(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String busy = "/" + account.id() + "/busy";
        String flaky = "/" + account.id() + "/flaky";
        // The busy receiver answers after 200 ms: with an event every 20 ms it always has about ten requests in flight, never
        // idle and never at its cap of 16, so nothing else (a destination going idle, a full line) asks for a claim.
        receiver.stubFor(post(urlPathEqualTo(busy)).willReturn(aResponse().withStatus(200).withFixedDelay(200)));
        receiver.stubFor(post(urlPathEqualTo(flaky)).inScenario(account.id()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        harness.create(account, WebhookIntegrations.ivrChoices(receiver.url(busy)));
        harness.create(account, Integration.newBuilder().setName("calls").setType("webhook")
                .setTriggerServiceType(CallEvents.HOSTED_PBX).setTriggerEvent(CallEvents.INBOUND_CALL_RECEIVED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(receiver.url(flaky)).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid")));

        // Events every 20 ms, each handed over and waking the dispatcher well within its 100 ms poll interval.
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (publishing.get()) {
                harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.ivrOption(CallEvents.newCallUuid(), "1")));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        });
        load.start();
        try {
            Thread.sleep(500);
            harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(CallEvents.INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())));
            List<LoggedRequest> attempts = receiver.awaitRequests(flaky, 2);
            Duration untilRetry = Duration.between(attempts.get(0).getLoggedDate().toInstant(), attempts.get(1).getLoggedDate().toInstant());
            assertTrue(untilRetry.compareTo(Duration.ofSeconds(2)) < 0,
                    "the retry, due 300 ms after the first attempt, came " + untilRetry.toMillis() + " ms after it, during the load");
        } finally {
            publishing.set(false);
            load.join();
        }
        assertTrue(receiver.requests(busy).size() > 10, "the load went on meanwhile: " + receiver.requests(busy).size() + " requests");
    }
}
