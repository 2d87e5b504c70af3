package io.pbxhooks.admin;

import static io.pbxhooks.admin.Statuses.assertStatus;
import static io.pbxhooks.admin.Statuses.errorInfo;
import static io.pbxhooks.admin.Statuses.invalidFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.pbxhooks.admin.fake.FakeTestEventSender;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.AuditRecord;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.SendTestEventRequest;
import io.pbxhooks.admin.v1.SendTestEventResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendTestEventTest {

    private AdminApiServer api;
    private String adminKey;
    private IntegrationServiceBlockingStub admin;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        adminKey = api.createKey("acme", ApiKey.Role.ADMIN);
        admin = api.integrations(adminKey);
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    private Integration create(Integration.Builder integration) {
        return admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()).getIntegration();
    }

    private SendTestEventResponse sendTestEvent(String id) {
        return admin.sendTestEvent(SendTestEventRequest.newBuilder().setId(id).build());
    }

    @Test
    void returnsTheTestDeliveryAndTheReceiversAnswer() {
        Integration integration = create(SampleIntegrations.webhook("CRM"));
        api.testEvents.answer(new FakeTestEventSender.Answer(202, Map.of("X-Request-Id", List.of("r-1", "r-2")), "{\"queued\":true}"));

        SendTestEventResponse response = sendTestEvent(integration.getId());

        Delivery delivery = response.getDelivery();
        assertTrue(delivery.getTest());
        assertEquals(Delivery.State.SUCCEEDED, delivery.getState());
        assertEquals(List.of("acme", integration.getId(), "hosted-pbx", "inbound_call_answered"),
                List.of(delivery.getAccountId(), delivery.getIntegrationId(), delivery.getServiceType(), delivery.getEventType()));
        Attempt attempt = response.getAttempt();
        assertEquals(1, attempt.getNumber());
        assertEquals(Attempt.Outcome.SUCCEEDED, attempt.getOutcome());
        assertEquals(202, attempt.getStatusCode());
        assertEquals(List.of(Attempt.Header.newBuilder().setName("X-Request-Id").setValue("r-1").build(),
                Attempt.Header.newBuilder().setName("X-Request-Id").setValue("r-2").build()), attempt.getResponseHeadersList());
        assertEquals("{\"queued\":true}", attempt.getResponseExcerpt());
        assertEquals(List.of(integration.getId()), api.testEvents.sent().stream().map(IntegrationRecord::id).toList());
    }

    @Test
    void isRecordedAsATestDeliveryAndAudited() {
        Integration integration = create(SampleIntegrations.webhook("CRM"));
        Delivery sent = sendTestEvent(integration.getId()).getDelivery();

        var deliveries = api.deliveries(adminKey);
        assertEquals(List.of(sent), deliveries.listDeliveries(ListDeliveriesRequest.newBuilder().setIntegrationId(integration.getId()).build())
                .getDeliveriesList());
        assertEquals(1, deliveries.getDelivery(GetDeliveryRequest.newBuilder().setId(sent.getId()).build()).getAttemptsCount());
        AuditRecord audit = api.auditLog.all().get(api.auditLog.all().size() - 1);
        assertEquals(List.of("acme", "integration.send_test_event", "integration", integration.getId(), "sent a sample inbound_call_answered event"),
                List.of(audit.accountId(), audit.action(), audit.resourceType(), audit.resourceId(), audit.summary()));
        assertEquals(Timestamps.of(audit.time()), sent.getCreateTime(), "the audit entry and the send have the same instant");
    }

    @Test
    void aFailingReceiverIsAnAttemptNotAnError() {
        Integration integration = create(SampleIntegrations.webhook("CRM"));
        api.testEvents.answer(new FakeTestEventSender.Answer(503, Map.of(), "down for maintenance"));
        SendTestEventResponse response = sendTestEvent(integration.getId());
        assertEquals(Delivery.State.FAILED, response.getDelivery().getState());
        assertEquals(Attempt.Outcome.RETRYABLE, response.getAttempt().getOutcome());
        assertEquals("down for maintenance", response.getAttempt().getResponseExcerpt());
    }

    @Test
    void sendsEvenWhenTheIntegrationIsDisabled() {
        Integration integration = create(SampleIntegrations.webhook("CRM"));
        admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(integration.getId()).build());
        assertEquals(Delivery.State.SUCCEEDED, sendTestEvent(integration.getId()).getDelivery().getState());
    }

    @Test
    void anEventWithoutASampleIsAFailedPrecondition() {
        Integration integration = create(SampleIntegrations.webhook("IVR").setTriggerEvent("ivr_option_selected").clearFieldMappings()
                .addFieldMappings(SampleIntegrations.mapping("option", "option_selected")));
        int auditEntries = api.auditLog.all().size();
        var failure = assertStatus(Status.Code.FAILED_PRECONDITION, () -> sendTestEvent(integration.getId()));
        assertEquals("NO_SAMPLE_EVENT", errorInfo(failure).getReason());
        assertEquals("service type hosted-pbx offers no sample of event ivr_option_selected, so no test event can be sent",
                failure.getStatus().getDescription());
        assertEquals(List.of(), api.testEvents.sent());
        assertEquals(auditEntries, api.auditLog.all().size());
    }

    @Test
    void anIntegrationWhosePluginIsNotLoadedIsAFailedPrecondition() {
        IntegrationRecord stored = api.integrations.find(create(SampleIntegrations.webhook("CRM")).getId()).orElseThrow();
        IntegrationRecord orphan = new IntegrationRecord("orphan", "acme", "Pigeon", "carrier-pigeon", "hosted-pbx", "inbound_call_answered",
                true, null, stored.config(), stored.fieldMappings(), stored.createTime(), stored.updateTime(), 1);
        api.integrations.create(orphan, 1000, new AuditEntryDraft("acme", "operator", "integration.create", "integration", "orphan", "", Instant.EPOCH));
        var failure = assertStatus(Status.Code.FAILED_PRECONDITION, () -> sendTestEvent("orphan"));
        assertEquals("PLUGIN_NOT_LOADED", errorInfo(failure).getReason());
        assertEquals("the transport plugin carrier-pigeon is not loaded on this server, so no test event can be sent",
                failure.getStatus().getDescription());
        assertEquals(List.of(), api.testEvents.sent());
    }

    @Test
    void needsTheIdOfAKnownIntegration() {
        assertEquals(List.of("id"), List.copyOf(invalidFields(() -> sendTestEvent("")).keySet()));
        assertStatus(Status.Code.NOT_FOUND, () -> sendTestEvent("missing"));
    }
}
