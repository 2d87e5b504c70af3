package io.pbxhooks.spi;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.model.Payload;
import java.time.Instant;

/**
 * What one delivery attempt sends.
 *
 * @param deliveryId stable across retries, so receivers can de-duplicate (sent as {@code webhook-id})
 * @param attempt    1 for the first attempt
 * @param sentAt     when this attempt is made (the signature timestamp)
 */
public record OutboundMessage(String deliveryId, int attempt, String eventType, Instant sentAt, Payload payload) {

    public OutboundMessage {
        requireNonNull(deliveryId, "deliveryId is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(sentAt, "sentAt is null");
        requireNonNull(payload, "payload is null");
    }
}
