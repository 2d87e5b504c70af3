package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.config.TransportConfig;

/**
 * What an administrator sets on an integration, read from a request: everything but its identity, state and
 * timestamps. The field mappings are those of {@code config}.
 */
record IntegrationSpec(String name, String type, String triggerServiceType, String triggerEvent, TransportConfig config) {

    IntegrationSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(triggerServiceType, "triggerServiceType is null");
        requireNonNull(triggerEvent, "triggerEvent is null");
        requireNonNull(config, "config is null");
    }

    IntegrationSpec withConfig(TransportConfig replacement) {
        return new IntegrationSpec(name, type, triggerServiceType, triggerEvent, replacement);
    }
}
