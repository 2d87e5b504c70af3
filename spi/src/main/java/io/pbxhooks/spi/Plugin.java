package io.pbxhooks.spi;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one entry point of a plugin jar, named in {@code META-INF/services/io.pbxhooks.spi.Plugin}.
 *
 * <p>Every method but {@link #spiVersion()} has a default, so the SPI can grow new kinds of
 * extension without breaking plugins written before them.
 */
public interface Plugin {

    /**
     * Return {@link SpiVersion#CURRENT}. Implement it in the plugin (do not inherit it): the constant is
     * copied into the plugin's class file, which is how the host learns the SPI it was built against.
     */
    int spiVersion();

    /**
     * The plugin's id, unique among the plugins a server loads, e.g. {@code hosted-pbx}: the server logs it at startup
     * and names it when two plugins clash. Defaults to the ids of what the plugin contributes (service types, then
     * transport types) joined with {@code +}, or the class name when it contributes nothing; override it with a
     * stable id.
     */
    default String id() {
        String contributed = Stream.concat(triggerPlugins().stream().map(trigger -> trigger.serviceType().id()),
                transportPlugins().stream().map(TransportPlugin::id)).collect(Collectors.joining("+"));
        return contributed.isEmpty() ? getClass().getName() : contributed;
    }

    /** A name for logs: defaults to the class name. */
    default String name() {
        return getClass().getName();
    }

    /** The plugin's version for logs: defaults to {@code Implementation-Version} of the jar's manifest. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "unversioned" : version;
    }

    default List<TriggerPlugin> triggerPlugins() {
        return List.of();
    }

    default List<TransportPlugin> transportPlugins() {
        return List.of();
    }
}
