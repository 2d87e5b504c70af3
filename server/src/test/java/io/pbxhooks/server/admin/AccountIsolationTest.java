package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.AuditEntry;
import io.pbxhooks.admin.v1.AuditServiceGrpc.AuditServiceBlockingStub;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin of account B asks for everything of account A: NOT_FOUND, worded as for what does not exist, and nothing changes. */
class AccountIsolationTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAdminSeesNothingOfAnotherAccount(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            api.createAccount("acme");
            CreateApiKeyResponse acmeKey = api.createKey("acme", ApiKey.Role.ADMIN);
            String globexKey = api.createAccountWithAdmin("globex");
            IntegrationServiceBlockingStub acme = api.integrations(acmeKey.getSecret());
            Integration acmes = acme.createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(WebhookIntegrations.answeredCalls("Acme CRM")).build()).getIntegration();

            IntegrationServiceBlockingStub globex = api.integrations(globexKey);
            String id = acmes.getId();
            String unknownId = UUID.randomUUID().toString();
            assertHiddenLikeTheUnknown(id, unknownId, known -> () -> globex.getIntegration(GetIntegrationRequest.newBuilder().setId(known).build()));
            assertHiddenLikeTheUnknown(id, unknownId, known -> () -> globex.updateIntegration(UpdateIntegrationRequest.newBuilder()
                    .setIntegration(acmes.toBuilder().setId(known).setName("taken over")).build()));
            assertHiddenLikeTheUnknown(id, unknownId, known -> () -> globex.disableIntegration(DisableIntegrationRequest.newBuilder().setId(known).build()));
            assertHiddenLikeTheUnknown(id, unknownId, known -> () -> globex.enableIntegration(EnableIntegrationRequest.newBuilder().setId(known).build()));
            assertHiddenLikeTheUnknown(id, unknownId, known -> () -> globex.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(known).build()));
            assertHiddenLikeTheUnknown(id, unknownId, known -> () -> globex.validateIntegration(ValidateIntegrationRequest.newBuilder()
                    .setIntegration(acmes.toBuilder().setId(known)).build()));
            assertEquals(List.of(), globex.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsList());
            assertHiddenLikeTheUnknown("acme", "initech", account -> () -> globex.listIntegrations(ListIntegrationsRequest.newBuilder()
                    .setAccountId(account).build()));
            assertHiddenLikeTheUnknown("acme", "initech", account -> () -> globex.createIntegration(CreateIntegrationRequest.newBuilder()
                    .setAccountId(account).setIntegration(WebhookIntegrations.answeredCalls("planted")).build()));

            AccountServiceBlockingStub globexAccounts = api.accounts(globexKey);
            assertHiddenLikeTheUnknown("acme", "initech", account -> () -> globexAccounts.getAccount(GetAccountRequest.newBuilder().setId(account).build()));
            assertHiddenLikeTheUnknown("acme", "initech", account -> () -> globexAccounts.setApplicationEnabled(SetApplicationEnabledRequest
                    .newBuilder().setAccountId(account).setApplication("service-integrations").setEnabled(true).build()));
            assertHiddenLikeTheUnknown("acme", "initech", account -> () -> globexAccounts.createApiKey(CreateApiKeyRequest.newBuilder()
                    .setAccountId(account).setRole(ApiKey.Role.ADMIN).build()));
            assertHiddenLikeTheUnknown("acme", "initech", account -> () -> globexAccounts.listApiKeys(ListApiKeysRequest.newBuilder()
                    .setAccountId(account).build()));
            assertHiddenLikeTheUnknown(acmeKey.getApiKey().getId(), unknownId, key -> () -> globexAccounts.revokeApiKey(RevokeApiKeyRequest
                    .newBuilder().setId(key).build()));
            assertTrue(globexAccounts.listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList().stream()
                    .allMatch(key -> key.getAccountId().equals("globex")));

            AuditServiceBlockingStub globexAudit = api.audit(globexKey);
            assertHiddenLikeTheUnknown("acme", "initech", account -> () -> globexAudit.listAuditEntries(ListAuditEntriesRequest.newBuilder()
                    .setAccountId(account).build()));
            List<AuditEntry> globexTrail = globexAudit.listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getAuditEntriesList();
            assertEquals(List.of("api_key.create", "account.create"), globexTrail.stream().map(AuditEntry::getAction).toList());
            assertTrue(globexTrail.stream().allMatch(entry -> entry.getAccountId().equals("globex")), globexTrail::toString);

            assertEquals(acmes.toBuilder().clearCreateTime().clearUpdateTime().build(), acme.getIntegration(GetIntegrationRequest.newBuilder()
                    .setId(id).build()).getIntegration().toBuilder().clearCreateTime().clearUpdateTime().build(), "unchanged, and acme's key still works");
            assertEquals(List.of("integration.create", "api_key.create", "account.create"), api.audit(acmeKey.getSecret())
                    .listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getAuditEntriesList().stream().map(AuditEntry::getAction).toList());
        }
    }

    /** A call naming what exists elsewhere fails exactly like one naming what does not exist at all. */
    private static void assertHiddenLikeTheUnknown(String existing, String unknown, Function<String, Executable> call) {
        StatusRuntimeException hidden = assertStatus(Status.Code.NOT_FOUND, call.apply(existing));
        StatusRuntimeException missing = assertStatus(Status.Code.NOT_FOUND, call.apply(unknown));
        assertEquals(missing.getStatus().getDescription().replace(unknown, "<id>"), hidden.getStatus().getDescription().replace(existing, "<id>"));
    }
}
