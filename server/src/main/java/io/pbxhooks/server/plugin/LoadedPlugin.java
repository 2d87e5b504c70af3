package io.pbxhooks.server.plugin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.Plugin;

/** A plugin and where it came from: the file name of its jar in the plugins directory, or "built-in (…)" for one on the server's classpath. */
public record LoadedPlugin(Plugin plugin, String origin) {

    public LoadedPlugin {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(origin, "origin is null");
    }
}
