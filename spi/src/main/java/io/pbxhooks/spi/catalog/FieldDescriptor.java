package io.pbxhooks.spi.catalog;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.model.FieldType;
import java.util.List;

/** One field an integration can map into its payload, and the ids of the events that have it. */
public record FieldDescriptor(String id, String displayName, FieldType valueType, String description, List<String> eventIds) {

    public FieldDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(valueType, "valueType is null");
        requireNonNull(description, "description is null");
        eventIds = List.copyOf(requireNonNull(eventIds, "eventIds is null"));
    }

    public boolean isIn(String eventId) {
        return eventIds.contains(eventId);
    }
}
