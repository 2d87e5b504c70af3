package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A delivery the dispatcher cannot start (its integration cannot be read: the database blinked) gives back its place
 * among the deliveries in flight and is taken up again after its lease. More such failures than places in flight
 * must not leave the dispatcher without places.
 */
class DispatcherFailureTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deliveriesThatCouldNotStartAreSentAfterTheirLease(TestDatabase.Kind database) throws Exception {
        try (Receiver receiver = new Receiver();
             DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(Map.of(
                     "pbxhooks.test.failing-dispatcher-lookups", 4,
                     "pbxhooks.delivery.max-in-flight", 2,
                     "pbxhooks.delivery.lease", "1s",
                     "pbxhooks.delivery.poll-interval", "100ms"))) {
            DeliveryHarness harness = servers.on(database);
            TestAccount account = harness.newAccount();
            String path = "/" + account.id() + "/answered";
            harness.create(account, WebhookIntegrations.answeredCalls("lookups fail").setWebhook(
                    WebhookIntegrations.answeredCalls("").getWebhook().toBuilder().setRequestUrl(receiver.url(path)).clearPathArguments()));

            for (int call = 0; call < 3; call++) {
                PublishResponse response = harness.publishOne(account, CallEvents.publish(account.id(),
                        CallEvents.firing(CallEvents.INBOUND_CALL_ANSWERED, CallEvents.newCallUuid())));
                assertEquals(1, response.getDeliveries());
            }

            assertEquals(3, receiver.awaitRequests(path, 3).size());
        }
    }
}
