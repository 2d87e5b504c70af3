package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A receiver that hangs gets no more than {@code max-in-flight-per-destination} attempts at once, whichever of its
 * integrations they come from, and another account's deliveries to a healthy receiver go out meanwhile, on a node
 * whose other slots the hanging receiver's backlog would otherwise fill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DestinationCapTest {

    private static final Duration HANGING_TIMEOUT = Duration.ofSeconds(10);

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(Map.of(
            "pbxhooks.delivery.poll-interval", "100ms",
            "pbxhooks.delivery.max-in-flight", 4,
            "pbxhooks.delivery.max-in-flight-per-destination", 2));
    private final TimedReceiver hanging = new TimedReceiver(ok().withFixedDelay((int) HANGING_TIMEOUT.multipliedBy(2).toMillis()));
    private final TimedReceiver healthy = new TimedReceiver(ok());

    @AfterAll
    void stop() throws Exception {
        servers.close();
        hanging.close();
        healthy.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHangingReceiverHoldsAtMostItsCapWhileOtherDeliveriesGoOut(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        hanging.clear();
        healthy.clear();
        TestAccount stuck = harness.newAccount();
        Backlogs.create(harness, stuck, hanging.url("/first"), HANGING_TIMEOUT);
        Backlogs.create(harness, stuck, hanging.url("/second"), HANGING_TIMEOUT);
        Backlogs.publish(harness, stuck, 10);
        Eventually.await("the hanging receiver at its cap", hanging::count, count -> count >= 2);

        TestAccount crm = harness.newAccount();
        Backlogs.create(harness, crm, healthy.url("/crm"));
        Backlogs.publish(harness, crm, 20);
        Eventually.await("the healthy receiver's deliveries", healthy::count, count -> count >= 20);
        long lastHealthy = healthy.arrivalTimes().get(19);

        List<Long> stuckAttempts = hanging.arrivalTimes();
        long thirdStuck = stuckAttempts.size() > 2 ? stuckAttempts.get(2) : Long.MAX_VALUE;
        assertTrue(thirdStuck - stuckAttempts.get(0) > HANGING_TIMEOUT.toNanos() * 9 / 10,
                "a third attempt to the hanging receiver started only once one of the first two had timed out");
        assertTrue(lastHealthy < thirdStuck, "the healthy receiver's deliveries did not wait for the hanging receiver's attempts");
    }
}
