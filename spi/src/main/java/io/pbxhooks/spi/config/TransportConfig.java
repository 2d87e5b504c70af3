package io.pbxhooks.spi.config;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.model.FieldMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one integration's transport, as generic data the transport's
 * {@link ConfigSchema} describes.
 *
 * @param values        scalar settings by name (secrets in clear: the host decrypts before handing them over)
 * @param lists         {@link SettingType#NAME_VALUE_LIST} settings by name
 * @param fieldMappings the payload composition, which some transports constrain (e.g. unique keys)
 */
public record TransportConfig(Map<String, String> values, Map<String, List<NameValue>> lists, List<FieldMapping> fieldMappings) {

    public TransportConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        Map<String, List<NameValue>> copiedLists = new LinkedHashMap<>();
        requireNonNull(lists, "lists is null").forEach((name, list) -> copiedLists.put(name, List.copyOf(list)));
        lists = Collections.unmodifiableMap(copiedLists);
        fieldMappings = List.copyOf(requireNonNull(fieldMappings, "fieldMappings is null"));
    }

    public static TransportConfig empty() {
        return new TransportConfig(Map.of(), Map.of(), List.of());
    }

    /** A set, non-blank value. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
    }

    public List<NameValue> list(String name) {
        return lists.getOrDefault(name, List.of());
    }
}
