package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.SettingType;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSchemaTest {

    private final ConfigSchema schema = new WebhookTransport().configSchema();

    @Test
    void declaresExactlyTheSettingsTheAdminApiMaps() {
        assertEquals(List.of("request_url", "method", "format", "path_arguments", "auth.type", "auth.username", "auth.password",
                "auth.token", "headers", "signing_secret", "timeout"), schema.settings().stream().map(SettingDescriptor::name).toList());
    }

    @Test
    void typesDefaultsAndAllowedValues() {
        SettingDescriptor requestUrl = setting("request_url");
        assertEquals(SettingType.STRING, requestUrl.type());
        assertTrue(requestUrl.required());
        assertEquals(2048, requestUrl.maxLength());
        assertEnum("method", "POST", "POST", "GET");
        assertEnum("format", "JSON", "JSON", "QUERY");
        assertEnum("auth.type", "NONE", "NONE", "BASIC", "TOKEN");
        assertEquals(SettingType.STRING, setting("path_arguments").type());
        assertEquals(SettingType.STRING, setting("auth.username").type());
        assertEquals(SettingType.NAME_VALUE_LIST, setting("headers").type());
        assertEquals(SettingType.DURATION_MILLIS, setting("timeout").type());
        assertEquals("10000", setting("timeout").defaultValue());
    }

    @Test
    void passwordTokenAndSigningSecretAreSecrets() {
        assertEquals(List.of("auth.password", "auth.token", "signing_secret"),
                schema.settings().stream().filter(SettingDescriptor::isSecret).map(SettingDescriptor::name).toList());
    }

    @Test
    void onlyTheRequestUrlIsRequired() {
        assertEquals(List.of("request_url"), schema.settings().stream().filter(SettingDescriptor::required).map(SettingDescriptor::name).toList());
        assertEquals(List.of("request_url"), TestConfig.empty().violatedFields());
    }

    @Test
    void everySettingHasALabelAndADescriptionForTheCatalogue() {
        for (SettingDescriptor setting : schema.settings()) {
            assertFalse(setting.label().isBlank() || setting.label().equals(setting.name()), setting.name() + " has no label");
            assertTrue(setting.description().length() > 30, setting.name() + " has no real description");
        }
    }

    @Test
    void theSmallestValidConfigurationIsJustARequestUrl() {
        assertEquals(List.of(), TestConfig.minimal().violations());
    }

    @Test
    void aFullyUsedValidConfigurationHasNoViolations() {
        TestConfig config = TestConfig.minimal().set("method", "GET").set("format", "QUERY").set("path_arguments", "calls/inbound")
                .set("auth.type", "BASIC").set("auth.username", "pbx").set("auth.password", "s3cret")
                .set("signing_secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").set("timeout", "5000")
                .header("X-Api-Key", "abc").header("X-Tenant", "42").mapping("caller", "source_number").mapping("called", "destination_number");
        assertEquals(List.of(), config.violations());
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertEquals(List.of("url"), TestConfig.minimal().set("url", "https://example.com").violatedFields());
    }

    private SettingDescriptor setting(String name) {
        return schema.setting(name).orElseThrow();
    }

    private void assertEnum(String name, String defaultValue, String... allowed) {
        SettingDescriptor setting = setting(name);
        assertEquals(SettingType.ENUM, setting.type());
        assertEquals(defaultValue, setting.defaultValue());
        assertEquals(List.of(allowed), setting.allowedValues());
    }
}
