package io.pbxhooks.spi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pbxhooks.model.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    private final ConfigSchema schema = ConfigSchema.builder()
            .setting(SettingDescriptor.builder("url", SettingType.STRING).label("URL").required().maxLength(10)
                    .rule(value -> value.startsWith("http") ? Optional.empty() : Optional.of("URL must start with http")).build())
            .setting(SettingDescriptor.builder("method", SettingType.ENUM).label("Method").allowedValues("POST", "GET").defaultValue("POST").build())
            .setting(SettingDescriptor.builder("timeout", SettingType.DURATION_MILLIS).label("Timeout").build())
            .setting(SettingDescriptor.builder("verbose", SettingType.BOOLEAN).label("Verbose").build())
            .setting(SettingDescriptor.builder("token", SettingType.SECRET).label("Token").build())
            .setting(SettingDescriptor.builder("headers", SettingType.NAME_VALUE_LIST).label("Headers").build())
            .build();

    private List<Violation> validate(Map<String, String> values) {
        return schema.validate(new TransportConfig(values, Map.of(), List.of()));
    }

    @Test
    void acceptsAValidConfiguration() {
        assertEquals(List.of(), validate(Map.of("url", "http://a", "method", "GET", "timeout", "5", "verbose", "true", "token", "t")));
    }

    @Test
    void reportsEveryProblemAsDataAtOnce() {
        List<Violation> violations = validate(Map.of("method", "PUT", "timeout", "soon", "verbose", "yes", "colour", "red"));
        assertEquals(List.of(
                new Violation("colour", "is not a setting of this transport; known settings: url, method, timeout, verbose, token, headers"),
                new Violation("url", "URL is required"),
                new Violation("method", "Method must be one of POST, GET (got \"PUT\")"),
                new Violation("timeout", "Timeout must be a whole number (got \"soon\")"),
                new Violation("verbose", "Verbose must be true or false (got \"yes\")")), violations);
    }

    @Test
    void checksLengthBeforeTheSettingsOwnRules() {
        assertEquals(List.of(new Violation("url", "URL must be at most 10 characters (it has 11)")), validate(Map.of("url", "ftp://a.b.c")));
        assertEquals(List.of(new Violation("url", "URL must start with http")), validate(Map.of("url", "ftp://a")));
    }

    @Test
    void aListSettingIsNotAScalarAndViceVersa() {
        List<Violation> violations = schema.validate(new TransportConfig(Map.of("url", "http://a", "headers", "x"),
                Map.of("url", List.of(new NameValue("a", "b"))), List.of()));
        assertEquals(List.of("headers", "url"), violations.stream().map(Violation::field).toList());
    }

    @Test
    void refusesDuplicateSettingsAndEnumsWithoutValues() {
        SettingDescriptor url = SettingDescriptor.builder("url", SettingType.STRING).build();
        assertThrows(IllegalArgumentException.class, () -> ConfigSchema.builder().setting(url).setting(url));
        assertThrows(IllegalArgumentException.class, () -> SettingDescriptor.builder("mode", SettingType.ENUM).build());
    }
}
