package io.pbxhooks.server.persistence;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The JSON kept in {@code integrations.transport_config}: the SECRET settings apart from the others, each
 * encrypted, so that reading never needs the transport's schema to know what to decrypt.
 */
@Serdeable
record StoredTransportConfig(Map<String, String> values, Map<String, String> secrets, Map<String, List<Pair>> lists) {

    /** The JSON leaves empty maps out. */
    StoredTransportConfig {
        values = values == null ? Map.of() : values;
        secrets = secrets == null ? Map.of() : secrets;
        lists = lists == null ? Map.of() : lists;
    }

    /** A header may have an empty value, which the JSON leaves out: it reads back as empty, not missing. */
    @Serdeable
    record Pair(String name, String value) {
        Pair {
            name = name == null ? "" : name;
            value = value == null ? "" : value;
        }
    }

    @Serdeable
    record Mapping(String requestKey, String field) {
    }
}
