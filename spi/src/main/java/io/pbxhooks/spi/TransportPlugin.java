package io.pbxhooks.spi;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.List;
import java.util.Optional;

/**
 * A kind of destination (for example webhook): a stateless factory with an id and a configuration
 * schema that creates one {@link TransportSender} per integration.
 */
public interface TransportPlugin {

    /** The transport type id an integration names, e.g. {@code webhook}. */
    String id();

    String displayName();

    /** The settings this transport takes. The host validates, documents and redacts secrets from this schema. */
    ConfigSchema configSchema();

    /**
     * Every problem with {@code config} as data; empty when it is valid. Never throws for bad input. The
     * default checks the schema's own rules; override to add rules that span several settings, and include
     * the schema's violations in the result.
     */
    default List<Violation> validate(TransportConfig config) {
        return configSchema().validate(config);
    }

    /**
     * As {@link #validate(TransportConfig)}, with rules that depend on the host, such as refusing a destination its
     * {@link PluginContext#destinationPolicy() destination policy} would refuse. The host validates through this one
     * when an integration is saved; the default ignores the context.
     */
    default List<Violation> validate(TransportConfig config, PluginContext context) {
        return validate(config);
    }

    /**
     * The receiver {@code config} sends to, e.g. {@code https://crm.example.com:443}, from a configuration that
     * {@link #validate} accepted. The host caps the attempts in flight per destination, so that one receiver that hangs
     * cannot take every attempt slot: integrations naming the same destination share that cap. The default, empty, makes
     * each integration a destination of its own.
     */
    default Optional<String> destination(TransportConfig config) {
        return Optional.empty();
    }

    /** Creates the sender of one integration from a configuration that {@link #validate} accepted. */
    TransportSender createSender(TransportConfig config, PluginContext context);
}
