package io.pbxhooks.admin;

import static io.pbxhooks.admin.Statuses.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import io.grpc.Status;
import io.pbxhooks.admin.port.AuditRecord;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Integration.Status.State;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntegrationLifecycleTest {

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

    @Test
    void createGetListUpdateDisableEnableDelete() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getIntegration();
        assertFalse(created.getId().isEmpty());
        assertEquals("acme", created.getAccountId());
        assertTrue(created.getEnabled(), "enabled when the request leaves it out");
        assertEquals(State.ACTIVE, created.getStatus().getState());
        assertEquals("1", created.getEtag());
        assertEquals(Webhook.Auth.Type.NONE, created.getWebhook().getAuth().getType(), "the schema default is stored and shown");
        assertEquals(Duration.newBuilder().setSeconds(10).build(), created.getWebhook().getTimeout());

        Integration fetched = admin.getIntegration(GetIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration();
        assertEquals(created, fetched);
        assertEquals(List.of(created), admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsList());

        Integration.Builder changed = fetched.toBuilder().setName("CRM v2").setTriggerEvent("outbound_call_placed");
        changed.getWebhookBuilder().setMethod(Webhook.Method.GET).setFormat(Webhook.Format.QUERY).setTimeout(Duration.newBuilder().setSeconds(2).setNanos(500_000_000).build());
        Integration updated = admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(changed).build()).getIntegration();
        assertEquals("CRM v2", updated.getName());
        assertEquals("outbound_call_placed", updated.getTriggerEvent());
        assertEquals(Webhook.Method.GET, updated.getWebhook().getMethod());
        assertEquals(Duration.newBuilder().setSeconds(2).setNanos(500_000_000).build(), updated.getWebhook().getTimeout());
        assertEquals("2", updated.getEtag());
        assertEquals(created.getCreateTime(), updated.getCreateTime());
        assertNotEquals(created.getUpdateTime(), updated.getUpdateTime());

        Integration disabled = admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration();
        assertFalse(disabled.getEnabled());
        assertEquals(State.DISABLED_BY_ADMIN, disabled.getStatus().getState());
        Integration enabled = admin.enableIntegration(EnableIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration();
        assertTrue(enabled.getEnabled());
        assertEquals("4", enabled.getEtag());

        admin.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(created.getId()).build());
        assertStatus(Status.Code.NOT_FOUND, () -> admin.getIntegration(GetIntegrationRequest.newBuilder().setId(created.getId()).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> admin.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(created.getId()).build()));
        assertEquals(0, admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsCount());
    }

    @Test
    void everyChangeIsAuditedWithItsActor() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getIntegration();
        Integration.Builder renamed = created.toBuilder().setName("Helpdesk");
        admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(renamed).build());
        admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(created.getId()).build());
        admin.deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(created.getId()).build());

        List<AuditRecord> entries = api.auditLog.all().stream().filter(entry -> entry.resourceType().equals("integration")).toList();
        assertEquals(List.of("integration.create", "integration.update", "integration.disable", "integration.delete"),
                entries.stream().map(AuditRecord::action).toList());
        String adminKeyId = api.auditLog.all().stream().filter(entry -> entry.action().equals("integration.create"))
                .findFirst().orElseThrow().actorKeyId();
        assertTrue(entries.stream().allMatch(entry -> entry.actorKeyId().equals(adminKeyId) && entry.accountId().equals("acme")));
        assertEquals("updated integration \"Helpdesk\": changed name", entries.get(1).summary());
    }

    @Test
    void enablingClearsTheReasonTheServerDisabledItFor() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getIntegration();
        api.integrations.disableByServer(created.getId(), "failing for 3 days");

        Integration disabled = admin.getIntegration(GetIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration();
        assertEquals(State.DISABLED_BY_SERVER, disabled.getStatus().getState());
        assertEquals("failing for 3 days", disabled.getStatus().getReason());

        Integration enabled = admin.enableIntegration(EnableIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration();
        assertEquals(State.ACTIVE, enabled.getStatus().getState());
        assertEquals("", enabled.getStatus().getReason());
    }

    @Test
    void enablingAnEnabledIntegrationChangesNothing() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getIntegration();
        Integration again = admin.enableIntegration(EnableIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration();
        assertEquals(created, again);
    }

    @Test
    void aStaleEtagIsAborted() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getIntegration();
        admin.updateIntegration(UpdateIntegrationRequest.newBuilder().setIntegration(created.toBuilder().setName("first")).build());

        var conflict = assertStatus(Status.Code.ABORTED, () -> admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                .setIntegration(created.toBuilder().setName("second")).build()));
        assertEquals("ETAG_MISMATCH", Statuses.errorInfo(conflict).getReason());
        assertEquals("first", admin.getIntegration(GetIntegrationRequest.newBuilder().setId(created.getId()).build()).getIntegration().getName());
    }

    @Test
    void anUpdateWithoutAnEtagIsRefused() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook("CRM")).build()).getIntegration();
        var violations = Statuses.invalidFields(() -> admin.updateIntegration(UpdateIntegrationRequest.newBuilder()
                .setIntegration(created.toBuilder().clearEtag().setName("")).build()));
        assertEquals(List.of("integration.etag", "integration.name"), List.copyOf(violations.keySet()));
        assertTrue(violations.get("integration.etag").contains("etag is required"));
    }

    @Test
    void aThirdPartyTransportIsConfiguredThroughTheConfigMap() {
        Integration created = admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.queue("Queue")).build()).getIntegration();
        assertEquals("calls", created.getConfigOrThrow("queue"));
        assertEquals("10", created.getConfigOrThrow("batch_size"), "the schema default is stored and shown");
        assertFalse(created.hasWebhook());
    }
}
