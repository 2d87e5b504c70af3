package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outcomes recorded together, against the real database: successes change state in one statement, and when the lease
 * of one of them has passed to another node meanwhile, the others still succeed, that one stays with the node that
 * holds it now, and every attempt is recorded exactly once.
 */
class OutcomeRecordingTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void successesRecordedTogetherLeaveADeliveryTakenOverToItsNewNode(TestDatabase.Kind database) throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("pbxhooks.delivery.poll-interval", "1h"))) {
            Instant leaseUntil = Instant.now().plusSeconds(600);
            server.inTransaction(connection -> {
                InFlightRows.insert(connection, "kept-1", leaseUntil, false);
                InFlightRows.insert(connection, "kept-2", leaseUntil, false);
                InFlightRows.insert(connection, "taken-over", "another-node", leaseUntil, false);
                InFlightRows.insert(connection, "failing", leaseUntil, false);
            });
            DeliveryOutcomes outcomes = server.context().getBean(DeliveryOutcomes.class);

            outcomes.recordAll(InFlightRows.NODE, List.of(succeeded("kept-1"), succeeded("taken-over"), succeeded("kept-2"),
                    new DeliveryOutcomes.Finished(delivery("failing"), attempt(DeliveryResult.permanent(410, "gone")),
                            DeliveryOutcomes.Next.FAILED, null, Instant.now())));

            assertEquals("SUCCEEDED", state(server, "kept-1"));
            assertEquals("SUCCEEDED", state(server, "kept-2"));
            assertEquals("FAILED", state(server, "failing"));
            assertEquals("IN_FLIGHT", state(server, "taken-over"), "the node holding it now records its outcome");
            assertEquals("another-node", server.queryForString("SELECT lease_owner FROM deliveries WHERE id = 'taken-over'"));
            assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM deliveries WHERE id IN ('kept-1', 'kept-2') "
                    + "AND (lease_owner IS NOT NULL OR lease_until IS NOT NULL OR next_attempt_at IS NOT NULL OR last_status_code <> 204)"));
            assertEquals(4, server.queryForLong("SELECT COUNT(*) FROM delivery_attempts"), "each attempt recorded once");
            assertEquals(4, server.queryForLong("SELECT COUNT(DISTINCT delivery_id) FROM delivery_attempts"));
        }
    }

    private static String state(TestServer server, String id) {
        return server.queryForString("SELECT state FROM deliveries WHERE id = '" + id + "'");
    }

    private static DeliveryOutcomes.Finished succeeded(String id) {
        return new DeliveryOutcomes.Finished(delivery(id), attempt(DeliveryResult.succeeded(204, "")), DeliveryOutcomes.Next.SUCCEEDED,
                null, Instant.now());
    }

    private static ClaimedDelivery delivery(String id) {
        return new ClaimedDelivery(id, "acct", "integration", 1L, 1, "hosted-pbx", "inbound_call_received", Instant.now(), Map.of());
    }

    private static DeliveryOutcomes.AttemptLog attempt(DeliveryResult result) {
        return new DeliveryOutcomes.AttemptLog(Instant.now().minusMillis(5), Duration.ofMillis(5), result);
    }
}
