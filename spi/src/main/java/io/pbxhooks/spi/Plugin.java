package io.pbxhooks.spi;

import java.util.List;

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
