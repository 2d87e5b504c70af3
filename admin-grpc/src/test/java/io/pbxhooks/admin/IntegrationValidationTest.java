package io.pbxhooks.admin;

import static io.pbxhooks.admin.SampleIntegrations.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntegrationValidationTest {

    private AdminApiServer api;
    private IntegrationServiceBlockingStub admin;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        admin = api.integrations(api.createKey("acme", ApiKey.Role.ADMIN));
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    private Map<String, String> violationsOfCreating(Integration.Builder integration) {
        return Statuses.invalidFields(() -> admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()));
    }

    @Test
    void nameIsRequiredAndAtMost100Characters() {
        assertEquals(Map.of("integration.name", "name is required"), violationsOfCreating(SampleIntegrations.webhook(" ")));
        assertEquals(Map.of("integration.name", "name must be at most 100 characters (it has 101)"),
                violationsOfCreating(SampleIntegrations.webhook("x".repeat(101))));
    }

    @Test
    void anUnknownTransportTypeListsTheKnownOnes() {
        assertEquals(Map.of("integration.type", "unknown transport type \"sms\"; known transport types: webhook, queue"),
                violationsOfCreating(SampleIntegrations.queue("Q").setType("sms")));
        assertEquals(Map.of("integration.type", "type is required; known transport types: webhook, queue"),
                violationsOfCreating(SampleIntegrations.queue("Q").setType("")));
    }

    @Test
    void anUnknownServiceTypeListsTheKnownOnes() {
        assertEquals(Map.of("integration.trigger_service_type", "unknown service type \"crm\"; known service types: hosted-pbx"),
                violationsOfCreating(SampleIntegrations.webhook("CRM").setTriggerServiceType("crm")));
    }

    @Test
    void anUnknownEventListsTheEventsOfItsServiceType() {
        assertEquals(Map.of("integration.trigger_event", "unknown event \"call_ended\" of service type hosted-pbx; its events: "
                        + "inbound_call_received, inbound_call_answered, outbound_call_placed, ivr_call_received, ivr_option_selected"),
                violationsOfCreating(SampleIntegrations.webhook("CRM").setTriggerEvent("call_ended")));
    }

    @Test
    void aFieldTheEventDoesNotHaveListsTheFieldsItHas() {
        Integration.Builder integration = SampleIntegrations.webhook("CRM").setTriggerEvent("inbound_call_received");
        assertEquals(Map.of("integration.field_mappings[0].field", "event inbound_call_received has no field \"extension_number\"; "
                        + "it has the fields: date_time, source_number, call_uuid"),
                violationsOfCreating(integration));
    }

    @Test
    void webhookViolationsCarryTheirPathInTheWebhookMessage() {
        Integration.Builder integration = SampleIntegrations.webhook("CRM");
        integration.getWebhookBuilder().clearRequestUrl().setMethod(Webhook.Method.GET)
                .addHeaders(Webhook.Header.newBuilder().setName("Bad Header").setValue("x"))
                .setAuth(Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.BASIC).setPassword("s3cret"));
        assertEquals(Map.of(
                        "integration.webhook.request_url", "Request URL is required",
                        "integration.webhook.format", "a GET has no body: use format QUERY with method GET",
                        "integration.webhook.auth.username", "Username is required for BASIC authentication",
                        "integration.webhook.headers[1].name", "header name must be an HTTP token"),
                violationsOfCreating(integration));
    }

    @Test
    void theTransportsFieldMappingViolationsKeepTheirPath() {
        Integration.Builder integration = SampleIntegrations.webhook("CRM").addFieldMappings(mapping("ext", "call_uuid"));
        assertEquals(Map.of("integration.field_mappings[2].request_key", "request key \"ext\" is used twice"), violationsOfCreating(integration));
    }

    @Test
    void aThirdPartyTransportsViolationsLiveInTheConfigMap() {
        Map<String, String> violations = violationsOfCreating(SampleIntegrations.queue("Q").removeConfig("queue").putConfig("colour", "red"));
        assertEquals("Queue is required", violations.get("integration.config.queue"));
        assertTrue(violations.get("integration.config.colour").startsWith("is not a setting of this transport"));
        assertEquals(2, violations.size());
    }

    @Test
    void eachTypeTakesItsSettingsFromItsOwnPlace() {
        assertEquals(Map.of("integration.config", "must be empty for type webhook: set the webhook's settings in integration.webhook"),
                violationsOfCreating(SampleIntegrations.webhook("CRM").putConfig("request_url", "https://x.example")));
        assertEquals(Map.of("integration.webhook", "applies only to type webhook: type \"queue\" takes its settings in integration.config"),
                violationsOfCreating(SampleIntegrations.queue("Q").setWebhook(Webhook.getDefaultInstance())));
    }

    @Test
    void everyViolationIsReportedAtOnceAndNothingIsSaved() {
        Integration.Builder integration = SampleIntegrations.webhook("").setTriggerEvent("nope").setType("webhook");
        integration.getWebhookBuilder().setRequestUrl("ftp://x");
        StatusRuntimeException failure = Statuses.assertStatus(Status.Code.INVALID_ARGUMENT,
                () -> admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()));

        assertEquals(List.of("integration.name", "integration.webhook.request_url", "integration.trigger_event"),
                List.copyOf(Statuses.violations(failure).keySet()));
        ErrorInfo errorInfo = Statuses.errorInfo(failure);
        assertEquals("INVALID_FIELDS", errorInfo.getReason());
        assertEquals("pbxhooks.io", errorInfo.getDomain());
        assertTrue(failure.getStatus().getDescription().contains("integration.webhook.request_url: Request URL must be an absolute http or https URL"));
        assertEquals(0, admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsCount());
        assertTrue(api.auditLog.all().stream().noneMatch(entry -> entry.resourceType().equals("integration")));
    }

    @Test
    void validateIntegrationIsADryRun() {
        List<BadRequest.FieldViolation> violations = admin.validateIntegration(ValidateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("").setTriggerServiceType("crm")).build()).getViolationsList();
        assertEquals(List.of("integration.name", "integration.trigger_service_type"),
                violations.stream().map(BadRequest.FieldViolation::getField).toList());
        assertEquals(List.of(), admin.validateIntegration(ValidateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getViolationsList());
        assertEquals(0, admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsCount());
    }

    @Test
    void anOperatorMustNameTheAccount() {
        IntegrationServiceBlockingStub operator = api.integrations(AdminApiServer.OPERATOR_KEY);
        assertEquals(Map.of("account_id", "account_id is required with an operator key"), Statuses.invalidFields(() ->
                operator.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(SampleIntegrations.webhook("CRM")).build())));
        assertEquals("acme", operator.createIntegration(CreateIntegrationRequest.newBuilder().setAccountId("acme")
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getIntegration().getAccountId());
    }

    @Test
    void aNegativePageSizeIsInvalid() {
        assertEquals(Map.of("page_size", "page_size must not be negative (0 means 50)"),
                Statuses.invalidFields(() -> admin.listIntegrations(ListIntegrationsRequest.newBuilder().setPageSize(-1).build())));
    }
}
