package io.pbxhooks.server.delivery;

import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.server.plugin.PluginRegistry;
import io.pbxhooks.spi.TransportSender;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One transport sender per integration, replaced (and the old one closed) when the integration changes. */
@Singleton
class SenderCache {

    private record Cached(long version, TransportSender sender) {
    }

    private final PluginRegistry plugins;
    private final Map<String, Cached> senders = new ConcurrentHashMap<>();

    SenderCache(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    TransportSender senderFor(IntegrationRecord integration) {
        Cached cached = senders.compute(integration.id(), (id, existing) -> {
            if (existing != null && existing.version() == integration.version()) {
                return existing;
            }
            if (existing != null) {
                existing.sender().close();
            }
            return new Cached(integration.version(), plugins.transport(integration.type())
                    .orElseThrow(() -> new IllegalStateException("transport " + integration.type() + " is not loaded"))
                    .createSender(integration.config(), plugins.pluginContext()));
        });
        return cached.sender();
    }

    @PreDestroy
    void closeAll() {
        senders.values().forEach(cached -> cached.sender().close());
        senders.clear();
    }
}
