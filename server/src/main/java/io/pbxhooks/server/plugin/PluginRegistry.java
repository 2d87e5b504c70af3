package io.pbxhooks.server.plugin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TriggerPlugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded plugins' trigger and transport plugins by id, and the one context the server gives them all. Two
 * plugins with one plugin id, or claiming one service type or transport type, stop the server.
 */
public final class PluginRegistry implements PluginCatalog {

    private final List<LoadedPlugin> plugins;
    private final PluginContext context;
    private final Map<String, TriggerPlugin> triggers = new LinkedHashMap<>();
    private final Map<String, TransportPlugin> transports = new LinkedHashMap<>();

    public PluginRegistry(List<LoadedPlugin> plugins, PluginContext context) {
        this.plugins = List.copyOf(plugins);
        this.context = requireNonNull(context, "context is null");
        Map<String, String> triggerOrigins = new LinkedHashMap<>();
        Map<String, String> transportOrigins = new LinkedHashMap<>();
        Map<String, String> pluginOrigins = new LinkedHashMap<>();
        for (LoadedPlugin loaded : plugins) {
            for (TriggerPlugin trigger : loaded.plugin().triggerPlugins()) {
                String id = trigger.serviceType().id();
                claim("provide service type", id, loaded, triggerOrigins);
                triggers.put(id, trigger);
            }
            for (TransportPlugin transport : loaded.plugin().transportPlugins()) {
                claim("provide transport type", transport.id(), loaded, transportOrigins);
                transports.put(transport.id(), transport);
            }
            claim("have the plugin id", loaded.plugin().id(), loaded, pluginOrigins);
        }
    }

    private static void claim(String clash, String id, LoadedPlugin claimant, Map<String, String> origins) {
        String where = claimant.plugin().id() + " (" + claimant.origin() + ")";
        String earlier = origins.putIfAbsent(id, where);
        if (earlier != null) {
            throw new PluginLoadingException("Two plugins " + clash + " \"" + id + "\": " + earlier + " and " + where
                    + ". Remove one of them from the plugins directory.");
        }
    }

    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    @Override
    public PluginContext pluginContext() {
        return context;
    }

    @Override
    public List<TriggerPlugin> triggers() {
        return List.copyOf(triggers.values());
    }

    @Override
    public List<TransportPlugin> transports() {
        return List.copyOf(transports.values());
    }

    @Override
    public Optional<TriggerPlugin> trigger(String serviceTypeId) {
        return Optional.ofNullable(triggers.get(serviceTypeId));
    }

    @Override
    public Optional<TransportPlugin> transport(String transportId) {
        return Optional.ofNullable(transports.get(transportId));
    }
}
