package io.pbxhooks.spi;

import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import java.time.Instant;
import java.util.Optional;

/**
 * A service type whose events can trigger integrations (for example Hosted PBX). Stateless and
 * thread-safe: the host calls it concurrently from many streams.
 */
public interface TriggerPlugin {

    /** The service type's catalogue: its id, events and fields. Must return the same value every time. */
    ServiceTypeDescriptor serviceType();

    /**
     * Decodes a raw event of this service type and classifies it into the trigger event it fires, if any.
     *
     * @return the trigger event carrying the values of the fields it has, or empty when the raw event fires
     *         nothing (for Hosted PBX: an internal call, a {@code **} pickup)
     * @throws MalformedEventException when the payload cannot be decoded or lacks what the event needs
     */
    Optional<TriggerEvent> classify(RawEvent event) throws MalformedEventException;

    /**
     * A realistic example of event {@code eventType}, as if it had occurred at {@code occurredAt}: what the host
     * sends when an administrator asks for a test delivery. It should carry every field the event has, with
     * plausible values, and its {@link TriggerEvent#occurredAt()} must be {@code occurredAt}.
     *
     * @return the sample, or empty when the plugin offers none for this event (the default) or does not know it
     */
    default Optional<TriggerEvent> sampleEvent(String eventType, Instant occurredAt) {
        return Optional.empty();
    }

    /** The protobuf schema of the raw payload, when it is a protobuf message; published through server reflection. */
    default Optional<PayloadSchema> payloadSchema() {
        return Optional.empty();
    }
}
