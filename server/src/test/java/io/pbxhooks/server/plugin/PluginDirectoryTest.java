package io.pbxhooks.server.plugin;

import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ServiceType;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.server.admin.LogCapture;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.RawEvent;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TriggerPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
        TestPluginJars.echo().buildInto(pluginsDirectory(), "echo-plugin.jar");

        List<String> startupLog;
        try (LogCapture logs = new LogCapture();
             AdminTestServer api = AdminTestServer.start(TestDatabase.Kind.H2, Map.of("pbxhooks.plugins-dir", pluginsDirectory().toString()))) {
            startupLog = logs.lines();

            ServiceType echoThroughTheApi = api.catalog(OPERATOR_KEY).listServiceTypes(ListServiceTypesRequest.getDefaultInstance())
                    .getServiceTypesList().stream().filter(serviceType -> serviceType.getId().equals("echo")).findFirst().orElseThrow();
            assertEquals("Echo", echoThroughTheApi.getDisplayName());
            assertEquals("text_received", echoThroughTheApi.getEvents(0).getId());
            assertEquals("text", echoThroughTheApi.getFields(0).getId());

            PluginRegistry registry = api.server().context().getBean(PluginRegistry.class);
            TriggerPlugin echo = registry.trigger("echo").orElseThrow();
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

        assertEquals(1, startupLog.stream().filter(line -> line.contains("Loaded plugin echo-plugin version " + TestPluginJars.VERSION
                + " from echo-plugin.jar: service types [echo], transports [echo-relay]")).count(), () -> String.join("\n", startupLog));
        assertEquals(1, startupLog.stream().filter(line -> line.contains("Loaded plugin hosted-pbx version ")
                && line.contains(" from built-in (")).count(), () -> String.join("\n", startupLog));
    }

    @Test
    void refusesToStartWithAJarThatHasNoPlugin() {
        TestPluginJars.echo().withoutEntryPoint().buildInto(pluginsDirectory(), "not-a-plugin.jar");

        String message = startupFailure();
        assertTrue(message.contains("not-a-plugin.jar contains no plugin"), message);
        assertTrue(message.contains("META-INF/services/io.pbxhooks.spi.Plugin"), message);
    }

    @Test
    void refusesToStartWhenTwoPluginsClaimTheSameServiceType() {
        TestPluginJars.echo().serviceType("hosted-pbx").buildInto(pluginsDirectory(), "impostor.jar");

        String message = startupFailure();
        assertTrue(message.contains("Two plugins provide service type \"hosted-pbx\""), message);
        assertTrue(message.contains("impostor.jar"), message);
    }

    @Test
    void refusesToStartWhenTwoPluginsClaimTheSameTransportType() {
        TestPluginJars.echo().transportType("webhook").buildInto(pluginsDirectory(), "another-webhook.jar");

        String message = startupFailure();
        assertTrue(message.contains("Two plugins provide transport type \"webhook\": webhook (built-in ("), message);
        assertTrue(message.contains("and echo-plugin (another-webhook.jar)"), message);
    }

    @Test
    void refusesToStartWhenTwoPluginsHaveTheSameId() {
        TestPluginJars.echo().pluginId("hosted-pbx").buildInto(pluginsDirectory(), "same-id.jar");

        String message = startupFailure();
        assertTrue(message.contains("Two plugins have the plugin id \"hosted-pbx\""), message);
        assertTrue(message.contains("hosted-pbx (same-id.jar)"), message);
    }

    @Test
    void refusesToStartWithAPluginBuiltForAnotherSpiVersion() {
        TestPluginJars.echo().spiVersion(SpiVersion.CURRENT + 41).buildInto(pluginsDirectory(), "from-the-future.jar");

        String message = startupFailure();
        assertTrue(message.contains("from-the-future.jar was built for SPI version " + (SpiVersion.CURRENT + 41)), message);
        assertTrue(message.contains("supports SPI versions " + SpiVersion.OLDEST_SUPPORTED + " to " + SpiVersion.CURRENT), message);
    }

    @Test
    void refusesToStartWithAPluginCompiledAgainstSpiClassesThisServerLacks() {
        TestPluginJars.echo().needingANewerSpi().buildInto(pluginsDirectory(), "needs-newer-spi.jar");

        String message = startupFailure();
        assertTrue(message.contains("The plugin in plugin jar " + pluginsDirectory().resolve("needs-newer-spi.jar") + " does not fit this server's SPI"), message);
        assertTrue(message.contains("NoClassDefFoundError: io/pbxhooks/spi/NewerSpiFeature"), message);
        assertTrue(message.contains("This server supports SPI versions " + SpiVersion.OLDEST_SUPPORTED + " to " + SpiVersion.CURRENT), message);
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
