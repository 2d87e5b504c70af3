package io.pbxhooks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTest {

    private final TriggerEvent answered = new TriggerEvent("hosted-pbx", "inbound_call_answered", Instant.EPOCH,
            Map.of("extension_number", FieldValue.of("0042"), "has_voicemail", FieldValue.of(true)));

    @Test
    void followsTheMappingOrderAndLeavesOutFieldsTheEventLacks() {
        Payload payload = Payload.of(answered, List.of(
                new FieldMapping("voicemail", "has_voicemail"),
                new FieldMapping("ivr", "ivr_name"),
                new FieldMapping("ext", "extension_number"),
                new FieldMapping("ext_again", "extension_number")));
        assertEquals(List.of(
                new Payload.Entry("voicemail", FieldValue.of(true)),
                new Payload.Entry("ext", FieldValue.of("0042")),
                new Payload.Entry("ext_again", FieldValue.of("0042"))), payload.entries());
    }

    @Test
    void fieldValuesRenderAsText() {
        assertEquals("0042", FieldValue.of("0042").asText());
        assertEquals("false", FieldValue.of(false).asText());
        assertEquals(FieldType.BOOLEAN, FieldValue.of(false).type());
    }

    @Test
    void onlyARetryableResultCarriesRetryAfter() {
        assertEquals(Duration.ofSeconds(30), DeliveryResult.retryable(429, Duration.ofSeconds(30), "HTTP 429").requestedRetryAfter().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new DeliveryResult(DeliveryResult.Outcome.PERMANENT, 410, Duration.ZERO, "HTTP 410"));
        assertEquals(false, DeliveryResult.retryable(0, null, "connection refused").hasResponse());
    }

    @Test
    void violationsNestUnderAParentPath() {
        assertEquals(new Violation("integration.webhook.request_url", "bad"), new Violation("request_url", "bad").under("integration.webhook"));
    }
}
