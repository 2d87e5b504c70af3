package io.pbxhooks.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A classified event of a service type (for example Hosted PBX "inbound_call_answered") with the
 * values of the fields it has, in catalogue order. A field the event type has but this event lacks
 * is simply absent.
 *
 * @param orderingKey events with the same key (e.g. one call's UUID) are delivered to an integration in the
 *                    order they were accepted; null when the event needs no ordering
 */
public record TriggerEvent(String serviceType, String eventType, Instant occurredAt, Map<String, FieldValue> fields, String orderingKey) {

    public TriggerEvent(String serviceType, String eventType, Instant occurredAt, Map<String, FieldValue> fields) {
        this(serviceType, eventType, occurredAt, fields, null);
    }

    public TriggerEvent {
        requireNonNull(serviceType, "serviceType is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(occurredAt, "occurredAt is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields, "fields is null")));
    }

    public Optional<String> ordering() {
        return Optional.ofNullable(orderingKey);
    }

    public Optional<FieldValue> field(String fieldId) {
        return Optional.ofNullable(fields.get(fieldId));
    }
}
