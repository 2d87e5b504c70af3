package io.pbxhooks.admin;

import static io.pbxhooks.admin.Statuses.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin of acme asking for anything of globex gets NOT_FOUND, exactly as for something that does not exist. */
class AccountIsolationTest {

    private AdminApiServer api;
    private IntegrationServiceBlockingStub acmeIntegrations;
    private AccountServiceBlockingStub acmeAccounts;
    private Integration globexIntegration;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        api.createAccount("globex");
        String acmeKey = api.createKey("acme", ApiKey.Role.ADMIN);
        acmeIntegrations = api.integrations(acmeKey);
        acmeAccounts = api.accounts(acmeKey);
        globexIntegration = api.integrations(api.createKey("globex", ApiKey.Role.ADMIN)).createIntegration(CreateIntegrationRequest
                .newBuilder().setIntegration(SampleIntegrations.webhook("Globex CRM")).build()).getIntegration();
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void anotherAccountsIntegrationLooksLikeNoIntegration() {
        String id = globexIntegration.getId();
        var other = assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()));
        var missing = assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.getIntegration(GetIntegrationRequest.newBuilder().setId("missing").build()));
        assertEquals(missing.getStatus().getDescription().replace("missing", id), other.getStatus().getDescription());

        assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.updateIntegration(UpdateIntegrationRequest.newBuilder()
                .setIntegration(globexIntegration.toBuilder().setName("stolen")).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.disableIntegration(DisableIntegrationRequest.newBuilder().setId(id).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.enableIntegration(EnableIntegrationRequest.newBuilder().setId(id).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(id).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.validateIntegration(ValidateIntegrationRequest.newBuilder()
                .setIntegration(globexIntegration).build()));
        assertEquals("Globex CRM", api.integrations.find(id).orElseThrow().name());
    }

    @Test
    void anotherAccountLooksLikeNoAccount() {
        var other = assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.listIntegrations(ListIntegrationsRequest.newBuilder()
                .setAccountId("globex").build()));
        var missing = assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.listIntegrations(ListIntegrationsRequest.newBuilder()
                .setAccountId("initech").build()));
        assertEquals(missing.getStatus().getDescription().replace("initech", "globex"), other.getStatus().getDescription());

        assertStatus(Status.Code.NOT_FOUND, () -> acmeIntegrations.createIntegration(CreateIntegrationRequest.newBuilder()
                .setAccountId("globex").setIntegration(SampleIntegrations.webhook("CRM")).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeAccounts.getAccount(GetAccountRequest.newBuilder().setId("globex").build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeAccounts.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setAccountId("globex").setApplication("service-integrations").setEnabled(true).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeAccounts.listApiKeys(ListApiKeysRequest.newBuilder().setAccountId("globex").build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeAccounts.createApiKey(CreateApiKeyRequest.newBuilder()
                .setAccountId("globex").setRole(ApiKey.Role.ADMIN).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> api.audit(api.createKey("acme", ApiKey.Role.ADMIN))
                .listAuditEntries(ListAuditEntriesRequest.newBuilder().setAccountId("globex").build()));
    }

    @Test
    void anAdminSeesAndRevokesOnlyTheKeysOfItsAccount() {
        String globexKeyId = api.accounts(AdminApiServer.OPERATOR_KEY).listApiKeys(ListApiKeysRequest.newBuilder().setAccountId("globex").build())
                .getApiKeys(0).getId();
        assertStatus(Status.Code.NOT_FOUND, () -> acmeAccounts.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(globexKeyId).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> acmeAccounts.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId("operator").build()));
        acmeAccounts.listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList()
                .forEach(key -> assertEquals("acme", key.getAccountId()));
    }

    @Test
    void anAdminListsOnlyItsOwnIntegrations() {
        acmeIntegrations.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(SampleIntegrations.webhook("Acme CRM")).build());
        var listed = acmeIntegrations.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsList();
        assertEquals(1, listed.size());
        assertEquals("Acme CRM", listed.get(0).getName());
    }
}
