package io.pbxhooks.spi;

import java.time.Clock;

/** What the host gives a plugin: deliberately narrow, each method a default so it can grow. */
public interface PluginContext {

    default Clock clock() {
        return Clock.systemUTC();
    }

    default System.Logger logger(String name) {
        return System.getLogger(name);
    }

    /**
     * Which addresses a transport may connect to. The host's policy: the built-in rules of the pbxhooks server refuse
     * loopback, private, link-local and other internal addresses unless its operator allows them. Without a host
     * policy every address is refused ({@link DestinationPolicy#refuseAll()}).
     */
    default DestinationPolicy destinationPolicy() {
        return DestinationPolicy.refuseAll();
    }
}
