package io.pbxhooks.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An event as a producer published it, before its trigger plugin classifies it.
 *
 * @param payloadType the fully qualified name of the payload's message type (for protobuf: the part of the
 *                    {@code Any} type URL after the last '/')
 * @param payload     the payload's bytes in the plugin's own encoding
 */
public record RawEvent(String eventId, String accountId, String serviceType, Instant occurredAt,
                       String payloadType, byte[] payload) {

    public RawEvent {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(serviceType, "serviceType is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(payloadType, "payloadType is null");
        requireNonNull(payload, "payload is null");
    }
}
