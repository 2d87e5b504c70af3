package io.pbxhooks.server.plugin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.DestinationPolicy;
import io.pbxhooks.spi.PluginContext;

/** What the server gives every plugin: the SPI's defaults (UTC clock, platform logging) and the server's destination policy. */
final class HostPluginContext implements PluginContext {

    private final DestinationPolicy destinationPolicy;

    HostPluginContext(DestinationPolicy destinationPolicy) {
        this.destinationPolicy = requireNonNull(destinationPolicy, "destinationPolicy is null");
    }

    @Override
    public DestinationPolicy destinationPolicy() {
        return destinationPolicy;
    }
}
