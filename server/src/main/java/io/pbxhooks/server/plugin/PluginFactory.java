package io.pbxhooks.server.plugin;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.pbxhooks.server.ServerSettings;
import io.pbxhooks.server.delivery.DeliverySettings;
import io.pbxhooks.server.security.ExtraCertificateAuthorities;
import io.pbxhooks.server.destination.AllowedDestinations;
import io.pbxhooks.server.destination.HostDestinationPolicy;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TriggerPlugin;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the plugins eagerly, so that a bad plugin stops the server at startup rather than at first use. */
@Factory
class PluginFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFactory.class);

    @Context
    PluginRegistry pluginRegistry(ServerSettings settings, DeliverySettings delivery) {
        AllowedDestinations allowed = AllowedDestinations.parse(settings.getAllowedDestinations());
        if (!allowed.isEmpty()) {
            LOG.info("Deliveries may go to these otherwise refused destinations (PBXHOOKS_ALLOWED_DESTINATIONS): {}", allowed);
        }
        List<X509Certificate> extraAuthorities = ExtraCertificateAuthorities.read(delivery.getExtraCaFile());
        if (!extraAuthorities.isEmpty()) {
            LOG.info("Deliveries over HTTPS trust, besides the JDK's trust store, the authorities in {} (PBXHOOKS_DELIVERY_EXTRA_CA_FILE): {}",
                    delivery.getExtraCaFile(), extraAuthorities.stream().map(authority -> authority.getSubjectX500Principal().getName()).toList());
        }
        PluginRegistry registry = new PluginRegistry(new PluginLoader(PluginFactory.class.getClassLoader()).load(settings.getPluginsDir()),
                new HostPluginContext(new HostDestinationPolicy(allowed), extraAuthorities));
        for (LoadedPlugin loaded : registry.plugins()) {
            LOG.info("Loaded plugin {} version {} from {}: service types [{}], transports [{}]",
                    loaded.plugin().id(), loaded.plugin().version(), loaded.origin(),
                    loaded.plugin().triggerPlugins().stream().map(trigger -> trigger.serviceType().id()).collect(Collectors.joining(", ")),
                    loaded.plugin().transportPlugins().stream().map(TransportPlugin::id).collect(Collectors.joining(", ")));
        }
        return registry;
    }
}
