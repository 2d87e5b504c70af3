package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A change and its audit entry are one transaction: when the database refuses the audit entry (here a CHECK constraint,
 * which H2 and MariaDB both enforce, refusing the entries of one admin key), the change is not saved either, and the
 * caller gets a plain INTERNAL, with nothing of the server's failure in it.
 */
class AuditInTransactionTest {

    private static final String REFUSING_CONSTRAINT = "ck_test_refused_actor";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangeWhoseAuditEntryIsRefusedIsNotSaved(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            Integration existing = api.integrations(api.createAccountWithAdmin("acme")).createIntegration(create("CRM")).getIntegration();
            // A key that has written no audit entry yet: the constraint refuses every entry it would write.
            CreateApiKeyResponse doomedKey = api.createKey("acme", ApiKey.Role.ADMIN);
            IntegrationServiceBlockingStub admin = api.integrations(doomedKey.getSecret());
            AccountServiceBlockingStub adminAccounts = api.accounts(doomedKey.getSecret());
            List<ApiKey> keysBefore = api.accounts(OPERATOR_KEY).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList();
            long auditEntriesBefore = api.server().queryForLong("SELECT COUNT(*) FROM audit_entries");

            api.server().execute("ALTER TABLE audit_entries ADD CONSTRAINT " + REFUSING_CONSTRAINT
                    + " CHECK (actor_key_id <> '" + doomedKey.getApiKey().getId() + "')");
            assertFailsCleanly(() -> admin.createIntegration(create("CRM 2")));
            assertFailsCleanly(() -> admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                    .setIntegration(existing.toBuilder().setName("CRM renamed")).build()));
            assertFailsCleanly(() -> admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(existing.getId()).build()));
            assertFailsCleanly(() -> admin.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(existing.getId()).build()));
            assertFailsCleanly(() -> adminAccounts.createApiKey(CreateApiKeyRequest.newBuilder()
                    .setRole(ApiKey.Role.PRODUCER).setDescription("PBX producer").build()));

            assertEquals(List.of(existing), admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsList(),
                    "no integration created, the existing one neither renamed, disabled nor deleted");
            assertEquals(1, api.server().queryForLong("SELECT COUNT(*) FROM integrations"));
            assertEquals(keysBefore, api.accounts(OPERATOR_KEY).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList());
            assertEquals(auditEntriesBefore, api.server().queryForLong("SELECT COUNT(*) FROM audit_entries"));

            // The same requests succeed once the audit entries are accepted: the audit was all that failed.
            api.server().execute("ALTER TABLE audit_entries DROP CONSTRAINT " + REFUSING_CONSTRAINT);
            admin.createIntegration(create("CRM 2"));
            Integration renamed = admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                    .setIntegration(existing.toBuilder().setName("CRM renamed")).build()).getIntegration();
            assertEquals("CRM renamed", admin.getIntegration(GetIntegrationRequest.newBuilder().setId(existing.getId()).build())
                    .getIntegration().getName());
            assertEquals(renamed.getEtag(), admin.getIntegration(GetIntegrationRequest.newBuilder().setId(existing.getId()).build())
                    .getIntegration().getEtag());
            adminAccounts.createApiKey(CreateApiKeyRequest.newBuilder().setRole(ApiKey.Role.PRODUCER).setDescription("PBX producer").build());
            assertEquals(2, api.server().queryForLong("SELECT COUNT(*) FROM integrations"));
            assertEquals(keysBefore.size() + 1, api.server().queryForLong("SELECT COUNT(*) FROM api_keys"));
            assertEquals(auditEntriesBefore + 3, api.server().queryForLong("SELECT COUNT(*) FROM audit_entries"));
        }
    }

    private static CreateIntegrationRequest create(String name) {
        return CreateIntegrationRequest.newBuilder().setIntegration(WebhookIntegrations.answeredCallsWithSecrets(name, "pw",
                WebhookIntegrations.newSigningSecret())).build();
    }

    /** INTERNAL saying only "internal error": no SQL, no constraint name, no stack trace, no details. */
    private static void assertFailsCleanly(Executable call) {
        StatusRuntimeException failure = assertStatus(Status.Code.INTERNAL, call);
        assertEquals("internal error", failure.getStatus().getDescription());
        assertEquals(List.of(), StatusProto.fromThrowable(failure).getDetailsList(), "no error details");
    }
}
