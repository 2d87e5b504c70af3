package io.pbxhooks.admin;

import static io.pbxhooks.admin.SampleDeliveries.delivery;
import static io.pbxhooks.admin.Statuses.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.pbxhooks.admin.port.DeliveryState;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc.DeliveryServiceBlockingStub;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.RedeliverDeliveryRequest;
import io.pbxhooks.admin.v1.SendTestEventRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin of acme asking for a delivery of globex gets NOT_FOUND, exactly as for one that does not exist. */
class DeliveryIsolationTest {

    private AdminApiServer api;
    private String acmeKey;
    private DeliveryServiceBlockingStub acme;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        api.createAccount("globex");
        acmeKey = api.createKey("acme", ApiKey.Role.ADMIN);
        acme = api.deliveries(acmeKey);
        api.deliveries.seed(delivery("acme-1", "acme", "crm", DeliveryState.FAILED, 1));
        api.deliveries.seed(delivery("globex-1", "globex", "erp", DeliveryState.FAILED, 2));
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void anotherAccountsDeliveryLooksLikeNoDelivery() {
        var other = assertStatus(Status.Code.NOT_FOUND, () -> acme.getDelivery(GetDeliveryRequest.newBuilder().setId("globex-1").build()));
        var missing = assertStatus(Status.Code.NOT_FOUND, () -> acme.getDelivery(GetDeliveryRequest.newBuilder().setId("missing").build()));
        assertEquals(missing.getStatus().getDescription().replace("missing", "globex-1"), other.getStatus().getDescription());

        var redeliverOther = assertStatus(Status.Code.NOT_FOUND, () -> acme.redeliverDelivery(RedeliverDeliveryRequest.newBuilder().setId("globex-1").build()));
        assertEquals(other.getStatus().getDescription(), redeliverOther.getStatus().getDescription());
        assertEquals(DeliveryState.FAILED, api.deliveries.find("globex-1").orElseThrow().state());
    }

    @Test
    void anAdminListsOnlyItsOwnAccountsDeliveries() {
        assertEquals(List.of("acme-1"), acme.listDeliveries(ListDeliveriesRequest.getDefaultInstance()).getDeliveriesList().stream()
                .map(Delivery::getId).toList());
        assertEquals(List.of(), acme.listDeliveries(ListDeliveriesRequest.newBuilder().setIntegrationId("erp").build()).getDeliveriesList());
        var other = assertStatus(Status.Code.NOT_FOUND, () -> acme.listDeliveries(ListDeliveriesRequest.newBuilder().setAccountId("globex").build()));
        var missing = assertStatus(Status.Code.NOT_FOUND, () -> acme.listDeliveries(ListDeliveriesRequest.newBuilder().setAccountId("initech").build()));
        assertEquals(missing.getStatus().getDescription().replace("initech", "globex"), other.getStatus().getDescription());
    }

    @Test
    void anAdminCannotSendATestEventToAnotherAccountsIntegration() {
        String globexIntegration = api.integrations(api.createKey("globex", ApiKey.Role.ADMIN)).createIntegration(CreateIntegrationRequest
                .newBuilder().setIntegration(SampleIntegrations.webhook("Globex CRM")).build()).getIntegration().getId();
        assertStatus(Status.Code.NOT_FOUND, () -> api.integrations(acmeKey).sendTestEvent(SendTestEventRequest.newBuilder().setId(globexIntegration).build()));
        assertEquals(List.of(), api.testEvents.sent());
    }

    @Test
    void aProducerKeyMayNotReadDeliveries() {
        String producer = api.createKey("acme", ApiKey.Role.PRODUCER);
        assertStatus(Status.Code.PERMISSION_DENIED, () -> api.deliveries(producer).listDeliveries(ListDeliveriesRequest.getDefaultInstance()));
    }
}
