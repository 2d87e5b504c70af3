package io.pbxhooks.admin.fake;

import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TransportSender;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.SettingType;
import io.pbxhooks.spi.config.TransportConfig;

/** A third-party transport, configured through the generic config map. */
public final class FakeQueueTransport implements TransportPlugin {

    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .setting(SettingDescriptor.builder("queue", SettingType.STRING).label("Queue").required().build())
            .setting(SettingDescriptor.builder("api_key", SettingType.SECRET).label("API key").build())
            .setting(SettingDescriptor.builder("batch_size", SettingType.INTEGER).label("Batch size").defaultValue("10").build())
            .build();

    @Override
    public String id() {
        return "queue";
    }

    @Override
    public String displayName() {
        return "Queue";
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public TransportSender createSender(TransportConfig config, PluginContext context) {
        throw new UnsupportedOperationException("the admin API never sends");
    }
}
