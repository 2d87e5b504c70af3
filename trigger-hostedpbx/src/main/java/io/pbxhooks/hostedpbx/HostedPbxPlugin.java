package io.pbxhooks.hostedpbx;

import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TriggerPlugin;
import java.util.List;

/** The entry point of the Hosted PBX plugin jar: contributes the {@code hosted-pbx} trigger. */
public final class HostedPbxPlugin implements Plugin {

    private final List<TriggerPlugin> triggerPlugins = List.of(new HostedPbxTrigger());

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "hosted-pbx";
    }

    @Override
    public List<TriggerPlugin> triggerPlugins() {
        return triggerPlugins;
    }
}
