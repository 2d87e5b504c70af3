package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.contract.PluginContract;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class WebhookPluginTest {

    @Test
    void keepsThePluginContract() {
        PluginContract.assertKept(new WebhookPlugin());
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        Plugin plugin = plugins.get(0);
        assertTrue(plugin instanceof WebhookPlugin);
        assertEquals(SpiVersion.CURRENT, plugin.spiVersion());
        assertTrue(plugin.triggerPlugins().isEmpty());
        TransportPlugin transport = plugin.transportPlugins().get(0);
        assertEquals("webhook", transport.id());
        assertEquals("Webhook", transport.displayName());
    }

    @Test
    void contributesOneTransportInstanceForItsLifetime() {
        WebhookPlugin plugin = new WebhookPlugin();
        assertEquals(1, plugin.transportPlugins().size());
        assertSame(plugin.transportPlugins().get(0), plugin.transportPlugins().get(0));
    }

    @Test
    void refusesToCreateASenderForAnInvalidConfigurationWithoutRepeatingSecrets() {
        WebhookTransport transport = new WebhookTransport();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> transport.createSender(
                TestConfig.minimal().set("auth.type", "TOKEN").set("auth.token", "Secret Token").build(), new PluginContext() { }));
        assertTrue(refused.getMessage().contains("auth.token"), refused.getMessage());
        assertFalse(refused.getMessage().contains("Secret Token"), refused.getMessage());
    }

    @Test
    void noMessageRepeatsASecretValue() {
        String marker = "S3CRET-MARKER";
        TestConfig config = TestConfig.minimal().set("auth.type", "NONE").set("auth.password", marker + "\n" + "x".repeat(300))
                .set("auth.token", marker + " \r\n").set("signing_secret", marker);
        List<Violation> violations = config.violations();
        assertFalse(violations.isEmpty());
        violations.forEach(violation -> assertFalse(violation.message().contains(marker), violation.toString()));
    }
}
