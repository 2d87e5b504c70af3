package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertInvalid;
import static io.pbxhooks.server.testing.WebhookIntegrations.header;
import static io.pbxhooks.server.testing.WebhookIntegrations.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Event;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ListTransportTypesRequest;
import io.pbxhooks.admin.v1.ServiceType;
import io.pbxhooks.admin.v1.TransportType;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of design.md's integration table, broken alone: INVALID_ARGUMENT naming the one field with a message a
 * person understands, and nothing saved. The tests share a server (one database at a time) whose account never gets
 * an integration.
 */
class IntegrationValidationTest {

    /** The server of the database tested last, and the secret of the admin key of its account "acme". */
    private static TestDatabase.Kind runningDatabase;
    private static AdminTestServer api;
    private static String adminKey;

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    static Stream<Arguments> rulesOnEachDatabase() {
        return databases().stream().flatMap(database -> IntegrationRules.all().stream().map(rule -> Arguments.of(database, rule)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("rulesOnEachDatabase")
    void aRequestBreakingOneRuleIsRefusedWithThatFieldsViolation(TestDatabase.Kind database, IntegrationRules.Rule rule) {
        Integration.Builder integration = WebhookIntegrations.answeredCalls("CRM");
        rule.breaking().accept(integration);
        Map<String, String> violations = assertInvalid(() -> api(database).integrations(adminKey(database))
                .createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()));
        assertEquals(List.of(rule.path()), List.copyOf(violations.keySet()), violations::toString);
        assertTrue(violations.get(rule.path()).contains(rule.message()), violations::toString);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theValidIntegrationTheRulesStartFromHasNoViolation(TestDatabase.Kind database) {
        assertEquals(List.of(), api(database).integrations(adminKey(database)).validateIntegration(ValidateIntegrationRequest.newBuilder()
                .setIntegration(WebhookIntegrations.answeredCalls("CRM")).build()).getViolationsList());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void unknownNamesAndAbsentFieldsAreExplainedWithWhatTheCatalogueHas(TestDatabase.Kind database) {
        ServiceType hostedPbx = api(database).catalog(adminKey(database)).listServiceTypes(ListServiceTypesRequest.getDefaultInstance())
                .getServiceTypesList().stream().filter(serviceType -> serviceType.getId().equals("hosted-pbx")).findFirst().orElseThrow();
        List<String> transports = api(database).catalog(adminKey(database)).listTransportTypes(ListTransportTypesRequest.getDefaultInstance())
                .getTransportTypesList().stream().map(TransportType::getId).toList();
        assertEquals(List.of("webhook"), transports);
        Event received = hostedPbx.getEventsList().stream().filter(event -> event.getId().equals("inbound_call_received")).findFirst().orElseThrow();

        assertEquals("event inbound_call_received has no field \"extension_number\"; it has the fields: " + String.join(", ", received.getFieldIdsList()),
                violationsOf(database, WebhookIntegrations.answeredCalls("CRM").setTriggerEvent("inbound_call_received"))
                        .get("integration.field_mappings[0].field"));
        assertEquals("unknown event \"call_ended\" of service type hosted-pbx; its events: "
                        + String.join(", ", hostedPbx.getEventsList().stream().map(Event::getId).toList()),
                violationsOf(database, WebhookIntegrations.answeredCalls("CRM").setTriggerEvent("call_ended")).get("integration.trigger_event"));
        assertEquals("unknown service type \"crm\"; known service types: hosted-pbx",
                violationsOf(database, WebhookIntegrations.answeredCalls("CRM").setTriggerServiceType("crm")).get("integration.trigger_service_type"));
        assertEquals("unknown transport type \"sms\"; known transport types: " + String.join(", ", transports),
                violationsOf(database, WebhookIntegrations.answeredCalls("CRM").setType("sms").clearWebhook()).get("integration.type"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyViolationIsReportedAtOnceAndValidateReportsTheSame(TestDatabase.Kind database) {
        Integration.Builder integration = WebhookIntegrations.answeredCalls("").addFieldMappings(mapping("ivr", "ivr_name"));
        integration.getWebhookBuilder().setRequestUrl("ftp://crm.example.com/in").setMethod(Webhook.Method.GET)
                .addHeaders(header("Host", "evil.example.com"));
        StatusRuntimeException failure = GrpcAssertions.assertStatus(Status.Code.INVALID_ARGUMENT, () -> api(database)
                .integrations(adminKey(database)).createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()));

        Map<String, String> violations = GrpcAssertions.violations(failure);
        assertEquals(List.of("integration.name", "integration.webhook.request_url", "integration.webhook.format",
                "integration.webhook.headers[1].name", "integration.field_mappings[3].field"), List.copyOf(violations.keySet()));
        violations.forEach((path, message) -> assertTrue(failure.getStatus().getDescription().contains(path + ": " + message), failure::toString));
        assertEquals("INVALID_FIELDS", GrpcAssertions.errorInfo(failure).getReason());
        assertEquals("pbxhooks.io", GrpcAssertions.errorInfo(failure).getDomain());

        List<BadRequest.FieldViolation> dryRun = api(database).integrations(adminKey(database)).validateIntegration(
                ValidateIntegrationRequest.newBuilder().setIntegration(integration).build()).getViolationsList();
        assertEquals(List.copyOf(violations.entrySet()), dryRun.stream()
                .map(violation -> Map.entry(violation.getField(), violation.getDescription())).toList());
    }

    /** After every test: no request saved anything, and no change was audited. */
    @AfterEach
    void nothingWasSaved() {
        if (api == null) {
            return;
        }
        assertEquals(0, api.integrations(adminKey).listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsCount());
        assertTrue(api.audit(adminKey).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getAuditEntriesList()
                .stream().noneMatch(entry -> entry.getResourceType().equals("integration")));
        assertEquals(0, api.server().queryForLong("SELECT COUNT(*) FROM integrations"));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (api != null) {
            api.close();
            api = null;
            runningDatabase = null;
        }
    }

    private static Map<String, String> violationsOf(TestDatabase.Kind database, Integration.Builder integration) {
        return assertInvalid(() -> api(database).integrations(adminKey(database))
                .createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()));
    }

    /** One server at a time: the arguments come database by database, so each starts about once per test method. */
    private static AdminTestServer api(TestDatabase.Kind wanted) {
        if (wanted != runningDatabase) {
            try {
                stopServer();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            api = AdminTestServer.start(wanted);
            adminKey = api.createAccountWithAdmin("acme");
            runningDatabase = wanted;
        }
        return api;
    }

    private static String adminKey(TestDatabase.Kind wanted) {
        api(wanted);
        return adminKey;
    }
}
