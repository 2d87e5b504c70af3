package io.pbxhooks.server.delivery;

import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.ACCEPTED;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.REJECTED;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An event whose occurred_at no database column can keep (or that is no valid timestamp at all) is REJECTED with the
 * reason, found by the fuzz test: it used to fail the producer's call with UNAVAILABLE, as if the database were down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventTimeTest {

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase();

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void timesOutsideWhatCanBeStoredAreRejected(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        for (Timestamp unstorable : List.of(seconds(Long.MAX_VALUE, 0), seconds(Long.MIN_VALUE, 0), seconds(0, -1), seconds(0, 1_000_000_000),
                at("0999-12-31T23:59:59Z"), at("+10000-01-01T00:00:00Z"))) {
            PublishResponse response = harness.publishOne(account, at(account, unstorable));
            assertEquals(REJECTED, response.getOutcome(), unstorable::toString);
            assertTrue(response.getReason().startsWith("occurred_at must be a time from 1000-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),
                    response::getReason);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theEarliestAndLatestStorableTimesAreAccepted(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        for (Timestamp storable : List.of(at("1000-01-01T00:00:00Z"), seconds(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond(), 999_999_999))) {
            assertEquals(ACCEPTED, harness.publishOne(account, at(account, storable)).getOutcome(), storable::toString);
        }
    }

    private static PublishRequest at(TestAccount account, Timestamp occurredAt) {
        return CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())).toBuilder()
                .setOccurredAt(occurredAt).build();
    }

    private static Timestamp at(String instant) {
        return seconds(Instant.parse(instant).getEpochSecond(), 0);
    }

    private static Timestamp seconds(long seconds, int nanos) {
        return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }
}
