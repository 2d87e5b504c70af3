package io.pbxhooks.webhook;

import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.config.NameValue;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds webhook configurations for tests, starting from the smallest valid one. */
final class TestConfig {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<NameValue> headers = new ArrayList<>();
    private final List<FieldMapping> mappings = new ArrayList<>();

    private TestConfig() {
    }

    static TestConfig minimal() {
        return new TestConfig().set(WebhookSchema.REQUEST_URL, "https://example.com/hooks");
    }

    static TestConfig empty() {
        return new TestConfig();
    }

    TestConfig set(String name, String value) {
        values.put(name, value);
        return this;
    }

    TestConfig header(String name, String value) {
        headers.add(new NameValue(name, value));
        return this;
    }

    TestConfig mapping(String requestKey, String field) {
        mappings.add(new FieldMapping(requestKey, field));
        return this;
    }

    TransportConfig build() {
        return new TransportConfig(values, headers.isEmpty() ? Map.of() : Map.of(WebhookSchema.HEADERS, headers), mappings);
    }

    List<Violation> violations() {
        return new WebhookTransport().validate(build());
    }

    /** The paths of the violations, in order. */
    List<String> violatedFields() {
        return violations().stream().map(Violation::field).toList();
    }
}
