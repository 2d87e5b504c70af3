package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;

import com.google.protobuf.util.Durations;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** Integrations of inbound calls (by default with a one-second timeout), and backlogs of calls for them, for the isolation tests. */
final class Backlogs {

    private Backlogs() {
    }

    static Integration create(DeliveryHarness harness, TestAccount account, String requestUrl) {
        return create(harness, account, requestUrl, Misbehaviour.ATTEMPT_TIMEOUT);
    }

    static Integration create(DeliveryHarness harness, TestAccount account, String requestUrl, Duration timeout) {
        return harness.create(account, Integration.newBuilder().setName("calls to " + requestUrl).setType("webhook")
                .setTriggerServiceType(CallEvents.HOSTED_PBX).setTriggerEvent(INBOUND_CALL_RECEIVED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(requestUrl).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON)
                        .setTimeout(Durations.fromMillis(timeout.toMillis())))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid")));
    }

    /** Publishes {@code calls} inbound calls of the account, each a call of its own, on one stream; returns once all are acknowledged. */
    static void publish(DeliveryHarness harness, TestAccount account, int calls) throws Exception {
        List<PublishRequest> events = IntStream.range(0, calls)
                .mapToObj(call -> CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())))
                .toList();
        harness.publishStream(account.producerKey(), events);
    }

    static void awaitNothingPending(DeliveryHarness harness) {
        Eventually.await("every delivery final", () -> harness.api().server().queryForString(
                "SELECT CONCAT(COUNT(*), ' not final; last error: ', COALESCE(MAX(last_error), 'none')) FROM deliveries "
                        + "WHERE state IN ('PENDING', 'RETRY_SCHEDULED', 'IN_FLIGHT')"), pending -> pending.startsWith("0 "));
    }
}
