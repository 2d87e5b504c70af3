package io.pbxhooks.server.plugin;

import java.util.List;

/**
 * The parent of every plugin jar's class loader: it shows a plugin the JDK (through the platform loader)
 * and the SPI and core-model packages (from the server), and nothing else of the server's classpath,
 * so a plugin's own dependencies can never clash with the server's.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    private static final List<String> SHARED_PACKAGES = List.of("io.pbxhooks.spi.", "io.pbxhooks.model.");

    private final ClassLoader serverLoader;

    SpiOnlyClassLoader(ClassLoader serverLoader) {
        super("pbxhooks-spi", ClassLoader.getPlatformClassLoader());
        this.serverLoader = serverLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return serverLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    static boolean isShared(String className) {
        return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
    }
}
