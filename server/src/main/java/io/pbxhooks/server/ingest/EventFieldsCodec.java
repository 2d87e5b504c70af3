package io.pbxhooks.server.ingest;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.pbxhooks.model.FieldType;
import io.pbxhooks.model.FieldValue;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trigger event's field values as the JSON kept in {@code events.fields}, in their order. */
@Singleton
public class EventFieldsCodec {

    @Serdeable
    record StoredField(String id, FieldType type, String value) {
    }

    private final JsonMapper json;

    public EventFieldsCodec(JsonMapper json) {
        this.json = json;
    }

    public String encode(Map<String, FieldValue> fields) {
        List<StoredField> stored = fields.entrySet().stream()
                .map(field -> new StoredField(field.getKey(), field.getValue().type(), field.getValue().asText())).toList();
        try {
            return json.writeValueAsString(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, FieldValue> decode(String stored) {
        try {
            Map<String, FieldValue> fields = new LinkedHashMap<>();
            for (StoredField field : json.readValue(stored, Argument.listOf(StoredField.class))) {
                fields.put(field.id(), field.type() == FieldType.BOOLEAN ? FieldValue.of(Boolean.parseBoolean(field.value())) : FieldValue.of(field.value()));
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException("an event's stored fields are not readable", e);
        }
    }
}
