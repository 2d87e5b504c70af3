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
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For one integration, the events of one call are delivered in event order even when the first attempt fails: the
 * later ones wait until the first has succeeded. Another call's event is not held back meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderingTest {

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
    void theEventsOfOneCallArriveInOrderAfterAFailedFirstAttempt(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/ivr";
        String call = CallEvents.newCallUuid();
        String otherCall = CallEvents.newCallUuid();
        // The call's first request fails; Retry-After keeps its retry a second away, time enough to see what else is sent meanwhile.
        receiver.stubFor(post(urlPathEqualTo(path)).withRequestBody(containing(call)).inScenario(account.id())
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Retry-After", "1")).willSetStateTo("failed once"));
        Integration integration = harness.create(account, WebhookIntegrations.ivrChoices(receiver.url(path)));

        List<PublishRequest> events = List.of(
                CallEvents.publish(account.id(), CallEvents.ivrOption(call, "1")),
                CallEvents.publish(account.id(), CallEvents.ivrOption(call, "2")),
                CallEvents.publish(account.id(), CallEvents.ivrOption(call, "3")),
                CallEvents.publish(account.id(), CallEvents.ivrOption(otherCall, "9")));
        List<PublishResponse> responses = harness.publishStream(account.producerKey(), events);
        assertEquals(events.stream().map(PublishRequest::getEventId).toList(), responses.stream().map(PublishResponse::getEventId).toList());
        responses.forEach(response -> {
            assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
            assertEquals(1, response.getDeliveries(), response::toString);
        });

        List<String> arrived = receiver.awaitRequests(path, 5).stream().map(OrderingTest::callAndOption).toList();
        assertEquals(List.of(call + " 1", call + " 1", call + " 2", call + " 3"),
                arrived.stream().filter(request -> request.startsWith(call)).toList(), "the call's requests in arrival order");
        assertTrue(arrived.indexOf(otherCall + " 9") < arrived.lastIndexOf(call + " 1"), () -> "the other call waits for nothing: " + arrived);

        Map<String, GetDeliveryResponse> byEvent = harness.deliveries(account, integration.getId()).stream()
                .map(delivery -> harness.awaitFinal(account, delivery.getId()))
                .collect(Collectors.toMap(delivery -> delivery.getDelivery().getEventId(), Function.identity()));
        GetDeliveryResponse first = byEvent.get(events.get(0).getEventId());
        assertEquals(List.of(Attempt.Outcome.RETRYABLE, Attempt.Outcome.SUCCEEDED), outcomes(first));
        long firstSucceeded = finishedMillis(first.getAttempts(1));
        for (PublishRequest later : events.subList(1, 4)) {
            GetDeliveryResponse delivery = byEvent.get(later.getEventId());
            assertEquals(Delivery.State.SUCCEEDED, delivery.getDelivery().getState(), delivery::toString);
            assertEquals(List.of(Attempt.Outcome.SUCCEEDED), outcomes(delivery));
            long started = Timestamps.toMillis(delivery.getAttempts(0).getStartTime());
            boolean sameCall = later != events.get(3);
            assertEquals(sameCall, started >= firstSucceeded,
                    () -> (sameCall ? "waits for" : "does not wait for") + " the first event's success: " + delivery + " vs " + first);
        }
    }

    private static String callAndOption(LoggedRequest request) {
        return Receiver.bodyField(request, "call") + " " + Receiver.bodyField(request, "option");
    }

    private static List<Attempt.Outcome> outcomes(GetDeliveryResponse delivery) {
        return delivery.getAttemptsList().stream().map(Attempt::getOutcome).toList();
    }

    private static long finishedMillis(Attempt attempt) {
        return Timestamps.toMillis(attempt.getStartTime()) + Durations.toMillis(attempt.getDuration());
    }
}
