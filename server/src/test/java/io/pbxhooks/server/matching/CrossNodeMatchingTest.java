package io.pbxhooks.server.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import io.pbxhooks.server.testing.WebhookIntegrations;
import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.grpc.stub.MetadataUtils;
import io.grpc.Metadata;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two nodes on one database: integration changes made through one reach the other's matching index within about a second. */
class CrossNodeMatchingTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void changesMadeOnOneNodeTakeEffectOnTheOtherWithinASecond(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer nodeA = AdminTestServer.start(database, Map.of());
             TestServer nodeB = nodeA.server().startAnotherNode(Map.of())) {
            String accountId = "acct-" + UUID.randomUUID().toString().substring(0, 8);
            String adminKey = nodeA.createAccountWithAdmin(accountId);
            String producerKey = nodeA.createKey(accountId, ApiKey.Role.PRODUCER).getSecret();
            nodeA.accounts(AdminTestServer.OPERATOR_KEY).setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                    .setAccountId(accountId).setApplication("service-integrations").setEnabled(true).build());

            Integration integration = nodeA.integrations(adminKey).createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(WebhookIntegrations.answeredCalls("cross-node")).build()).getIntegration();
            long created = System.nanoTime();
            awaitDeliveries(nodeB, producerKey, accountId, queued -> queued == 1);
            long seenAfterMillis = (System.nanoTime() - created) / 1_000_000;
            System.out.printf("[%s] an integration created on node A matched on node B after %d ms%n", database, seenAfterMillis);
            assertTrue(seenAfterMillis < 1_500, "within about a second: " + seenAfterMillis + " ms");

            nodeA.integrations(adminKey).disableIntegration(DisableIntegrationRequest.newBuilder().setId(integration.getId()).build());
            long disabled = System.nanoTime();
            awaitDeliveries(nodeB, producerKey, accountId, queued -> queued == 0);
            long stoppedAfterMillis = (System.nanoTime() - disabled) / 1_000_000;
            System.out.printf("[%s] disabling it on node A stopped matching on node B after %d ms%n", database, stoppedAfterMillis);
            assertTrue(stoppedAfterMillis < 1_500, "within about a second: " + stoppedAfterMillis + " ms");
        }
    }

    /** Publishes answered calls to {@code node} until the number of queued deliveries satisfies {@code expected}. */
    private static void awaitDeliveries(TestServer node, String producerKey, String accountId, IntPredicate expected) throws InterruptedException {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + producerKey);
        EventIngestServiceGrpc.EventIngestServiceBlockingStub ingest = EventIngestServiceGrpc.newBlockingStub(node.channel())
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            PublishResponse response = ingest.publishOne(answeredCall(accountId));
            assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
            if (expected.test(response.getDeliveries())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("node B did not pick up the change within 10 s");
    }

    private static PublishRequest answeredCall(String accountId) {
        CallEvent call = CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_ANSWERED).setDirection(CallEvent.Direction.INBOUND)
                .setAnswerMethod(CallEvent.AnswerMethod.DIRECT).setCallUuid(UUID.randomUUID().toString()).setSourceNumber("+61255501234")
                .setExtension(CallEvent.Extension.newBuilder().setNumber("0042")).build();
        return PublishRequest.newBuilder().setEventId(UUID.randomUUID().toString()).setAccountId(accountId).setServiceType("hosted-pbx")
                .setOccurredAt(Timestamps.fromMillis(System.currentTimeMillis())).setPayload(Any.pack(call)).build();
    }
}
