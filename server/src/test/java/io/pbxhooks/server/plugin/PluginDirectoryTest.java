package io.pbxhooks.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.server.testing.TestServer;
import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.RawEvent;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TriggerPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoryTest {

    @TempDir
    Path dataDirectory;

    private Path pluginsDirectory() {
        return dataDirectory.resolve("plugins");
    }

    @Test
    void loadsAPluginJarFromThePluginsDirectoryInItsOwnClassLoader() throws Exception {
        TestPluginJars.build(pluginsDirectory(), "echo-plugin.jar", "echo", "SpiVersion.CURRENT", true);

        try (ApplicationContext server = ApplicationContext.run(EmbeddedServer.class, TestServer.baseProperties(dataDirectory)).getApplicationContext()) {
            PluginRegistry registry = server.getBean(PluginRegistry.class);
            TriggerPlugin echo = registry.trigger("echo").orElseThrow();
            assertEquals("Echo", echo.serviceType().displayName());
            assertTrue(registry.trigger("hosted-pbx").isPresent(), "the built-in plugins load too");
            assertTrue(registry.plugins().stream().anyMatch(loaded -> loaded.origin().equals("echo-plugin.jar")));

            TriggerEvent event = echo.classify(new RawEvent("e1", "a1", "echo", Instant.EPOCH, "text", "hello".getBytes(StandardCharsets.UTF_8))).orElseThrow();
            assertEquals("hello", event.field("text").orElseThrow().asText());

            ClassLoader pluginLoader = echo.getClass().getClassLoader();
            assertSame(Plugin.class, pluginLoader.loadClass(Plugin.class.getName()), "the SPI is shared with the server");
            assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass("io.micronaut.context.ApplicationContext"),
                    "the server's own classes are hidden from plugins");
            assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass("io.pbxhooks.server.plugin.PluginRegistry"));
        }
    }

    @Test
    void refusesToStartWithAJarThatHasNoPlugin() {
        TestPluginJars.build(pluginsDirectory(), "not-a-plugin.jar", "echo", "SpiVersion.CURRENT", false);

        String message = startupFailure();
        assertTrue(message.contains("not-a-plugin.jar contains no plugin"), message);
        assertTrue(message.contains("META-INF/services/io.pbxhooks.spi.Plugin"), message);
    }

    @Test
    void refusesToStartWhenTwoPluginsClaimTheSameServiceType() {
        TestPluginJars.build(pluginsDirectory(), "impostor.jar", "hosted-pbx", "SpiVersion.CURRENT", true);

        String message = startupFailure();
        assertTrue(message.contains("Two plugins provide service type \"hosted-pbx\""), message);
        assertTrue(message.contains("impostor.jar"), message);
    }

    @Test
    void refusesToStartWithAPluginBuiltForAnotherSpiVersion() {
        TestPluginJars.build(pluginsDirectory(), "from-the-future.jar", "echo", String.valueOf(SpiVersion.CURRENT + 41), true);

        String message = startupFailure();
        assertTrue(message.contains("from-the-future.jar was built for SPI version " + (SpiVersion.CURRENT + 41)), message);
        assertTrue(message.contains("supports SPI versions " + SpiVersion.OLDEST_SUPPORTED + " to " + SpiVersion.CURRENT), message);
    }

    private String startupFailure() {
        Map<String, Object> properties = new HashMap<>(TestServer.baseProperties(dataDirectory));
        RuntimeException failure = assertThrows(RuntimeException.class, () -> ApplicationContext.run(EmbeddedServer.class, properties).close());
        Throwable cause = failure;
        while (cause != null && !(cause instanceof PluginLoadingException)) {
            cause = cause.getCause();
        }
        assertTrue(cause != null, "startup failed for another reason: " + failure);
        return cause.getMessage();
    }
}
