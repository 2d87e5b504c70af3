package io.pbxhooks.webhook;

import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TransportPlugin;
import java.util.List;

/** The plugin jar's entry point, named in {@code META-INF/services/io.pbxhooks.spi.Plugin}: contributes the webhook transport. */
public final class WebhookPlugin implements Plugin {

    private final WebhookTransport transport = new WebhookTransport();

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public List<TransportPlugin> transportPlugins() {
        return List.of(transport);
    }
}
