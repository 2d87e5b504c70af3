package io.pbxhooks.server.delivery;

import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.ACCEPTED;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.REJECTED;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The largest integration the limits allow, and an event whose values grow when stored as JSON, are stored and read
 * back on MariaDB too, whose TEXT columns kept at most 64 KiB: they failed with INTERNAL, and the event with UNAVAILABLE
 * (as if the database were down, so the producer would have sent it again for ever); so did a call id longer than the
 * 200 characters an ordering key is kept to, now REJECTED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeValuesTest {

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
    void theLargestIntegrationTheLimitsAllowIsStoredAndReadBack(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        Integration.Builder largest = WebhookIntegrations.answeredCalls("largest").clearFieldMappings();
        largest.getWebhookBuilder().clearHeaders();
        for (int index = 0; index < 50; index++) {
            largest.getWebhookBuilder().addHeaders(WebhookIntegrations.header(String.format("X-%03d-", index) + "n".repeat(250),
                    "v".repeat(4096)));
        }
        List<String> fields = List.of("extension_number", "name", "source_number", "date_time", "call_uuid", "has_voicemail");
        for (int index = 0; index < 100; index++) {
            largest.addFieldMappings(WebhookIntegrations.mapping(String.format("%03d", index) + "k".repeat(253), fields.get(index % fields.size())));
        }
        Integration created = harness.create(account, largest);
        Integration read = harness.api().integrations(account.adminKey()).getIntegration(GetIntegrationRequest.newBuilder()
                .setId(created.getId()).build()).getIntegration();
        assertEquals(largest.getWebhook().getHeadersList(), read.getWebhook().getHeadersList());
        assertEquals(largest.getFieldMappingsList(), read.getFieldMappingsList());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCallIdTooLongToOrderByIsRejected(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        PublishResponse response = harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED,
                "c".repeat(300))));
        assertEquals(REJECTED, response.getOutcome(), response::toString);
        assertEquals("pbxhooks.hostedpbx.v1.CallEvent is malformed: call_uuid is 300 characters long, more than 128", response.getReason());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventWhoseValuesGrowWhenEscapedIsStored(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        CallEvent call = CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid()).toBuilder()
                .setSourceNumber("\u0001".repeat(20_000)).build();
        PublishResponse response = harness.publishOne(account, CallEvents.publish(account.id(), call));
        assertEquals(ACCEPTED, response.getOutcome(), response::toString);
        assertEquals(1, harness.api().server().queryForLong("SELECT COUNT(*) FROM events WHERE event_id = '" + response.getEventId() + "'"));
    }
}
