package io.pbxhooks.admin;

import static io.pbxhooks.admin.SampleDeliveries.attempt;
import static io.pbxhooks.admin.SampleDeliveries.delivery;
import static io.pbxhooks.admin.Statuses.assertStatus;
import static io.pbxhooks.admin.Statuses.errorInfo;
import static io.pbxhooks.admin.Statuses.invalidFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.pbxhooks.admin.port.AttemptRecord;
import io.pbxhooks.admin.port.AuditRecord;
import io.pbxhooks.admin.port.DeliveryRecord;
import io.pbxhooks.admin.port.DeliveryState;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc.DeliveryServiceBlockingStub;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.ListDeliveriesResponse;
import io.pbxhooks.admin.v1.RedeliverDeliveryRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryServiceTest {

    private AdminApiServer api;
    private DeliveryServiceBlockingStub admin;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        api.createAccount("globex");
        admin = api.deliveries(api.createKey("acme", ApiKey.Role.ADMIN));
        api.deliveries.seed(delivery("d1", "acme", "crm", DeliveryState.SUCCEEDED, 1));
        api.deliveries.seed(delivery("d2", "acme", "helpdesk", DeliveryState.FAILED, 2));
        api.deliveries.seed(delivery("d3", "acme", "crm", DeliveryState.RETRY_SCHEDULED, 3));
        api.deliveries.seed(delivery("d4", "acme", "crm", DeliveryState.FAILED, 4));
        api.deliveries.seed(delivery("d5", "acme", "helpdesk", DeliveryState.PENDING, 5));
        api.deliveries.seed(delivery("g1", "globex", "erp", DeliveryState.FAILED, 3));
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    private List<String> idsOfAllPages(DeliveryServiceBlockingStub stub, ListDeliveriesRequest.Builder request) {
        List<String> ids = new ArrayList<>();
        ListDeliveriesResponse page;
        do {
            page = stub.listDeliveries(request.build());
            page.getDeliveriesList().forEach(delivery -> ids.add(delivery.getId()));
            request.setPageToken(page.getNextPageToken());
        } while (!page.getNextPageToken().isEmpty());
        return ids;
    }

    private static Timestamp minute(int minute) {
        return Timestamps.of(SampleDeliveries.START.plusSeconds(60L * minute));
    }

    @Test
    void listsTheAccountsDeliveriesNewestFirstPageByPage() {
        ListDeliveriesResponse first = admin.listDeliveries(ListDeliveriesRequest.newBuilder().setPageSize(2).build());
        assertEquals(List.of("d5", "d4"), first.getDeliveriesList().stream().map(Delivery::getId).toList());
        assertFalse(first.getNextPageToken().isEmpty());
        assertEquals(List.of("d5", "d4", "d3", "d2", "d1"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setPageSize(2)));
        assertEquals(List.of("d5", "d4", "d3", "d2", "d1"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setAccountId("acme")));
    }

    @Test
    void filtersByIntegrationStateAndCreateTime() {
        assertEquals(List.of("d4", "d3", "d1"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setIntegrationId("crm").setPageSize(1)));
        assertEquals(List.of("d4", "d2"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setState(Delivery.State.FAILED)));
        assertEquals(List.of("d4"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setIntegrationId("crm").setState(Delivery.State.FAILED)));
        assertEquals(List.of("d4", "d3", "d2"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder()
                .setCreateTimeFrom(minute(2)).setCreateTimeTo(minute(5))), "from is inclusive, to exclusive");
        assertEquals(List.of("d5", "d4"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setCreateTimeFrom(minute(4))));
        assertEquals(List.of("d1"), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setCreateTimeTo(minute(2))));
        assertEquals(List.of(), idsOfAllPages(admin, ListDeliveriesRequest.newBuilder().setCreateTimeFrom(minute(3)).setCreateTimeTo(minute(3))));
    }

    @Test
    void anOperatorListsEveryAccountOrOne() {
        DeliveryServiceBlockingStub operator = api.deliveries(AdminApiServer.OPERATOR_KEY);
        assertEquals(List.of("d5", "d4", "g1", "d3", "d2", "d1"), idsOfAllPages(operator, ListDeliveriesRequest.newBuilder()));
        assertEquals(List.of("g1"), idsOfAllPages(operator, ListDeliveriesRequest.newBuilder().setAccountId("globex")));
        assertStatus(Status.Code.NOT_FOUND, () -> operator.listDeliveries(ListDeliveriesRequest.newBuilder().setAccountId("initech").build()));
    }

    @Test
    void reportsEveryInvalidFilterAtOnce() {
        Map<String, String> invalid = invalidFields(() -> admin.listDeliveries(ListDeliveriesRequest.newBuilder()
                .setStateValue(42)
                .setCreateTimeFrom(minute(5))
                .setCreateTimeTo(minute(4))
                .setPageSize(-1)
                .build()));
        assertEquals(List.of("state", "create_time_to", "page_size"), List.copyOf(invalid.keySet()));
        assertEquals("state 42 is unknown (expected PENDING, IN_FLIGHT, RETRY_SCHEDULED, SUCCEEDED, FAILED)", invalid.get("state"));
        assertEquals(List.of("create_time_from"), List.copyOf(invalidFields(() -> admin.listDeliveries(ListDeliveriesRequest.newBuilder()
                .setCreateTimeFrom(Timestamp.newBuilder().setSeconds(1).setNanos(-5)).build())).keySet()));
        assertEquals(List.of("page_token"), List.copyOf(invalidFields(() -> admin.listDeliveries(ListDeliveriesRequest.newBuilder()
                .setPageToken("not ours").build())).keySet()));
    }

    @Test
    void getsADeliveryWithItsAttemptsOldestFirst() {
        DeliveryRecord retried = delivery("d6", "acme", "crm", DeliveryState.RETRY_SCHEDULED, 6);
        AttemptRecord second = new AttemptRecord("d6", 2, Instant.parse("2025-03-01T09:07:00.250Z"), 10_000, "RETRYABLE", 0,
                "no complete response within the timeout of 10000 ms", "POST https://crm.example.com/hooks\n", Map.of(), "");
        api.deliveries.seed(retried, second, attempt("d6", 1, "RETRYABLE", 503));

        GetDeliveryResponse response = admin.getDelivery(GetDeliveryRequest.newBuilder().setId("d6").build());

        assertEquals(Delivery.newBuilder()
                .setId("d6").setAccountId("acme").setIntegrationId("crm").setEventId("event-d6").setServiceType("hosted-pbx")
                .setEventType("inbound_call_answered").setState(Delivery.State.RETRY_SCHEDULED).setAttemptCount(1)
                .setCreateTime(minute(6)).setUpdateTime(Timestamps.of(retried.updateTime())).setNextAttemptTime(Timestamps.of(retried.nextAttemptTime()))
                .setLastStatusCode(503).setLastError("HTTP 503 Service Unavailable").setTest(false)
                .build(), response.getDelivery());
        assertEquals(List.of(1, 2), response.getAttemptsList().stream().map(Attempt::getNumber).toList());
        Attempt first = response.getAttempts(0);
        assertEquals(Attempt.Outcome.RETRYABLE, first.getOutcome());
        assertEquals(503, first.getStatusCode());
        assertEquals(Duration.newBuilder().setSeconds(1).setNanos(251_000_000).build(), first.getDuration());
        assertEquals(List.of(Attempt.Header.newBuilder().setName("Retry-After").setValue("30").build()), first.getResponseHeadersList());
        assertEquals("try later", first.getResponseExcerpt());
        assertEquals("POST https://crm.example.com/hooks\nAuthorization: ********\n\n{\"ext\":\"0042\"}", first.getRequest());
        Attempt timedOut = response.getAttempts(1);
        assertEquals(0, timedOut.getStatusCode());
        assertEquals(Timestamp.newBuilder().setSeconds(minute(7).getSeconds()).setNanos(250_000_000).build(), timedOut.getStartTime());
        assertEquals(Duration.newBuilder().setSeconds(10).build(), timedOut.getDuration());
        assertEquals(0, timedOut.getResponseHeadersCount());
    }

    @Test
    void aDeliveryWithoutAttemptsHasNoNextAttemptTimeOrErrorSet() {
        GetDeliveryResponse response = admin.getDelivery(GetDeliveryRequest.newBuilder().setId("d1").build());
        assertFalse(response.getDelivery().hasNextAttemptTime());
        assertEquals("", response.getDelivery().getLastError());
        assertEquals(0, response.getAttemptsCount());
    }

    @Test
    void getNeedsAnIdOfAKnownDelivery() {
        assertEquals(List.of("id"), List.copyOf(invalidFields(() -> admin.getDelivery(GetDeliveryRequest.getDefaultInstance())).keySet()));
        assertStatus(Status.Code.NOT_FOUND, () -> admin.getDelivery(GetDeliveryRequest.newBuilder().setId("missing").build()));
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryState.class, names = {"SUCCEEDED", "FAILED"})
    void redeliversAFinishedDeliveryAndAuditsIt(DeliveryState finished) {
        String id = finished == DeliveryState.SUCCEEDED ? "d1" : "d2";
        Delivery queued = admin.redeliverDelivery(RedeliverDeliveryRequest.newBuilder().setId(id).build()).getDelivery();

        assertEquals(Delivery.State.PENDING, queued.getState());
        assertEquals(queued.getUpdateTime(), queued.getNextAttemptTime(), "due now");
        assertEquals(1, queued.getAttemptCount(), "its attempts are kept");
        assertEquals(DeliveryState.PENDING, api.deliveries.find(id).orElseThrow().state());
        AuditRecord audit = api.auditLog.all().get(api.auditLog.all().size() - 1);
        assertEquals(List.of("acme", "delivery.redeliver", "delivery", id, "queued again (was " + finished + " after 1 attempts)"),
                List.of(audit.accountId(), audit.action(), audit.resourceType(), audit.resourceId(), audit.summary()));
        assertEquals(Timestamps.of(audit.time()), queued.getNextAttemptTime());
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryState.class, names = {"PENDING", "IN_FLIGHT", "RETRY_SCHEDULED"})
    void aDeliveryStillOnItsWayCannotBeRedelivered(DeliveryState onItsWay) {
        api.deliveries.seed(delivery("d9", "acme", "crm", onItsWay, 9));
        int auditEntries = api.auditLog.all().size();

        var failure = assertStatus(Status.Code.FAILED_PRECONDITION, () -> admin.redeliverDelivery(RedeliverDeliveryRequest.newBuilder().setId("d9").build()));

        assertEquals("DELIVERY_NOT_FINISHED", errorInfo(failure).getReason());
        assertEquals("delivery \"d9\" is " + onItsWay + ": only a SUCCEEDED or FAILED delivery can be delivered again", failure.getStatus().getDescription());
        assertEquals(onItsWay, api.deliveries.find("d9").orElseThrow().state());
        assertEquals(auditEntries, api.auditLog.all().size());
    }

    @Test
    void anOperatorRedeliversAnyAccountsDelivery() {
        Delivery queued = api.deliveries(AdminApiServer.OPERATOR_KEY).redeliverDelivery(RedeliverDeliveryRequest.newBuilder().setId("g1").build()).getDelivery();
        assertEquals(Delivery.State.PENDING, queued.getState());
        assertEquals("globex", api.auditLog.all().get(api.auditLog.all().size() - 1).accountId());
    }
}
