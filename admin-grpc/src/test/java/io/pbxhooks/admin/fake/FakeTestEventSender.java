package io.pbxhooks.admin.fake;

import io.pbxhooks.admin.port.AttemptRecord;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.DeliveryRecord;
import io.pbxhooks.admin.port.DeliveryState;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.TestEventSender;
import io.pbxhooks.admin.port.TestSendResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records each test send in the {@link FakeDeliveryStore} as the server would, with the answer a test gave it, as
 * if the receiver had given it; it sends nothing.
 */
public final class FakeTestEventSender implements TestEventSender {

    /** What the pretend receiver answered. */
    public record Answer(int statusCode, Map<String, List<String>> headers, String body) {
    }

    private final FakeDeliveryStore deliveries;
    private final List<IntegrationRecord> sent = new ArrayList<>();
    private Answer answer = new Answer(200, Map.of("Content-Type", List.of("application/json")), "{\"received\":true}");

    public FakeTestEventSender(FakeDeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    public synchronized void answer(Answer answer) {
        this.answer = answer;
    }

    /** The integrations sent to, in order. */
    public synchronized List<IntegrationRecord> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized TestSendResult send(IntegrationRecord integration, Instant now, AuditEntryDraft audit) {
        sent.add(integration);
        String id = "test-delivery-" + sent.size();
        boolean succeeded = answer.statusCode() >= 200 && answer.statusCode() < 300;
        String statusLine = "HTTP " + answer.statusCode();
        DeliveryRecord delivery = new DeliveryRecord(id, integration.accountId(), integration.id(), "test-event-" + sent.size(),
                integration.triggerServiceType(), integration.triggerEvent(), succeeded ? DeliveryState.SUCCEEDED : DeliveryState.FAILED, 1,
                now, now, null, answer.statusCode(), succeeded ? null : statusLine, true);
        AttemptRecord attempt = new AttemptRecord(id, 1, now, 37, succeeded ? "SUCCEEDED" : answer.statusCode() >= 500 ? "RETRYABLE" : "PERMANENT",
                answer.statusCode(), statusLine, "POST https://crm.example.com/hooks/calls\nAuthorization: ********\n\n{}", answer.headers(),
                answer.body());
        deliveries.recordTestSend(delivery, attempt, audit);
        return new TestSendResult(delivery, attempt);
    }
}
