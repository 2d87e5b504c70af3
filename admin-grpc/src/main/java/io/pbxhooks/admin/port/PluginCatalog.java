package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TriggerPlugin;
import java.util.List;
import java.util.Optional;

/** The loaded plugins, in load order, and the context the host gives them. Fixed for the life of the server. */
public interface PluginCatalog {

    List<TriggerPlugin> triggers();

    List<TransportPlugin> transports();

    /**
     * The context the host gives these plugins; transports validate integrations with it (for example against the
     * host's destination policy). The default is the SPI's, whose policy refuses every destination.
     */
    default PluginContext pluginContext() {
        return new PluginContext() {
        };
    }

    default Optional<TriggerPlugin> trigger(String serviceTypeId) {
        return triggers().stream().filter(trigger -> trigger.serviceType().id().equals(serviceTypeId)).findFirst();
    }

    default Optional<TransportPlugin> transport(String id) {
        return transports().stream().filter(transport -> transport.id().equals(id)).findFirst();
    }

    /** A catalog of these plugins; the caller has already refused duplicate ids. */
    static PluginCatalog of(List<TriggerPlugin> triggers, List<TransportPlugin> transports) {
        List<TriggerPlugin> fixedTriggers = List.copyOf(requireNonNull(triggers, "triggers is null"));
        List<TransportPlugin> fixedTransports = List.copyOf(requireNonNull(transports, "transports is null"));
        return new PluginCatalog() {
            @Override
            public List<TriggerPlugin> triggers() {
                return fixedTriggers;
            }

            @Override
            public List<TransportPlugin> transports() {
                return fixedTransports;
            }
        };
    }
}
