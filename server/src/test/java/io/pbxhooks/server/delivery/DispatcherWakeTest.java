package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An event accepted on a node wakes that node's dispatcher at once: with a poll interval of an hour, its webhook still
 * arrives within a couple of seconds, while a delivery written by someone else (as another node's ingest would) waits
 * for the next poll.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatcherWakeTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(Map.of("pbxhooks.delivery.poll-interval", "1h"));
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
    void anEventPublishedOnTheNodeIsDeliveredAtOnceThoughTheNodePollsHourly(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String prefix = "/" + account.id() + "/";
        Integration integration = Backlogs.create(harness, account, receiver.url(prefix + "calls"), Duration.ofSeconds(10));
        // The first webhook of a server (and of the receiver) pays for warming up: it is not the one timed.
        awaitArrival(prefix, publish(harness, account));
        assertEquals(Delivery.State.SUCCEEDED, harness.awaitFinal(account, harness.onlyDelivery(account, integration.getId()).getId())
                .getDelivery().getState());
        // A finished attempt may wake the dispatcher once more; let that claim pass before writing the row it must not see.
        Thread.sleep(1_500);

        PendingRows.insert(harness.api().server(), account, integration, "elsewhere", 1, Instant.now().minusSeconds(1));
        Thread.sleep(AT_ONCE.toMillis());
        assertEquals(1, receiver.requests(prefix).size(), "a delivery this node did not queue waits for the poll, an hour away");

        long published = System.nanoTime();
        LoggedRequest arrived = awaitArrival(prefix, publish(harness, account));
        Duration took = Duration.ofNanos(System.nanoTime() - published);
        System.out.printf("DispatcherWakeTest %s: published to arrived in %d ms (poll interval 1 h)%n", database, took.toMillis());
        assertTrue(took.compareTo(AT_ONCE) < 0, "the webhook arrived " + took.toMillis() + " ms after the event was published");
        assertEquals(prefix + "calls", arrived.getUrl());
    }

    /** Publishes one inbound call over gRPC; returns its call UUID once the event is accepted with one delivery. */
    private static String publish(DeliveryHarness harness, TestAccount account) {
        String callUuid = CallEvents.newCallUuid();
        PublishResponse response = harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, callUuid)));
        assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
        assertEquals(1, response.getDeliveries());
        return callUuid;
    }

    private LoggedRequest awaitArrival(String prefix, String callUuid) {
        String body = "{\"call\":\"" + callUuid + "\"}";
        return Eventually.await("the webhook of call " + callUuid, () -> receiver.requests(prefix).stream()
                .filter(request -> request.getBodyAsString().equals(body)).findFirst(), found -> found.isPresent()).orElseThrow();
    }
}
