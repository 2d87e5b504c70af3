package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertInvalid;
import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.security.SecretCipher;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.ResponseRecorder;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets go in and never come out: through a whole lifecycle, no response, error, audit entry or log line holds
 * one; reads say only whether each is set; at rest each is AES-GCM sealed, and an update that leaves one out keeps it.
 */
class SecretLeakTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void noResponseErrorAuditEntryOrLogLineEverHoldsASecret(TestDatabase.Kind database) throws Exception {
        String password = WebhookIntegrations.newSecret("pw-");
        String token = WebhookIntegrations.newSecret("tok-");
        String signingSecret = WebhookIntegrations.newSigningSecret();
        String adminKey;
        List<ResponseRecorder.Reply> replies;
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            try (AdminTestServer api = AdminTestServer.start(database)) {
                adminKey = api.createKey(api.createAccount("acme").getId(), ApiKey.Role.ADMIN).getSecret();
                IntegrationServiceBlockingStub admin = api.integrations(adminKey);

                Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                        .setIntegration(WebhookIntegrations.answeredCallsWithSecrets("CRM", password, signingSecret)).build()).getIntegration();
                String id = created.getId();
                assertSecretsSet(created, true, false);
                assertSecretsSet(admin.getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()).getIntegration(), true, false);
                assertSecretsSet(admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrations(0), true, false);
                assertSealedAtRest(api, id, Map.of("auth.password", password, "signing_secret", signingSecret));

                Integration renamed = update(admin, created.toBuilder().setName("CRM renamed").build());
                assertSecretsSet(renamed, true, false);
                assertSealedAtRest(api, id, Map.of("auth.password", password, "signing_secret", signingSecret));

                provokeErrorsCarryingSecrets(admin, created, password, token, signingSecret);

                Integration.Builder tokenAuth = renamed.toBuilder();
                tokenAuth.getWebhookBuilder().setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken(token));
                Integration switched = update(admin, tokenAuth.build());
                assertFalse(switched.getWebhook().getAuth().getPasswordSet(), "TOKEN authentication drops the password");
                assertTrue(switched.getWebhook().getAuth().getTokenSet());
                assertTrue(switched.getWebhook().getSigningSecretSet());
                assertSealedAtRest(api, id, Map.of("auth.token", token, "signing_secret", signingSecret));
                assertEquals(List.of(), admin.validateIntegration(ValidateIntegrationRequest.newBuilder()
                        .setIntegration(switched.toBuilder().setName("still valid with the stored token")).build()).getViolationsList());

                admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(id).build());
                admin.enableIntegration(EnableIntegrationRequest.newBuilder().setId(id).build());
                api.audit(adminKey).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance());
                api.audit(OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance());
                api.accounts(adminKey).listApiKeys(ListApiKeysRequest.getDefaultInstance());
                admin.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(id).build());

                for (String secret : List.of(password, token, signingSecret, OPERATOR_KEY, adminKey)) {
                    assertEquals(0, api.server().queryForLong("SELECT COUNT(*) FROM audit_entries WHERE summary LIKE '%" + secret + "%'"));
                }
                assertEquals(1, api.server().queryForLong("SELECT COUNT(*) FROM api_keys WHERE secret_hash = '" + ApiKeySecrets.hash(adminKey) + "'"),
                        "the admin key is stored as its hash");
                replies = api.recorder().replies();
            }
            logLines = logs.lines();
        }

        assertTrue(replies.stream().anyMatch(reply -> reply.text().contains("INVALID_ARGUMENT")), "errors were recorded too");
        for (ResponseRecorder.Reply reply : replies) {
            for (String secret : List.of(password, token, signingSecret, OPERATOR_KEY)) {
                assertFalse(reply.text().contains(secret), () -> "a secret in the reply of " + reply.method() + ": " + reply.text());
            }
        }
        String createApiKeyReplyWithTheSecret = adminKey;
        assertEquals(List.of("CreateApiKey"), replies.stream().filter(reply -> reply.text().contains(createApiKeyReplyWithTheSecret))
                .map(ResponseRecorder.Reply::method).toList(), "the admin key's secret is shown once, by CreateApiKey");

        assertFalse(logLines.isEmpty(), "the server's log was captured");
        for (String line : logLines) {
            for (String secret : List.of(password, token, signingSecret, OPERATOR_KEY, adminKey)) {
                assertFalse(line.contains(secret), () -> "a secret in the log: " + line);
            }
        }
    }

    /** Errors whose requests hold secrets: a stale update, and invalid values of (or around) each secret. */
    private static void provokeErrorsCarryingSecrets(IntegrationServiceBlockingStub admin, Integration stale, String password, String token,
                                                     String signingSecret) {
        Integration.Builder staleWithPassword = stale.toBuilder();
        staleWithPassword.getWebhookBuilder().getAuthBuilder().setPassword(password);
        assertStatus(Status.Code.ABORTED, () -> update(admin, staleWithPassword.build()));
        Integration.Builder invalid = WebhookIntegrations.answeredCalls("");
        invalid.getWebhookBuilder()
                .setRequestUrl("https://crm-user:" + password + "@crm.example.com/hooks#" + token)
                .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken(token + " \n" + password))
                .setSigningSecret(signingSecret.substring("whsec_".length()));
        assertEquals(List.of("integration.name", "integration.webhook.request_url", "integration.webhook.auth.token",
                "integration.webhook.signing_secret"), List.copyOf(assertInvalid(() -> admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(invalid).build())).keySet()));
        assertEquals(4, admin.validateIntegration(ValidateIntegrationRequest.newBuilder().setIntegration(invalid).build()).getViolationsCount());
        Integration.Builder basicWithToken = stale.toBuilder();
        basicWithToken.getWebhookBuilder().getAuthBuilder().setToken(token).setUsername("crm:" + password);
        assertInvalid(() -> admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(basicWithToken).build()));
    }

    private static Integration update(IntegrationServiceBlockingStub admin, Integration integration) {
        return admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(integration).build()).getIntegration();
    }

    private static void assertSecretsSet(Integration integration, boolean password, boolean token) {
        Webhook.Auth auth = integration.getWebhook().getAuth();
        assertEquals(List.of(password, token, true), List.of(auth.getPasswordSet(), auth.getTokenSet(), integration.getWebhook().getSigningSecretSet()));
        assertEquals(List.of("", "", ""), List.of(auth.getPassword(), auth.getToken(), integration.getWebhook().getSigningSecret()));
    }

    /** The raw transport_config column holds exactly these secrets, each sealed ({@code v1:}) and opening to its value. */
    @SuppressWarnings("unchecked")
    private static void assertSealedAtRest(AdminTestServer api, String id, Map<String, String> secrets) throws Exception {
        String raw = api.server().queryForString("SELECT transport_config FROM integrations WHERE id = '" + id + "'");
        secrets.values().forEach(secret -> assertFalse(raw.contains(secret), raw));
        Map<String, Object> stored = api.server().context().getBean(JsonMapper.class).readValue(raw, Argument.mapOf(String.class, Object.class));
        Map<String, String> sealed = (Map<String, String>) stored.get("secrets");
        assertEquals(secrets.keySet(), sealed.keySet(), raw);
        SecretCipher cipher = api.server().context().getBean(SecretCipher.class);
        secrets.forEach((setting, secret) -> {
            assertTrue(sealed.get(setting).startsWith("v1:"), raw);
            assertEquals(secret, cipher.decrypt(sealed.get(setting), "integration/" + id + "/" + setting));
        });
    }
}
