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
 */
public record TriggerEvent(String serviceType, String eventType, Instant occurredAt, Map<String, FieldValue> fields) {

    public TriggerEvent {
        requireNonNull(serviceType, "serviceType is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(occurredAt, "occurredAt is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields, "fields is null")));
    }

    public Optional<FieldValue> field(String fieldId) {
        return Optional.ofNullable(fields.get(fieldId));
    }
}
