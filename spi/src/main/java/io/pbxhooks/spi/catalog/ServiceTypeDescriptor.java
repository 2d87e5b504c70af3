package io.pbxhooks.spi.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** The self-description of a trigger plugin's service type: its events and the fields each has. */
public record ServiceTypeDescriptor(String id, String displayName, List<EventDescriptor> events, List<FieldDescriptor> fields) {

    public ServiceTypeDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        events = List.copyOf(requireNonNull(events, "events is null"));
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    public Optional<EventDescriptor> event(String eventId) {
        return events.stream().filter(event -> event.id().equals(eventId)).findFirst();
    }

    public Optional<FieldDescriptor> field(String fieldId) {
        return fields.stream().filter(field -> field.id().equals(fieldId)).findFirst();
    }

    /** The fields that event {@code eventId} has, in catalogue order. */
    public List<FieldDescriptor> fieldsOf(String eventId) {
        return fields.stream().filter(field -> field.isIn(eventId)).toList();
    }
}
