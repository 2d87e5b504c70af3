package io.pbxhooks.server.plugin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.Plugin;

/** A plugin and where it came from: the jar's file name, or "classpath" for a built-in one. */
public record LoadedPlugin(Plugin plugin, String origin) {

    public LoadedPlugin {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(origin, "origin is null");
    }
}
