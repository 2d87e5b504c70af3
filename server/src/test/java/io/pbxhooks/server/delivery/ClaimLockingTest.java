package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
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
             Connection recording = InFlightRows.connect(server)) {
            Instant now = Instant.now();
            InFlightRows.insert(recording, "delivery-being-recorded", now.plusSeconds(60), false);
            InFlightRows.insert(recording, "delivery-whose-lease-ended", now.minusSeconds(60), false);
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
             Connection connection = InFlightRows.connect(server)) {
            InFlightRows.insert(connection, "abandoned-test-send", Instant.now().minusSeconds(60), true);

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
             Connection ingest = InFlightRows.connect(server)) {
            int arriving = 300;
            CompletableFuture<Void> arrivals = CompletableFuture.runAsync(() -> {
                for (int index = 0; index < arriving; index++) {
                    try {
                        InFlightRows.insert(ingest, "arriving-" + index, Instant.now().minusSeconds(60), false);
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

}
