package io.pbxhooks.server.plugin;

import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TransportPlugin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds plugins: the built-in ones on the server's classpath, then one per jar in the plugins directory,
 * each jar in its own class loader that shares only the SPI packages with the server.
 */
public final class PluginLoader {

    private static final String SERVICES_FILE = "META-INF/services/" + Plugin.class.getName();

    private final ClassLoader serverLoader;

    public PluginLoader(ClassLoader serverLoader) {
        this.serverLoader = serverLoader;
    }

    public List<LoadedPlugin> load(Path pluginsDirectory) {
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (Plugin plugin : loadServices(serverLoader, "the server's classpath")) {
            plugins.add(checked(new LoadedPlugin(plugin, originOf(plugin.getClass()))));
        }
        for (Path jar : jarsIn(pluginsDirectory)) {
            plugins.add(checked(loadJar(jar)));
        }
        return plugins;
    }

    private LoadedPlugin loadJar(Path jar) {
        URLClassLoader jarLoader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {toUrl(jar)}, new SpiOnlyClassLoader(serverLoader));
        List<Plugin> found = loadServices(jarLoader, "plugin jar " + jar);
        if (found.isEmpty()) {
            throw new PluginLoadingException("Plugin jar " + jar + " contains no plugin: a plugin jar must list one class implementing "
                    + Plugin.class.getName() + " in " + SERVICES_FILE + ". Remove the jar from the plugins directory or rebuild it.");
        }
        if (found.size() > 1) {
            throw new PluginLoadingException("Plugin jar " + jar + " lists " + found.size() + " plugins in " + SERVICES_FILE
                    + "; a jar has exactly one entry point (return several trigger or transport plugins from it instead).");
        }
        return new LoadedPlugin(found.get(0), jar.getFileName().toString());
    }

    /**
     * Checks the SPI version, then asks the plugin once for everything the server reads from it, so that a plugin
     * built against SPI classes this server lacks fails here, with a message, rather than at first use.
     */
    private static LoadedPlugin checked(LoadedPlugin loaded) {
        try {
            int version = loaded.plugin().spiVersion();
            if (!SpiVersion.isSupported(version)) {
                throw new PluginLoadingException("Plugin " + loaded.plugin().getClass().getName() + " from " + loaded.origin()
                        + " was built for SPI version " + version + ", but this server supports SPI versions " + supportedVersions()
                        + ". Use a release of the plugin built for this server.");
            }
            loaded.plugin().id();
            loaded.plugin().version();
            loaded.plugin().triggerPlugins().forEach(trigger -> trigger.serviceType().id());
            loaded.plugin().transportPlugins().forEach(TransportPlugin::id);
        } catch (LinkageError error) {
            throw incompatible(loaded.origin(), error);
        }
        return loaded;
    }

    /** A class the plugin was compiled against is missing or changed: typically a plugin built for a newer SPI. */
    private static PluginLoadingException incompatible(String where, LinkageError error) {
        return new PluginLoadingException("The plugin in " + where + " does not fit this server's SPI (" + error
                + "): it was probably built against a newer or older pbxhooks SPI. This server supports SPI versions "
                + supportedVersions() + "; use a release of the plugin built for them.", error);
    }

    private static String supportedVersions() {
        return SpiVersion.OLDEST_SUPPORTED + " to " + SpiVersion.CURRENT;
    }

    private static List<Plugin> loadServices(ClassLoader loader, String where) {
        try {
            return ServiceLoader.load(Plugin.class, loader).stream().map(ServiceLoader.Provider::get).toList();
        } catch (ServiceConfigurationError error) {
            throw new PluginLoadingException("Cannot load the plugin listed in " + SERVICES_FILE + " of " + where + ": " + error.getMessage(), error);
        } catch (LinkageError error) {
            throw incompatible(where, error);
        }
    }

    private static List<Path> jarsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadingException("Cannot list the plugins directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginLoadingException("Cannot open plugin jar " + jar, e);
        }
    }

    /** Where a built-in plugin's class comes from: the jar's file name (the server's own jar once packaged) or the class directory. */
    private static String originOf(Class<?> pluginClass) {
        CodeSource source = pluginClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "built-in (classpath)";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return "built-in (" + (Files.isDirectory(location) ? location : location.getFileName()) + ")";
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException notAFile) {
            return "built-in (" + source.getLocation() + ")";
        }
    }
}
