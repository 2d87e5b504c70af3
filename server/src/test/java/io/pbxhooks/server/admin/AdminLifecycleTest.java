package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static io.pbxhooks.server.testing.WebhookIntegrations.header;
import static io.pbxhooks.server.testing.WebhookIntegrations.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.AuditEntry;
import io.pbxhooks.admin.v1.CreateAccountRequest;
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
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole story over the socket: the operator sets up an account, its administrator runs an integration's life. */
class AdminLifecycleTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOperatorSetsUpAnAccountAndItsAdministratorTakesAnIntegrationThroughItsLife(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            CreateApiKeyResponse created = setUpAccount(api);
            ApiKey adminKey = created.getApiKey();
            String integrationId = runIntegrationLifecycle(api.integrations(created.getSecret()));

            List<AuditEntry> trail = api.audit(created.getSecret()).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance())
                    .getAuditEntriesList();
            assertEquals(List.of("integration.delete", "integration.enable", "integration.disable", "integration.update",
                    "integration.create", "account.set_application", "api_key.create", "account.create"),
                    trail.stream().map(AuditEntry::getAction).toList(), "newest first");
            trail.forEach(entry -> assertEquals("acme", entry.getAccountId(), entry::toString));
            trail.subList(0, 5).forEach(entry -> {
                assertEquals(adminKey.getId(), entry.getActorKeyId(), entry::toString);
                assertEquals(integrationId, entry.getResourceId(), entry::toString);
            });
            String operatorKeyId = trail.get(5).getActorKeyId();
            assertFalse(operatorKeyId.isEmpty());
            assertNotEquals(adminKey.getId(), operatorKeyId);
            trail.subList(5, 8).forEach(entry -> assertEquals(operatorKeyId, entry.getActorKeyId(), entry::toString));
            assertEquals(List.of("acme", adminKey.getId(), "acme"), trail.subList(5, 8).stream().map(AuditEntry::getResourceId).toList());
            assertTrue(trail.get(3).getSummary().contains("changed name, webhook.request_url"), trail.get(3).getSummary());
        }
    }

    /** Create answers with the resource as stored: a read right after it returns the very same message, times included. */
    @ParameterizedTest
    @MethodSource("databases")
    void whatCreateReturnsIsWhatIsStored(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            Account account = api.createAccount("acme");
            CreateApiKeyResponse key = api.createKey("acme", ApiKey.Role.ADMIN);
            IntegrationServiceBlockingStub admin = api.integrations(key.getSecret());
            Integration integration = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(WebhookIntegrations.answeredCalls("CRM")).build()).getIntegration();

            assertEquals(account, api.accounts(OPERATOR_KEY).getAccount(GetAccountRequest.newBuilder().setId("acme").build()).getAccount());
            assertEquals(List.of(key.getApiKey()), api.accounts(key.getSecret()).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList());
            assertEquals(integration, get(admin, integration.getId()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHeaderWithAnEmptyValueIsStoredAndReadBack(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            api.createAccount("acme");
            IntegrationServiceBlockingStub admin = api.integrations(api.createKey("acme", ApiKey.Role.ADMIN).getSecret());
            Integration.Builder withEmptyHeader = WebhookIntegrations.answeredCalls("CRM");
            withEmptyHeader.getWebhookBuilder().addHeaders(WebhookIntegrations.header("X-Empty", ""));
            Integration integration = admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(withEmptyHeader).build())
                    .getIntegration();

            assertEquals(integration, get(admin, integration.getId()));
            assertEquals(List.of(integration), admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsList());
        }
    }

    /** The operator's part: the account, its admin key (its secret shown once) and the application. */
    private static CreateApiKeyResponse setUpAccount(AdminTestServer api) {
        AccountServiceBlockingStub operator = api.accounts(OPERATOR_KEY);
        Account account = operator.createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId("acme").setDisplayName("Acme Ltd")).build()).getAccount();
        assertEquals("acme", account.getId());
        assertEquals("Acme Ltd", account.getDisplayName());
        assertEquals(List.of(), account.getApplicationsList(), "a new account starts with the application off");
        assertTrue(account.hasCreateTime());

        CreateApiKeyResponse created = operator.createApiKey(CreateApiKeyRequest.newBuilder()
                .setAccountId("acme").setRole(ApiKey.Role.ADMIN).setDescription("Acme's PBX administrator").build());
        ApiKey key = created.getApiKey();
        assertFalse(key.getId().isEmpty());
        assertEquals(List.of("acme", "Acme's PBX administrator"), List.of(key.getAccountId(), key.getDescription()));
        assertEquals(ApiKey.Role.ADMIN, key.getRole());
        assertTrue(key.hasCreateTime());
        assertFalse(key.getRevoked());
        assertTrue(created.getSecret().matches("pbx_[A-Za-z0-9_-]{43}"), "256 random bits in base64url");

        AccountServiceBlockingStub admin = api.accounts(created.getSecret());
        assertEquals(List.of(), admin.getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getApplicationsList());
        Account switchedOn = operator.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setAccountId("acme").setApplication("service-integrations").setEnabled(true).build()).getAccount();
        assertEquals(List.of("service-integrations"), switchedOn.getApplicationsList());
        assertEquals(switchedOn, admin.getAccount(GetAccountRequest.getDefaultInstance()).getAccount());
        assertEquals(switchedOn, operator.getAccount(GetAccountRequest.newBuilder().setId("acme").build()).getAccount());
        assertEquals(List.of(switchedOn), operator.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList());

        List<ApiKey> keys = admin.listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList();
        assertEquals(List.of(key.toBuilder().clearCreateTime().build()), keys.stream().map(listed -> listed.toBuilder().clearCreateTime().build()).toList());
        return created;
    }

    /** The administrator's part: create → get → list → update (with the etag) → disable → enable → delete. */
    private static String runIntegrationLifecycle(IntegrationServiceBlockingStub admin) {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(
                WebhookIntegrations.answeredCallsWithSecrets("CRM screen pop", "pw-lifecycle", WebhookIntegrations.newSigningSecret()))
                .build()).getIntegration();
        String id = created.getId();
        assertFalse(id.isEmpty());
        assertEquals(List.of("acme", "CRM screen pop", "webhook", "hosted-pbx", "inbound_call_answered"), List.of(created.getAccountId(),
                created.getName(), created.getType(), created.getTriggerServiceType(), created.getTriggerEvent()));
        assertTrue(created.getEnabled());
        assertEquals(Integration.Status.newBuilder().setState(Integration.Status.State.ACTIVE).build(), created.getStatus());
        Webhook expectedWebhook = WebhookIntegrations.answeredCalls("").getWebhook().toBuilder()
                .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.BASIC).setUsername("crm-user").setPasswordSet(true))
                .setSigningSecretSet(true)
                .setTimeout(Duration.newBuilder().setSeconds(10)).build();
        assertEquals(expectedWebhook, created.getWebhook(), "the settings, the schema's default timeout, no secret");
        assertEquals(WebhookIntegrations.answeredCalls("").getFieldMappingsList(), created.getFieldMappingsList());
        assertEquals(created.getCreateTime(), created.getUpdateTime());
        assertFalse(created.getEtag().isEmpty());

        Integration read = get(admin, id);
        assertEquals(withoutTimes(created), withoutTimes(read));
        assertEquals(List.of(read), admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsList());

        Integration.Builder change = read.toBuilder().setName("CRM screen pop v2").clearFieldMappings()
                .addFieldMappings(mapping("extension", "extension_number")).addFieldMappings(mapping("agent", "name"));
        change.getWebhookBuilder().setRequestUrl("https://crm.example.com/v2/hooks").setMethod(Webhook.Method.GET)
                .setFormat(Webhook.Format.QUERY).clearHeaders().addHeaders(header("X-Tenant", "acme"));
        Integration updated = admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(change).build()).getIntegration();
        assertEquals(change.clone().clearEtag().clearUpdateTime().build(), updated.toBuilder().clearEtag().clearUpdateTime().build(),
                "the new settings, the secrets kept");
        assertNotEquals(read.getEtag(), updated.getEtag());
        assertTrue(Timestamps.compare(updated.getUpdateTime(), read.getUpdateTime()) >= 0);
        assertEquals(updated, get(admin, id));

        Integration disabled = admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(id).build()).getIntegration();
        assertFalse(disabled.getEnabled());
        assertEquals(Integration.Status.State.DISABLED_BY_ADMIN, disabled.getStatus().getState());
        assertEquals("", disabled.getStatus().getReason());
        assertNotEquals(updated.getEtag(), disabled.getEtag());
        assertEquals(List.of(disabled), admin.listIntegrations(ListIntegrationsRequest.newBuilder().setEnabled(false).build()).getIntegrationsList());
        assertEquals(List.of(), admin.listIntegrations(ListIntegrationsRequest.newBuilder().setEnabled(true).build()).getIntegrationsList());

        Integration enabled = admin.enableIntegration(EnableIntegrationRequest.newBuilder().setId(id).build()).getIntegration();
        assertTrue(enabled.getEnabled());
        assertEquals(Integration.Status.State.ACTIVE, enabled.getStatus().getState());
        assertEquals(withoutTimes(updated).toBuilder().clearEtag().build(), withoutTimes(enabled).toBuilder().clearEtag().build());
        assertEquals(enabled, get(admin, id));

        admin.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(id).build());
        assertStatus(Status.Code.NOT_FOUND, () -> get(admin, id));
        assertEquals(List.of(), admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsList());
        assertStatus(Status.Code.NOT_FOUND, () -> admin.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(id).build()));
        return id;
    }

    private static Integration get(IntegrationServiceBlockingStub admin, String id) {
        return admin.getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()).getIntegration();
    }

    private static Integration withoutTimes(Integration integration) {
        return integration.toBuilder().clearCreateTime().clearUpdateTime().build();
    }
}
