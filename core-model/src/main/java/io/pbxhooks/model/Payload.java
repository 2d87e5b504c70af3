package io.pbxhooks.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** The ordered key/value pairs sent to a destination, built from an integration's field mappings. */
public record Payload(List<Entry> entries) {

    public Payload {
        entries = List.copyOf(requireNonNull(entries, "entries is null"));
    }

    /**
     * Applies {@code mappings} to {@code event} in order; a mapped field that this event lacks is left out.
     */
    public static Payload of(TriggerEvent event, List<FieldMapping> mappings) {
        List<Entry> entries = new ArrayList<>(mappings.size());
        for (FieldMapping mapping : mappings) {
            event.field(mapping.field()).ifPresent(value -> entries.add(new Entry(mapping.requestKey(), value)));
        }
        return new Payload(entries);
    }

    public record Entry(String key, FieldValue value) {
        public Entry {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }
}
