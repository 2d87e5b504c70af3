package io.pbxhooks.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets are write-only: kept in the store, never in a response, an error or an audit entry. */
class SecretsTest {

    private static final String PASSWORD = "pw-Secret-1";
    private static final String TOKEN = "tok-Secret-2";
    private static final String SIGNING_SECRET = "whsec_Secret-3";
    private static final String QUEUE_KEY = "queue-Secret-4";
    private static final List<String> SECRETS = List.of(PASSWORD, TOKEN, SIGNING_SECRET, QUEUE_KEY);

    private AdminApiServer api;
    private IntegrationServiceBlockingStub admin;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        admin = api.integrations(api.createKey("acme", ApiKey.Role.ADMIN));
    }

    @AfterEach
    void noResponseEverContainedASecret() throws InterruptedException {
        api.close();
        assertFalse(api.recorder.received().isEmpty());
        for (String response : api.recorder.received()) {
            SECRETS.forEach(secret -> assertFalse(response.contains(secret), () -> "secret in response: " + response));
        }
        api.auditLog.all().forEach(entry -> SECRETS.forEach(secret -> assertFalse(entry.toString().contains(secret))));
    }

    private Integration createWithSecrets() {
        Integration.Builder integration = SampleIntegrations.webhook("CRM");
        integration.getWebhookBuilder().setSigningSecret(SIGNING_SECRET)
                .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.BASIC).setUsername("crm").setPassword(PASSWORD));
        return admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()).getIntegration();
    }

    private TransportConfig stored(Integration integration) {
        return api.integrations.find(integration.getId()).orElseThrow().config();
    }

    @Test
    void readsSayOnlyWhetherEachSecretIsSet() {
        Integration created = createWithSecrets();
        Webhook webhook = admin.getIntegration(GetIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration().getWebhook();
        assertEquals("", webhook.getAuth().getPassword());
        assertTrue(webhook.getAuth().getPasswordSet());
        assertFalse(webhook.getAuth().getTokenSet());
        assertEquals("", webhook.getSigningSecret());
        assertTrue(webhook.getSigningSecretSet());
        assertEquals("crm", webhook.getAuth().getUsername());
        assertEquals(PASSWORD, stored(created).value("auth.password").orElseThrow(), "the store gets the secret in clear");
        admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance());
        api.audit(AdminApiServer.OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance());
    }

    @Test
    void anUpdateThatLeavesASecretEmptyKeepsIt() {
        Integration created = createWithSecrets();
        Integration updated = admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                .setIntegration(created.toBuilder().setName("CRM 2")).build()).getIntegration();
        assertTrue(updated.getWebhook().getAuth().getPasswordSet());
        assertTrue(updated.getWebhook().getSigningSecretSet());
        assertEquals(PASSWORD, stored(created).value("auth.password").orElseThrow());
        assertEquals(SIGNING_SECRET, stored(created).value("signing_secret").orElseThrow());
    }

    @Test
    void clearSecretsRemovesAStoredSecret() {
        Integration created = createWithSecrets();
        Integration updated = admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                .setIntegration(created).addClearSecrets("webhook.signing_secret").build()).getIntegration();
        assertFalse(updated.getWebhook().getSigningSecretSet());
        assertTrue(stored(created).value("signing_secret").isEmpty());
        assertTrue(api.auditLog.all().get(api.auditLog.all().size() - 1).summary().endsWith("changed webhook.signing_secret"));
    }

    @Test
    void clearSecretsNamesOnlySecrets() {
        Integration created = createWithSecrets();
        assertEquals(Map.of("clear_secrets[0]", "\"webhook.request_url\" is not a secret of transport type webhook; its secrets: "
                        + "webhook.auth.password, webhook.auth.token, webhook.signing_secret"),
                Statuses.invalidFields(() -> admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                        .setIntegration(created).addClearSecrets("webhook.request_url").build())));
    }

    @Test
    void switchingTheAuthTypeDropsTheSecretsTheOldTypeUsed() {
        Integration created = createWithSecrets();
        Integration.Builder tokenAuth = created.toBuilder();
        tokenAuth.getWebhookBuilder().setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken(TOKEN));
        Integration updated = admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(tokenAuth).build()).getIntegration();
        assertFalse(updated.getWebhook().getAuth().getPasswordSet());
        assertTrue(updated.getWebhook().getAuth().getTokenSet());
        assertTrue(stored(created).value("auth.password").isEmpty());

        Integration.Builder tokenKept = updated.toBuilder().setName("still token auth");
        assertEquals(List.of(), admin.validateIntegration(ValidateIntegrationRequest.newBuilder().setIntegration(tokenKept).build())
                .getViolationsList(), "validation with an id keeps the stored token like an update would");
    }

    @Test
    void aThirdPartyTransportsSecretSettingsAreWriteOnlyToo() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.queue("Queue").putConfig("api_key", QUEUE_KEY)).build()).getIntegration();
        assertFalse(created.containsConfig("api_key"));
        assertEquals(List.of("api_key"), created.getConfigSecretsSetList());
        Integration updated = admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(created).build()).getIntegration();
        assertEquals(List.of("api_key"), updated.getConfigSecretsSetList());
        assertEquals(QUEUE_KEY, stored(created).value("api_key").orElseThrow());
    }

    @Test
    void invalidRequestsDoNotEchoSecrets() {
        Integration.Builder integration = SampleIntegrations.webhook("");
        integration.getWebhookBuilder().setSigningSecret(SIGNING_SECRET).setRequestUrl("not a url")
                .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken(TOKEN));
        Statuses.invalidFields(() -> admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()));
    }
}
