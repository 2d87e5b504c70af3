package io.pbxhooks.admin;

import io.pbxhooks.admin.port.AttemptRecord;
import io.pbxhooks.admin.port.DeliveryRecord;
import io.pbxhooks.admin.port.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deliveries and attempts as the outbox would have stored them, to seed the fake store with. */
final class SampleDeliveries {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private SampleDeliveries() {
    }

    /** A delivery created {@code minute} minutes after {@link #START}. */
    static DeliveryRecord delivery(String id, String accountId, String integrationId, DeliveryState state, int minute) {
        Instant created = START.plusSeconds(60L * minute);
        boolean failed = state == DeliveryState.FAILED || state == DeliveryState.RETRY_SCHEDULED;
        return new DeliveryRecord(id, accountId, integrationId, "event-" + id, "hosted-pbx", "inbound_call_answered", state,
                state == DeliveryState.PENDING ? 0 : 1, created, created.plusSeconds(5),
                state == DeliveryState.RETRY_SCHEDULED ? created.plusSeconds(35) : null,
                failed ? 503 : state == DeliveryState.SUCCEEDED ? 200 : 0, failed ? "HTTP 503 Service Unavailable" : null, false);
    }

    static AttemptRecord attempt(String deliveryId, int number, String outcome, int statusCode) {
        return new AttemptRecord(deliveryId, number, START.plusSeconds(number * 30L), 1250 + number, outcome, statusCode,
                "HTTP " + statusCode, "POST https://crm.example.com/hooks\nAuthorization: ********\n\n{\"ext\":\"0042\"}",
                Map.of("Retry-After", List.of("30")), "try later");
    }
}
