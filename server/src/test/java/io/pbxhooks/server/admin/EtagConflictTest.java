package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertInvalid;
import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.v1.AuditEntry;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An update names the version it replaces (its etag): one made on a stale read is ABORTED and changes nothing. */
class EtagConflictTest {

    private static final int RACERS = 4;

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUpdateWithAStaleEtagIsAbortedAndChangesNothing(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            IntegrationServiceBlockingStub admin = api.integrations(api.createAccountWithAdmin("acme"));
            Integration read = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(WebhookIntegrations.answeredCalls("CRM")).build()).getIntegration();
            Integration first = update(admin, read.toBuilder().setName("first writer").build());

            StatusRuntimeException conflict = assertStatus(Status.Code.ABORTED, () -> update(admin, read.toBuilder().setName("second writer").build()));
            assertEquals("ETAG_MISMATCH", GrpcAssertions.errorInfo(conflict).getReason());
            assertEquals(first, get(admin, read.getId()));
            assertEquals(1, updatesAudited(api));

            Integration second = update(admin, first.toBuilder().setName("second writer, after reading again").build());
            assertEquals("second writer, after reading again", get(admin, read.getId()).getName());
            assertEquals(second, get(admin, read.getId()));

            assertEquals(Map.of("integration.etag", "etag is required: send the etag of the integration as you read it"),
                    assertInvalid(() -> update(admin, second.toBuilder().clearEtag().build())));
            assertEquals(List.of("integration.etag"), List.copyOf(assertInvalid(() -> update(admin, second.toBuilder().setEtag("W/x").build())).keySet()));
            assertEquals(second, get(admin, read.getId()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofConcurrentUpdatesOfOneVersionExactlyOneWins(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            IntegrationServiceBlockingStub admin = api.integrations(api.createAccountWithAdmin("acme"));
            Integration read = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(WebhookIntegrations.answeredCalls("CRM")).build()).getIntegration();

            ExecutorService racers = Executors.newFixedThreadPool(RACERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integration>> outcomes = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                Integration change = read.toBuilder().setName("writer " + racer).build();
                outcomes.add(racers.submit(() -> {
                    start.await();
                    return update(admin, change);
                }));
            }
            start.countDown();
            List<Integration> winners = new ArrayList<>();
            List<Status.Code> losers = new ArrayList<>();
            for (Future<Integration> outcome : outcomes) {
                try {
                    winners.add(outcome.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException failed) {
                    losers.add(Status.fromThrowable(failed.getCause()).getCode());
                }
            }
            racers.shutdownNow();

            assertEquals(1, winners.size(), () -> "winners " + winners + ", losers " + losers);
            assertEquals(List.of(Status.Code.ABORTED, Status.Code.ABORTED, Status.Code.ABORTED), losers);
            assertEquals(winners.get(0), get(admin, read.getId()));
            assertEquals(1, updatesAudited(api));
        }
    }

    private static Integration update(IntegrationServiceBlockingStub admin, Integration integration) {
        return admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(integration).build()).getIntegration();
    }

    private static Integration get(IntegrationServiceBlockingStub admin, String id) {
        return admin.getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()).getIntegration();
    }

    private static long updatesAudited(AdminTestServer api) {
        return api.audit(AdminTestServer.OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.newBuilder().setAccountId("acme").build())
                .getAuditEntriesList().stream().map(AuditEntry::getAction).filter("integration.update"::equals).count();
    }
}
