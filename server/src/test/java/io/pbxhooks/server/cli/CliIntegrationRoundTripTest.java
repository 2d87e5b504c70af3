package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListIntegrationsResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.pbxhooks.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** An administrator takes an integration through its life with the CLI, against a real server. */
@ParameterizedClass
@MethodSource("databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIntegrationRoundTripTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @Parameter
    TestDatabase.Kind database;

    private CliTestServer server;

    @BeforeParameterizedClassInvocation
    void startServer() {
        server = CliTestServer.start(database);
    }

    @AfterParameterizedClassInvocation
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void createListShowUpdateDisableDelete() throws Exception {
        String adminKey = server.createAccountWithAdminKey("acme");
        Cli.Run application = server.run(adminKey, "accounts", "enable-app");
        assertEquals(0, application.exitCode(), application.transcript());
        assertEquals("service-integrations", application.detail("Applications"));

        Cli.Run created = ok(server.run(adminKey, "integrations", "create", "--name", "CRM screen pop", "--event", "inbound_call_answered",
                "--url", "https://crm.example.com/hooks", "--map", "ext=extension_number", "--map", "caller=source_number",
                "--header", "X-Source=pbxhooks", "--auth", "token", "--token", "tok-123"));
        String id = created.detail("Integration");
        assertEquals("hosted-pbx / inbound_call_answered", created.detail("Trigger"));
        assertEquals("active", created.detail("State"));
        assertEquals("token (set)", created.detail("Auth"));
        assertFalse(created.out().contains("tok-123"), "the token is never shown:\n" + created.out());

        Cli.Run table = ok(server.run(adminKey, "integrations", "list"));
        List<String> lines = table.out().lines().toList();
        assertEquals(2, lines.size(), table.transcript());
        assertTrue(lines.get(0).matches("ID +NAME +EVENT +STATE +DESTINATION"), table.transcript());
        assertTrue(lines.get(1).matches(id + " +CRM screen pop +inbound_call_answered +active +POST https://crm.example.com/hooks"), table.transcript());

        ListIntegrationsResponse.Builder json = ListIntegrationsResponse.newBuilder();
        JsonFormat.parser().merge(ok(server.run(adminKey, "integrations", "list", "--output", "json")).out(), json);
        Integration listed = json.getIntegrations(0);
        assertEquals(id, listed.getId());
        assertEquals(List.of("ext", "caller"), listed.getFieldMappingsList().stream().map(mapping -> mapping.getRequestKey()).toList());
        assertTrue(listed.getWebhook().getAuth().getTokenSet());

        Cli.Run shown = ok(server.run(adminKey, "integrations", "show", id));
        assertEquals("ext <- extension_number, caller <- source_number", shown.detail("Payload"));
        assertEquals("X-Source: pbxhooks", shown.detail("Headers"));

        Cli.Run updated = ok(server.run(adminKey, "integrations", "update", id, "--name", "CRM pop-up", "--map", "extension_number"));
        assertEquals("CRM pop-up", updated.detail("Name"));
        assertEquals("extension_number <- extension_number", updated.detail("Payload"));
        assertEquals("token (set)", updated.detail("Auth"), "a secret left out keeps its stored value");

        assertEquals("disabled", ok(server.run(adminKey, "integrations", "disable", id)).detail("State"));
        assertTrue(ok(server.run(adminKey, "integrations", "list", "--state", "disabled")).out().contains(id));
        assertEquals("active", ok(server.run(adminKey, "integrations", "enable", id)).detail("State"));

        assertEquals("Deleted integration " + id + ".", ok(server.run(adminKey, "integrations", "delete", id)).out().strip());
        assertEquals("No integrations.", ok(server.run(adminKey, "integrations", "list")).out().strip());
        Cli.Run gone = server.run(adminKey, "integrations", "show", id);
        assertEquals(ExitCodes.NOT_FOUND, gone.exitCode(), gone.transcript());
        assertTrue(gone.err().startsWith("Not found: "), gone.transcript());
    }

    @Test
    void createsFromAYamlFileWithFlagsOverridingIt(@TempDir Path directory) throws Exception {
        String adminKey = server.createAccountWithAdminKey("globex");
        Path file = Files.writeString(directory.resolve("ivr.yaml"), """
                name: IVR choices
                trigger_event: ivr_option_selected
                webhook:
                  request_url: https://helpdesk.example.com/pbx
                  method: GET
                  format: QUERY
                  timeout: 5s
                field_mappings:
                  - {request_key: menu, field: ivr_name}
                  - {request_key: choice, field: option_selected}
                """);
        Cli.Run created = ok(server.run(adminKey, "integrations", "create", "--file", file.toString(), "--name", "IVR choices (ops)"));
        assertEquals("IVR choices (ops)", created.detail("Name"));
        assertEquals("GET https://helpdesk.example.com/pbx", created.detail("Request"));
        assertEquals("5000 ms", created.detail("Timeout"));
        assertEquals("menu <- ivr_name, choice <- option_selected", created.detail("Payload"));

        Path json = Files.writeString(directory.resolve("answered.json"),
                "{\"name\": \"Answered\", \"triggerEvent\": \"inbound_call_answered\", \"webhook\": {\"requestUrl\": \"https://crm.example.com/a\"}}");
        assertEquals("hosted-pbx / inbound_call_answered", ok(server.run(adminKey, "integrations", "create", "-f", json.toString())).detail("Trigger"));

        Path wrong = Files.writeString(directory.resolve("wrong.yaml"), "name: x\nurl: https://crm.example.com\n");
        Cli.Run rejected = server.run(adminKey, "integrations", "create", "--file", wrong.toString());
        assertEquals(ExitCodes.USAGE, rejected.exitCode(), rejected.transcript());
        assertTrue(rejected.err().contains("wrong.yaml is not an integration") && rejected.err().contains("url"), rejected.transcript());
    }

    @Test
    void accountsKeysAndCatalogue() {
        ok(server.run(CliTestServer.OPERATOR_KEY, "accounts", "create", "initech", "--name", "Initech Ltd"));
        Cli.Run accounts = ok(server.run(CliTestServer.OPERATOR_KEY, "accounts", "list"));
        assertTrue(accounts.out().lines().anyMatch(line -> line.matches("initech +Initech Ltd +\\S+Z")), accounts.transcript());

        String producerKey = server.createKey("initech", "producer");
        Cli.Run keys = ok(server.run(CliTestServer.OPERATOR_KEY, "keys", "list", "--account", "initech"));
        assertTrue(keys.out().contains("producer") && keys.out().contains("active"), keys.transcript());
        assertFalse(keys.out().contains(producerKey), "a key's secret is shown only when it is created");
        String keyId = keys.out().lines().skip(1).findFirst().orElseThrow().split(" +")[0];
        assertTrue(ok(server.run(CliTestServer.OPERATOR_KEY, "keys", "revoke", keyId)).detail("Revoked").endsWith("Z"));

        Cli.Run serviceTypes = ok(server.run(CliTestServer.OPERATOR_KEY, "catalogue", "service-types"));
        assertTrue(serviceTypes.out().startsWith("Service type hosted-pbx (Hosted PBX)"), serviceTypes.transcript());
        assertTrue(serviceTypes.out().lines().anyMatch(line -> line.matches("ivr_option_selected +IVR Option Selected +.*option_selected.*")),
                serviceTypes.transcript());
        Cli.Run transports = ok(server.run(CliTestServer.OPERATOR_KEY, "catalogue", "transport-types"));
        assertTrue(transports.out().lines().anyMatch(line -> line.matches("webhook\\.request_url +string +yes .*")), transports.transcript());
    }

    private static Cli.Run ok(Cli.Run run) {
        assertEquals(0, run.exitCode(), run.transcript());
        return run;
    }
}
