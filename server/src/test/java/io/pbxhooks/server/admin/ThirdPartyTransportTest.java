package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListTransportTypesRequest;
import io.pbxhooks.admin.v1.TransportType;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.server.plugin.TestPluginJars;
import io.pbxhooks.server.security.SecretCipher;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.ResponseRecorder;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transport from a plugin jar takes its settings through the generic config map, validated by its own schema: the
 * test plugin's {@code echo-relay} has an ordinary setting ({@code channel}) and a secret one ({@code api_key}), which
 * no response, log line or database column holds in clear.
 */
class ThirdPartyTransportTest {

    @TempDir
    Path pluginsDirectory;

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void settingsGoThroughTheConfigMapAndTheSecretNeverComesOut(TestDatabase.Kind database) throws Exception {
        TestPluginJars.echo().buildInto(pluginsDirectory, "echo-plugin.jar");
        String apiKey = WebhookIntegrations.newSecret("relay-key-");
        String replacementKey = WebhookIntegrations.newSecret("relay-key-");
        List<ResponseRecorder.Reply> replies;
        List<String> logLines;
        try (LogCapture logs = new LogCapture();
             AdminTestServer api = AdminTestServer.start(database, Map.of("pbxhooks.plugins-dir", pluginsDirectory.toString()))) {
            IntegrationServiceBlockingStub admin = api.integrations(api.createAccountWithAdmin("acme"));
            TransportType relay = api.catalog(AdminTestServer.OPERATOR_KEY).listTransportTypes(ListTransportTypesRequest.getDefaultInstance())
                    .getTransportTypesList().stream().filter(type -> type.getId().equals("echo-relay")).findFirst().orElseThrow();
            assertEquals(List.of("channel", "api_key"), relay.getSettingsList().stream().map(setting -> setting.getName()).toList());

            Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(relayIntegration().putConfig("channel", "#calls").putConfig("api_key", apiKey)).build()).getIntegration();
            String id = created.getId();
            assertOnlySaysTheSecretIsSet(created, "#calls", true);
            assertOnlySaysTheSecretIsSet(admin.getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()).getIntegration(), "#calls", true);
            assertSealedAtRest(api, id, apiKey);

            Integration renamed = admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                    .setIntegration(created.toBuilder().setName("Relay renamed").putConfig("channel", "#answered")).build()).getIntegration();
            assertOnlySaysTheSecretIsSet(renamed, "#answered", true);
            assertSealedAtRest(api, id, apiKey);

            Integration rekeyed = admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                    .setIntegration(renamed.toBuilder().putConfig("api_key", replacementKey)).build()).getIntegration();
            assertOnlySaysTheSecretIsSet(rekeyed, "#answered", true);
            assertSealedAtRest(api, id, replacementKey);

            Integration cleared = admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                    .setIntegration(rekeyed).addClearSecrets("config.api_key").build()).getIntegration();
            assertOnlySaysTheSecretIsSet(cleared, "#answered", false);
            String raw = api.server().queryForString("SELECT transport_config FROM integrations WHERE id = '" + id + "'");
            assertFalse(raw.contains(replacementKey) || raw.contains(apiKey), raw);
            assertEquals(Map.of(), storedSecrets(api, raw), raw);

            assertEquals(Map.of("integration.config.channel", "Channel must start with #"),
                    assertInvalid(() -> admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                            .setIntegration(cleared.toBuilder().putConfig("channel", "calls").putConfig("api_key", apiKey)).build())));
            assertEquals(Map.of("integration.config.channel", "Channel is required"),
                    assertInvalid(() -> admin.createIntegration(CreateIntegrationRequest.newBuilder()
                            .setIntegration(relayIntegration().putConfig("api_key", apiKey)).build())));
            Map<String, String> violations = assertInvalid(() -> admin.createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(relayIntegration().putConfig("channel", "#a-channel-name-too-long").putConfig("apikey", apiKey)).build()));
            assertEquals(List.of("integration.config.apikey", "integration.config.channel"), violations.keySet().stream().sorted().toList());
            assertTrue(violations.get("integration.config.apikey").contains("known settings: channel, api_key"), violations::toString);
            assertEquals("Channel must be at most 20 characters (it has 24)", violations.get("integration.config.channel"));
            assertEquals(1, admin.validateIntegration(ValidateIntegrationRequest.newBuilder()
                    .setIntegration(relayIntegration().putConfig("channel", "calls").putConfig("api_key", apiKey)).build()).getViolationsCount());
            assertEquals(1, api.server().queryForLong("SELECT COUNT(*) FROM integrations"), "nothing invalid was saved");
            replies = api.recorder().replies();
            logLines = logs.lines();
        }

        assertTrue(replies.stream().anyMatch(reply -> reply.text().contains("INVALID_ARGUMENT")), "errors were recorded too");
        for (ResponseRecorder.Reply reply : replies) {
            for (String secret : List.of(apiKey, replacementKey)) {
                assertFalse(reply.text().contains(secret), () -> "the secret in the reply of " + reply.method() + ": " + reply.text());
            }
        }
        assertFalse(logLines.isEmpty(), "the server's log was captured");
        logLines.forEach(line -> assertFalse(line.contains(apiKey) || line.contains(replacementKey), () -> "the secret in the log: " + line));
    }

    private static Integration.Builder relayIntegration() {
        return Integration.newBuilder().setName("Relay").setType("echo-relay").setTriggerServiceType("echo").setTriggerEvent("text_received")
                .addFieldMappings(WebhookIntegrations.mapping("said", "text"));
    }

    private static void assertOnlySaysTheSecretIsSet(Integration integration, String channel, boolean apiKeySet) {
        assertEquals(Map.of("channel", channel), integration.getConfigMap(), "the config map holds only the ordinary setting");
        assertEquals(apiKeySet ? List.of("api_key") : List.of(), integration.getConfigSecretsSetList());
    }

    /** The transport_config column holds the key only AES-GCM sealed ({@code v1:}), opening to {@code apiKey}. */
    private static void assertSealedAtRest(AdminTestServer api, String id, String apiKey) throws Exception {
        String raw = api.server().queryForString("SELECT transport_config FROM integrations WHERE id = '" + id + "'");
        assertFalse(raw.contains(apiKey), raw);
        Map<String, String> sealed = storedSecrets(api, raw);
        assertEquals(List.of("api_key"), List.copyOf(sealed.keySet()), raw);
        assertTrue(sealed.get("api_key").startsWith("v1:"), raw);
        assertEquals(apiKey, api.server().context().getBean(SecretCipher.class).decrypt(sealed.get("api_key"), "integration/" + id + "/api_key"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> storedSecrets(AdminTestServer api, String raw) throws Exception {
        Map<String, Object> stored = api.server().context().getBean(JsonMapper.class).readValue(raw, Argument.mapOf(String.class, Object.class));
        return (Map<String, String>) stored.getOrDefault("secrets", Map.of());
    }
}
