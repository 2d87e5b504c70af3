package io.pbxhooks.admin.fake;

import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TransportSender;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.NameValue;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.SettingType;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The webhook transport's setting names and a few of its cross-setting rules; it sends nothing. */
public final class FakeWebhookTransport implements TransportPlugin {

    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .setting(SettingDescriptor.builder("request_url", SettingType.STRING).label("Request URL").required().maxLength(2048)
                    .rule(value -> value.startsWith("http://") || value.startsWith("https://")
                            ? Optional.empty() : Optional.of("Request URL must be an absolute http or https URL")).build())
            .setting(SettingDescriptor.builder("method", SettingType.ENUM).label("Method").allowedValues("POST", "GET").defaultValue("POST").build())
            .setting(SettingDescriptor.builder("format", SettingType.ENUM).label("Format").allowedValues("JSON", "QUERY").defaultValue("JSON").build())
            .setting(SettingDescriptor.builder("path_arguments", SettingType.STRING).label("Path arguments").build())
            .setting(SettingDescriptor.builder("auth.type", SettingType.ENUM).label("Authentication").allowedValues("NONE", "BASIC", "TOKEN")
                    .defaultValue("NONE").build())
            .setting(SettingDescriptor.builder("auth.username", SettingType.STRING).label("Username").build())
            .setting(SettingDescriptor.builder("auth.password", SettingType.SECRET).label("Password").build())
            .setting(SettingDescriptor.builder("auth.token", SettingType.SECRET).label("Token").build())
            .setting(SettingDescriptor.builder("headers", SettingType.NAME_VALUE_LIST).label("Custom headers").build())
            .setting(SettingDescriptor.builder("signing_secret", SettingType.SECRET).label("Signing secret")
                    .description("Standard Webhooks signing secret").build())
            .setting(SettingDescriptor.builder("timeout", SettingType.DURATION_MILLIS).label("Timeout").defaultValue("10000").build())
            .build();

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public String displayName() {
        return "Webhook";
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public List<Violation> validate(TransportConfig config) {
        List<Violation> violations = new ArrayList<>(SCHEMA.validate(config));
        if (config.value("method").orElse("POST").equals("GET") && config.value("format").orElse("JSON").equals("JSON")) {
            violations.add(new Violation("format", "a GET has no body: use format QUERY with method GET"));
        }
        String authType = config.value("auth.type").orElse("NONE");
        if (authType.equals("BASIC") && config.value("auth.username").isEmpty()) {
            violations.add(new Violation("auth.username", "Username is required for BASIC authentication"));
        }
        if (authType.equals("TOKEN") && config.value("auth.token").isEmpty()) {
            violations.add(new Violation("auth.token", "Token is required for TOKEN authentication"));
        }
        List<NameValue> headers = config.list("headers");
        for (int index = 0; index < headers.size(); index++) {
            if (!headers.get(index).name().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                violations.add(new Violation("headers[" + index + "].name", "header name must be an HTTP token"));
            }
        }
        Set<String> keys = new HashSet<>();
        List<FieldMapping> mappings = config.fieldMappings();
        for (int index = 0; index < mappings.size(); index++) {
            String key = mappings.get(index).requestKey();
            if (key.isEmpty() || !keys.add(key)) {
                violations.add(new Violation("field_mappings[" + index + "].request_key",
                        key.isEmpty() ? "request key must not be empty" : "request key \"" + key + "\" is used twice"));
            }
        }
        return violations;
    }

    @Override
    public TransportSender createSender(TransportConfig config, PluginContext context) {
        throw new UnsupportedOperationException("the admin API never sends");
    }
}
