package io.pbxhooks.server.delivery;

import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.server.plugin.PluginRegistry;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TransportSender;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One transport sender per integration, and the destination it sends to, replaced (and the old sender closed) when the
 * integration changes.
 */
@Singleton
class SenderCache {

    private record Cached(long version, TransportSender sender, String destination) {
    }

    private final PluginRegistry plugins;
    private final Map<String, Cached> senders = new ConcurrentHashMap<>();

    SenderCache(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    TransportSender senderFor(IntegrationRecord integration) {
        return cached(integration).sender();
    }

    /**
     * The transport's name for the receiver, prefixed with the transport id; an integration whose transport names none
     * is a destination of its own.
     */
    String destinationOf(IntegrationRecord integration) {
        return cached(integration).destination();
    }

    private Cached cached(IntegrationRecord integration) {
        return senders.compute(integration.id(), (id, existing) -> {
            if (existing != null && existing.version() == integration.version()) {
                return existing;
            }
            if (existing != null) {
                existing.sender().close();
            }
            TransportPlugin transport = plugins.transport(integration.type())
                    .orElseThrow(() -> new IllegalStateException("transport " + integration.type() + " is not loaded"));
            String destination = integration.type() + " " + transport.destination(integration.config()).orElse("integration " + id);
            return new Cached(integration.version(), transport.createSender(integration.config(), plugins.pluginContext()), destination);
        });
    }

    @PreDestroy
    void closeAll() {
        senders.values().forEach(cached -> cached.sender().close());
        senders.clear();
    }
}
