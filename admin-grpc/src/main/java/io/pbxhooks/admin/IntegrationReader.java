package io.pbxhooks.admin;

import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the settable part of an {@link Integration} message: the {@code webhook} message for type
 * {@code webhook}, the {@code config} map for any other type. Setting the one a type does not use is a violation.
 */
final class IntegrationReader {

    private IntegrationReader() {
    }

    record Reading(IntegrationSpec spec, List<Violation> violations) {
    }

    static Reading read(Integration message) {
        List<Violation> violations = new ArrayList<>();
        List<FieldMapping> mappings = message.getFieldMappingsList().stream()
                .map(mapping -> new FieldMapping(mapping.getRequestKey(), mapping.getField()))
                .toList();
        TransportConfig config;
        if (message.getType().equals(WebhookSettings.TYPE)) {
            if (message.getConfigCount() > 0) {
                violations.add(new Violation("integration.config",
                        "must be empty for type webhook: set the webhook's settings in integration.webhook"));
            }
            config = new TransportConfig(WebhookSettings.values(message.getWebhook()), WebhookSettings.lists(message.getWebhook()), mappings);
        } else {
            if (message.hasWebhook()) {
                violations.add(new Violation("integration.webhook",
                        "applies only to type webhook: type \"" + message.getType() + "\" takes its settings in integration.config"));
            }
            config = new TransportConfig(message.getConfigMap(), Map.of(), mappings);
        }
        IntegrationSpec spec = new IntegrationSpec(message.getName(), message.getType(), message.getTriggerServiceType(),
                message.getTriggerEvent(), config);
        return new Reading(spec, violations);
    }
}
