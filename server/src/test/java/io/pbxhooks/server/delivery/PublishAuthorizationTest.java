package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only a producer key publishes, on both RPCs: no or an unknown key is UNAUTHENTICATED, an admin or operator key PERMISSION_DENIED.
 * An account's producer key publishes for that account; the platform's (made by an operator, no account) for every account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishAuthorizationTest {

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase();

    /** A key that may not publish, and how it is refused. */
    private record Refused(String name, String key, Status.Code code) {
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyAProducerKeyPublishes(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        List<Refused> refused = List.of(
                new Refused("no key", null, Status.Code.UNAUTHENTICATED),
                new Refused("an unknown key", ApiKeySecrets.generate(), Status.Code.UNAUTHENTICATED),
                new Refused("the account's admin key", account.adminKey(), Status.Code.PERMISSION_DENIED),
                new Refused("the operator key", AdminTestServer.OPERATOR_KEY, Status.Code.PERMISSION_DENIED));

        for (Refused caller : refused) {
            StatusRuntimeException unary = assertThrows(StatusRuntimeException.class,
                    () -> harness.api().ingest(caller.key()).publishOne(event(account)), caller.name());
            assertEquals(caller.code(), unary.getStatus().getCode(), () -> caller.name() + ": " + unary.getStatus());
            try (OpenPublishStream stream = new OpenPublishStream(harness.api().ingestStream(caller.key()))) {
                assertNull(stream.publish(event(account)), caller.name() + " got a response on the stream");
                Status ended = stream.endedWith();
                assertEquals(caller.code(), ended.getCode(), () -> caller.name() + ": " + ended);
            }
            if (caller.code() == Status.Code.PERMISSION_DENIED) {
                assertTrue(unary.getStatus().getDescription().contains("PRODUCER key"), unary::toString);
            }
        }
        assertEquals(0, storedEvents(harness, account), "nothing stored for a refused key");

        PublishResponse unary = harness.publishOne(account, event(account));
        assertEquals(PublishResponse.Outcome.ACCEPTED, unary.getOutcome(), unary::toString);
        try (OpenPublishStream stream = new OpenPublishStream(harness.api().ingestStream(account.producerKey()))) {
            PublishResponse streamed = stream.publish(event(account));
            assertEquals(PublishResponse.Outcome.ACCEPTED, streamed.getOutcome(), streamed::toString);
        }
        assertEquals(2, storedEvents(harness, account));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thePlatformsProducerKeyPublishesForEveryAccountAndOnlyAnOperatorMakesOne(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount first = harness.newAccount();
        TestAccount second = harness.newAccount();
        CreateApiKeyResponse platform = harness.api().accounts(AdminTestServer.OPERATOR_KEY).createApiKey(CreateApiKeyRequest.newBuilder()
                .setRole(ApiKey.Role.PRODUCER).setAllAccounts(true).setDescription("the PBX platform").build());
        assertEquals("", platform.getApiKey().getAccountId(), platform::toString);

        for (TestAccount account : List.of(first, second)) {
            PublishResponse response = harness.api().ingest(platform.getSecret()).publishOne(event(account));
            assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
            assertEquals(1, storedEvents(harness, account));
        }
        StatusRuntimeException adminCall = assertThrows(StatusRuntimeException.class,
                () -> harness.api().integrations(platform.getSecret()).listIntegrations(ListIntegrationsRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, adminCall.getStatus().getCode(), adminCall::toString);

        // An admin leaving account_id empty makes a producer key of its own account, never the platform's.
        CreateApiKeyResponse own = harness.api().accounts(first.adminKey()).createApiKey(CreateApiKeyRequest.newBuilder()
                .setRole(ApiKey.Role.PRODUCER).setDescription("first's PBX").build());
        assertEquals(first.id(), own.getApiKey().getAccountId());
        PublishResponse foreign = harness.api().ingest(own.getSecret()).publishOne(event(second));
        assertEquals(PublishResponse.Outcome.REJECTED, foreign.getOutcome(), foreign::toString);
        assertEquals(1, storedEvents(harness, second));
    }

    private static PublishRequest event(TestAccount account) {
        return CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid()));
    }

    private static long storedEvents(DeliveryHarness harness, TestAccount account) {
        return harness.api().server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + account.id() + "'");
    }
}
