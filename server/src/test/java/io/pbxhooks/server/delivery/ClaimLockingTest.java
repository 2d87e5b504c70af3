package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On MariaDB, claiming deliveries must not wait for delivery rows that other transactions hold. Recording an attempt
 * locks its delivery row; a claim that waited for it (and locked every in-flight row meanwhile) would stall every node's
 * dispatching and deadlock with the recording transactions.
 */
class ClaimLockingTest {

    @Test
    void claimingDoesNotWaitForADeliveryWhoseOutcomeIsBeingRecorded() throws Exception {
        assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.MARIADB), "row locking is tested on MariaDB (PBXHOOKS_TEST_MARIADB=true)");
        try (TestServer server = TestServer.start(TestDatabase.Kind.MARIADB, Map.of("pbxhooks.delivery.poll-interval", "1h"));
             Connection recording = connect(server)) {
            Instant now = Instant.now();
            insertInFlightDelivery(recording, "delivery-being-recorded", now.plusSeconds(60), false);
            insertInFlightDelivery(recording, "delivery-whose-lease-ended", now.minusSeconds(60), false);
            recording.setAutoCommit(false);
            try (PreparedStatement lock = recording.prepareStatement("SELECT id FROM deliveries WHERE id = 'delivery-being-recorded' FOR UPDATE")) {
                lock.executeQuery().close();
            }
            DeliveryClaims claims = server.context().getBean(DeliveryClaims.class);
            CompletableFuture<List<ClaimedDelivery>> claim = CompletableFuture.supplyAsync(
                    () -> claims.claim("another-node", 10, Instant.now(), Duration.ofSeconds(30), ClaimExclusions.NONE, true));
            try {
                List<ClaimedDelivery> claimed = claim.get(5, TimeUnit.SECONDS);
                assertEquals(List.of("delivery-whose-lease-ended"), claimed.stream().map(ClaimedDelivery::id).toList());
            } finally {
                recording.rollback();
            }
        }
    }

    @Test
    void aTestSendWhoseNodeStoppedFailsInsteadOfBeingSentAgain() throws Exception {
        assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.MARIADB), "row locking is tested on MariaDB (PBXHOOKS_TEST_MARIADB=true)");
        try (TestServer server = TestServer.start(TestDatabase.Kind.MARIADB, Map.of("pbxhooks.delivery.poll-interval", "1h"));
             Connection connection = connect(server)) {
            insertInFlightDelivery(connection, "abandoned-test-send", Instant.now().minusSeconds(60), true);

            List<ClaimedDelivery> claimed = server.context().getBean(DeliveryClaims.class).claim("another-node", 10, Instant.now(), Duration.ofSeconds(30), ClaimExclusions.NONE, true);

            assertEquals(List.of(), claimed);
            assertEquals("FAILED", server.queryForString("SELECT state FROM deliveries WHERE id = 'abandoned-test-send'"));
            assertEquals("the node sending this test event stopped before it finished",
                    server.queryForString("SELECT last_error FROM deliveries WHERE id = 'abandoned-test-send'"));
        }
    }

    @Test
    void aClaimReturnsEveryDeliveryItLeasesWhileEventsArrive() throws Exception {
        assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.MARIADB), "row locking is tested on MariaDB (PBXHOOKS_TEST_MARIADB=true)");
        try (TestServer server = TestServer.start(TestDatabase.Kind.MARIADB, Map.of("pbxhooks.delivery.poll-interval", "1h"));
             Connection ingest = connect(server)) {
            int arriving = 300;
            CompletableFuture<Void> arrivals = CompletableFuture.runAsync(() -> {
                for (int index = 0; index < arriving; index++) {
                    try {
                        insertInFlightDelivery(ingest, "arriving-" + index, Instant.now().minusSeconds(60), false);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            DeliveryClaims claims = server.context().getBean(DeliveryClaims.class);
            Set<String> returned = new HashSet<>();
            while (!arrivals.isDone()) {
                claims.claim("claiming-node", 100, Instant.now(), Duration.ofMinutes(1), ClaimExclusions.NONE, true).forEach(claimed -> returned.add(claimed.id()));
            }
            arrivals.get();
            claims.claim("claiming-node", 1000, Instant.now(), Duration.ofMinutes(1), ClaimExclusions.NONE, true).forEach(claimed -> returned.add(claimed.id()));

            assertEquals(arriving, server.queryForLong("SELECT COUNT(*) FROM deliveries WHERE lease_owner = 'claiming-node'"));
            assertEquals(arriving, returned.size(), "a delivery leased but not returned waits for its lease to end");
        }
    }

    private static Connection connect(TestServer server) throws Exception {
        Map<String, Object> database = server.database().serverProperties();
        return DriverManager.getConnection((String) database.get("pbxhooks.datasource.url"),
                (String) database.get("pbxhooks.datasource.username"), (String) database.get("pbxhooks.datasource.password"));
    }

    private static void insertInFlightDelivery(Connection connection, String id, Instant leaseUntil, boolean test) throws Exception {
        long eventRowId;
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO events (account_id, event_id, service_type, event_type, "
                + "ordering_key, occurred_at, received_at, fields) VALUES ('acct', ?, 'hosted-pbx', 'inbound_call_received', ?, ?, ?, '[]')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            event.setString(1, "event-of-" + id);
            event.setString(2, "call-of-" + id);
            event.setString(3, utc(Instant.now()));
            event.setString(4, utc(Instant.now()));
            event.executeUpdate();
            try (var keys = event.getGeneratedKeys()) {
                keys.next();
                eventRowId = keys.getLong(1);
            }
        }
        try (PreparedStatement delivery = connection.prepareStatement("INSERT INTO deliveries (id, event_row_id, account_id, integration_id, "
                + "event_id, service_type, event_type, ordering_key, state, attempt_count, next_attempt_at, lease_owner, lease_until, "
                + "last_status_code, test, create_time, update_time) VALUES (?, ?, 'acct', 'integration', ?, 'hosted-pbx', "
                + "'inbound_call_received', ?, 'IN_FLIGHT', 1, ?, 'a-node', ?, 0, ?, ?, ?)")) {
            String past = utc(Instant.now().minusSeconds(120));
            delivery.setString(1, id);
            delivery.setLong(2, eventRowId);
            delivery.setString(3, "event-of-" + id);
            delivery.setString(4, "call-of-" + id);
            delivery.setString(5, past);
            delivery.setString(6, utc(leaseUntil));
            delivery.setBoolean(7, test);
            delivery.setString(8, past);
            delivery.setString(9, past);
            delivery.executeUpdate();
        }
    }

    /** As the server writes DATETIME(3) values: UTC text with milliseconds. */
    private static String utc(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(instant);
    }
}
