package io.pbxhooks.admin;

import static io.pbxhooks.admin.Statuses.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private AdminApiServer api;
    private AccountServiceBlockingStub operator;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        operator = api.accounts(AdminApiServer.OPERATOR_KEY);
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void anOperatorCreatesAnAccountWithNoApplicationSwitchedOn() {
        Account created = operator.createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId("acme").setDisplayName("Acme Inc.").addApplications("service-integrations")).build())
                .getAccount();
        assertEquals("acme", created.getId());
        assertEquals(List.of(), created.getApplicationsList());
        assertEquals(created, operator.getAccount(GetAccountRequest.newBuilder().setId("acme").build()).getAccount());
        assertStatus(Status.Code.ALREADY_EXISTS, () -> operator.createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId("acme").setDisplayName("Again")).build()));
    }

    @Test
    void anAccountNeedsAnIdAndADisplayName() {
        assertEquals(Map.of("account.id", "id is required", "account.display_name", "display_name is required"),
                Statuses.invalidFields(() -> operator.createAccount(CreateAccountRequest.getDefaultInstance())));
    }

    @Test
    void anAdminSwitchesTheServiceIntegrationsApplicationOfItsAccount() {
        api.createAccount("acme");
        AccountServiceBlockingStub admin = api.accounts(api.createKey("acme", ApiKey.Role.ADMIN));
        Account on = admin.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setApplication("service-integrations").setEnabled(true).build()).getAccount();
        assertEquals(List.of("service-integrations"), on.getApplicationsList());
        assertEquals(on, admin.getAccount(GetAccountRequest.getDefaultInstance()).getAccount(), "an empty id means the admin's own account");
        Account off = admin.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setApplication("service-integrations").setEnabled(false).build()).getAccount();
        assertEquals(List.of(), off.getApplicationsList());
    }

    @Test
    void anUnknownApplicationListsTheKnownOnes() {
        api.createAccount("acme");
        assertEquals(Map.of("application", "unknown application \"crm\"; known applications: service-integrations"),
                Statuses.invalidFields(() -> operator.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                        .setAccountId("acme").setApplication("crm").setEnabled(true).build())));
    }

    @Test
    void aKeysSecretIsShownOnceAndStoredOnlyAsAHash() {
        api.createAccount("acme");
        CreateApiKeyResponse created = operator.createApiKey(CreateApiKeyRequest.newBuilder()
                .setAccountId("acme").setRole(ApiKey.Role.ADMIN).setDescription("CRM team").build());
        String secret = created.getSecret();
        assertTrue(secret.startsWith("pbx_") && secret.length() == 4 + 43, secret);
        assertEquals(ApiKey.Role.ADMIN, created.getApiKey().getRole());
        assertTrue(api.apiKeys.secretHashes().containsKey(ApiKeySecrets.hash(secret)));
        assertTrue(api.recorder.received().stream().anyMatch(response -> response.contains(secret)), "the recorder sees responses");

        AccountServiceBlockingStub admin = api.accounts(secret);
        List<ApiKey> keys = admin.listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList();
        assertEquals(List.of(created.getApiKey()), keys);
        assertFalse(keys.toString().contains(secret));
    }

    @Test
    void anAdminManagesTheAdminAndProducerKeysOfItsAccount() {
        api.createAccount("acme");
        AccountServiceBlockingStub admin = api.accounts(api.createKey("acme", ApiKey.Role.ADMIN));
        ApiKey producer = admin.createApiKey(CreateApiKeyRequest.newBuilder().setRole(ApiKey.Role.PRODUCER).build()).getApiKey();
        assertEquals("acme", producer.getAccountId());

        ApiKey revoked = admin.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(producer.getId()).build()).getApiKey();
        assertTrue(revoked.getRevoked());
        assertTrue(revoked.hasRevokeTime());
        assertEquals(revoked, admin.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(producer.getId()).build()).getApiKey(),
                "revoking again changes nothing");
        assertEquals(1, api.auditLog.all().stream().filter(entry -> entry.action().equals("api_key.revoke")).count());
    }

    @Test
    void aKeysRoleDecidesWhetherItHasAnAccount() {
        api.createAccount("acme");
        assertEquals(Map.of("role", "role is required: OPERATOR, ADMIN or PRODUCER"),
                Statuses.invalidFields(() -> operator.createApiKey(CreateApiKeyRequest.newBuilder().setAccountId("acme").build())));
        assertEquals(Map.of("account_id", "account_id must be empty for an operator key: operator keys belong to no account"),
                Statuses.invalidFields(() -> operator.createApiKey(CreateApiKeyRequest.newBuilder()
                        .setAccountId("acme").setRole(ApiKey.Role.OPERATOR).build())));
        assertEquals(Map.of("account_id", "account_id is required with an operator key"),
                Statuses.invalidFields(() -> operator.createApiKey(CreateApiKeyRequest.newBuilder().setRole(ApiKey.Role.ADMIN).build())));
        ApiKey second = operator.createApiKey(CreateApiKeyRequest.newBuilder().setRole(ApiKey.Role.OPERATOR).build()).getApiKey();
        assertEquals("", second.getAccountId());
    }

    @Test
    void accountChangesAreAudited() {
        api.createAccount("acme");
        String admin = api.createKey("acme", ApiKey.Role.ADMIN);
        api.accounts(admin).setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setApplication("service-integrations").setEnabled(true).build());
        var entries = api.audit(admin).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getAuditEntriesList();
        assertEquals(List.of("account.set_application", "api_key.create", "account.create"),
                entries.stream().map(entry -> entry.getAction()).toList());
        assertEquals("switched application service-integrations on", entries.get(0).getSummary());
        assertEquals("operator", entries.get(2).getActorKeyId());
    }
}
